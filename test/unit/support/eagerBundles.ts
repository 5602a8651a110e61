// The test suites' stand-in for src/base/lazyBundles.ts (esbuild.js swaps it in for test bundles):
// the same accessors, with the bundles' modules bundled into the test file, because a test file
// lives in dist/test/… and not beside dist/engine.js. The extension under test loads the real ones.
import * as corpusBundle from '../../../src/base/bundles/corpus';
import * as engineBundle from '../../../src/base/bundles/engine';
import * as interchangeBundle from '../../../src/base/bundles/interchange';
import * as reportBundle from '../../../src/base/bundles/report';
import * as sidecarBundle from '../../../src/base/bundles/sidecar';

export const loadedBundles = new Map<string, number>();
export const engine = (): typeof engineBundle => engineBundle;
export const corpusCore = (): typeof corpusBundle => corpusBundle;
export const sidecarCore = (): typeof sidecarBundle => sidecarBundle;
export const interchangeCore = (): typeof interchangeBundle => interchangeBundle;
export const reportCore = (): typeof reportBundle => reportBundle;
