// dist/interchange.js: the exchange formats, import, curation and conflict resolution, loaded when
// a person first exports, imports, compares or resolves (src/base/lazyBundles.ts). Pure core only.
export { parseBrat } from '../../core/interchange/brat';
export { IMPORT_EXTENSIONS, IMPORT_FORMATS, EXPORT_FORMATS, exportArticles, isExportFormat, isImportFormat, parseImport, withoutClashes } from '../../core/interchange/formats';
export { ArticleMatcher } from '../../core/interchange/matchArticle';
export { importTags } from '../../core/interchange/placeTags';
export { adoptVersion, compareAnnotators, tagAuthors } from '../../core/interchange/curation';
export { archiveExportArticles } from '../../core/interchange/archiveArticles';
export { exportArticleFrom } from '../../core/interchange/exportArticle';
export { resolveConflict } from '../../core/interchange/resolveConflict';
export { recordedConflicts } from '../../core/interchange/sidecarConflicts';
