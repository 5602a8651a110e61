// The heavy parts of the extension (the detection engine, yaml, the corpus computations, the
// exchange formats, the report) are bundled apart from dist/extension.js and loaded by the first
// call that needs them, so that loading the extension costs only its registrations.
//
// What crosses the boundary: the bundles hold pure core code only (esbuild.js checks it), so no
// state of the extension (annotation store, analysis cache, corpus index) exists twice. Values and
// class instances they return are plain data or objects used only through their own methods.
import * as path from 'node:path';
import type * as CorpusBundle from './bundles/corpus';
import type * as EngineBundle from './bundles/engine';
import type * as InterchangeBundle from './bundles/interchange';
import type * as ReportBundle from './bundles/report';
import type * as SidecarBundle from './bundles/sidecar';

/** The bundles loaded so far, with how long each took to load (for the editor bench). */
export const loadedBundles = new Map<string, number>();

function lazyBundle<T>(file: string): () => T {
  let loaded: T | undefined;
  return () => {
    if (loaded === undefined) {
      const started = performance.now();
      // A computed path, so that esbuild leaves the require to run time instead of inlining the bundle;
      // a synchronous require, because callers (a hover, a decoration) answer synchronously.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      loaded = require(path.join(__dirname, file)) as T;
      loadedBundles.set(file, performance.now() - started);
    }
    return loaded;
  };
}

/** Analysis of articles and exports (dist/engine.js). */
export const engine = lazyBundle<typeof EngineBundle>('engine.js');
/** Article summaries, the corpus's saved index and its lookups (dist/corpus.js). */
export const corpusCore = lazyBundle<typeof CorpusBundle>('corpus.js');
/** Sidecars and label files, with yaml, and the re-anchoring of tags (dist/sidecar.js). */
export const sidecarCore = lazyBundle<typeof SidecarBundle>('sidecar.js');
/** Export and import formats, curation, conflicts (dist/interchange.js). */
export const interchangeCore = lazyBundle<typeof InterchangeBundle>('interchange.js');
/** The corpus report (dist/report.js). */
export const reportCore = lazyBundle<typeof ReportBundle>('report.js');
