// Which `.txt` files are never articles unless a user says otherwise: the editor's default
// `sourceAnnotator.articles.exclude` (package.json, which a unit test holds equal to this list), and
// the command line's walk of folders, which reads the same files as articles.

/** The default of `sourceAnnotator.articles.exclude`, as globs of the workspace. */
export const DEFAULT_ARTICLE_EXCLUDE: readonly string[] = [
  '**/node_modules/**',
  '**/.*/**',
  '**/*.clean.txt',
  '**/{requirements,constraints}*.txt',
  '**/{LICENSE,LICENCE,COPYING,NOTICE,AUTHORS,CHANGELOG,README,CMakeLists,robots}*.txt',
];

/** The globs of DEFAULT_ARTICLE_EXCLUDE that name files (the folders are skipped by the walk itself), by file name. */
const EXCLUDED_NAME = /^(?:.*\.clean\.txt|(?:requirements|constraints).*\.txt|(?:LICENSE|LICENCE|COPYING|NOTICE|AUTHORS|CHANGELOG|README|CMakeLists|robots).*\.txt)$/su;

/**
 * Whether a file of this name is no article by the default exclusions: a text without boilerplate
 * saved beside its article (`*.clean.txt`), a project's package list or licence.
 */
export function isExcludedByDefault(fileName: string): boolean {
  return EXCLUDED_NAME.test(fileName);
}
