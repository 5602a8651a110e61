// dist/corpus.js: what the corpus index computes over its articles, loaded on first use
// (src/base/lazyBundles.ts). Pure core only: the index itself (its state) stays in extension.js.
export { summariseArticle } from '../../core/corpus/summary';
export { IndexedCorpus } from '../../core/corpus/indexedCorpus';
export { QuoteGroupLookup } from '../../core/corpus/quoteElsewhere';
export { articleViewAt, speakerInView } from '../../core/corpus/articleViews';
