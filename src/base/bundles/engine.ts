// dist/engine.js: the detection engine, loaded by the extension on first use (src/base/lazyBundles.ts).
// Pure functions and classes of the core only: no state of the extension lives here.
export { analyze, analyzeArticle } from '../../core/analysis/analyze';
export { LiveAnalysis } from '../../core/analysis/liveAnalysis';
export { compileSeparatorPattern, separatorOptions } from '../../core/archive/separatorPattern';
export { EditMap } from '../../core/analysis/editMap';
