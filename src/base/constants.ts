// One table of every id the extension shares with package.json, so the manifest test
// can check both sides and a rename cannot miss a place.

export const EXTENSION_ID = 'source-annotator.source-annotator';
export const LANGUAGE_ID = 'source-text';

export const Commands = {
  showInfo: 'sourceAnnotator.showInfo',
  toggleHighlights: 'sourceAnnotator.toggleHighlights',
  nextQuote: 'sourceAnnotator.nextQuote',
  previousQuote: 'sourceAnnotator.previousQuote',
  nextSpeaker: 'sourceAnnotator.nextSpeakerMention',
  previousSpeaker: 'sourceAnnotator.previousSpeakerMention',
  nextBoilerplate: 'sourceAnnotator.nextBoilerplate',
  previousBoilerplate: 'sourceAnnotator.previousBoilerplate',
  nextArticle: 'sourceAnnotator.nextArticle',
  previousArticle: 'sourceAnnotator.previousArticle',
  copyCleanText: 'sourceAnnotator.copyCleanText',
  exportCleanText: 'sourceAnnotator.exportCleanText',
  showSources: 'sourceAnnotator.showSources',
  refreshSources: 'sourceAnnotator.refreshSources',
  showReport: 'sourceAnnotator.showReport',
  searchQuotes: 'sourceAnnotator.searchQuotes',
  cancelIndexing: 'sourceAnnotator.cancelIndexing',
  showNotIndexed: 'sourceAnnotator.showNotIndexed',
  tagSelection: 'sourceAnnotator.tagSelection',
  acceptSuggestion: 'sourceAnnotator.acceptSuggestion',
  rejectSuggestion: 'sourceAnnotator.rejectSuggestion',
  editAnnotation: 'sourceAnnotator.editAnnotation',
  removeAnnotation: 'sourceAnnotator.removeAnnotation',
  reattachAnnotation: 'sourceAnnotator.reattachAnnotation',
  confirmAnnotationPlace: 'sourceAnnotator.confirmAnnotationPlace',
  undoAnnotationChange: 'sourceAnnotator.undoAnnotationChange',
  exportAnnotations: 'sourceAnnotator.exportAnnotations',
  importAnnotations: 'sourceAnnotator.importAnnotations',
  compareAnnotators: 'sourceAnnotator.compareAnnotators',
  endComparison: 'sourceAnnotator.endComparison',
  /** Internal: the quick fix that settles a merge conflict in a sidecar. */
  resolveConflict: 'sourceAnnotator.resolveConflict',
  /** Internal: the code action that adopts one annotator's version of a disagreement. */
  adoptVersion: 'sourceAnnotator.adoptVersion',
  /** Internal: opens an article at a range (used by tree items and hover links). */
  revealRange: 'sourceAnnotator.revealRange',
} as const;

export const Views = {
  speakers: 'sourceAnnotator.speakers',
  statements: 'sourceAnnotator.statements',
  annotations: 'sourceAnnotator.annotations',
} as const;

/** Context keys set by the extension (package.json `when` clauses read them). */
export const ContextKeys = {
  indexing: 'sourceAnnotator.indexing',
  comparing: 'sourceAnnotator.comparing',
} as const;

export const ConfigKeys = {
  section: 'sourceAnnotator',
  highlightsEnabled: 'highlights.enabled',
  highlightQuotes: 'highlights.quotes',
  highlightSpeakers: 'highlights.speakers',
  highlightCues: 'highlights.cues',
  /** The setting keeps its published name. */
  highlightBoilerplate: 'highlights.noise',
  articleFiles: 'articles.include',
  articleExclude: 'articles.exclude',
  debounceMs: 'highlights.debounce',
  author: 'author',
  archiveSeparator: 'archive.separator',
} as const;

/** Ids of the colors contributed in package.json; never a literal color in code. */
export const Colors = {
  quoteBackground: 'sourceAnnotator.quoteBackground',
  quoteBorder: 'sourceAnnotator.quoteBorder',
  cueForeground: 'sourceAnnotator.cueForeground',
  cueBorder: 'sourceAnnotator.cueBorder',
  // Boilerplate colors keep their published ids: people's settings refer to them.
  boilerplateForeground: 'sourceAnnotator.noiseForeground',
  boilerplateBackground: 'sourceAnnotator.noiseBackground',
  boilerplateOverviewRuler: 'sourceAnnotator.noiseOverviewRuler',
  quoteOverviewRuler: 'sourceAnnotator.quoteOverviewRuler',
  /** Speaker tints cycle through this many contributed colors. */
  speakerTints: [1, 2, 3, 4, 5, 6].map((n) => `sourceAnnotator.speaker${n}Foreground`),
  speakerBorders: [1, 2, 3, 4, 5, 6].map((n) => `sourceAnnotator.speaker${n}Border`),
  annotationBackground: 'sourceAnnotator.annotationBackground',
  annotationBorder: 'sourceAnnotator.annotationBorder',
  annotationReviewBorder: 'sourceAnnotator.annotationReviewBorder',
  compareFirstBackground: 'sourceAnnotator.compareFirstBackground',
  compareFirstBorder: 'sourceAnnotator.compareFirstBorder',
  compareSecondBackground: 'sourceAnnotator.compareSecondBackground',
  compareSecondBorder: 'sourceAnnotator.compareSecondBorder',
} as const;
