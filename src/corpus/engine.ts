// The build names its engine (esbuild `define`, a hash of the analysis sources): a saved corpus
// index made by another engine is discarded, so changed detection rules reach every article.
declare const SOURCE_ANNOTATOR_ENGINE: string;

export function engineVersion(extensionVersion: string): string {
  const build = typeof SOURCE_ANNOTATOR_ENGINE === 'string' ? SOURCE_ANNOTATOR_ENGINE : 'unbuilt';
  return `${extensionVersion}+${build}`;
}
