import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { readArticleFileSettings } from '../base/config';
import { LANGUAGE_ID } from '../base/constants';

/**
 * Decides which text files are news articles. A `.txt` file becomes a "Source Text" article
 * only inside a workspace folder and only when it matches `sourceAnnotator.articles.include`
 * and not `sourceAnnotator.articles.exclude`; a `.txt` opened from elsewhere keeps its language.
 */
export function isArticleDocument(doc: vscode.TextDocument): boolean {
  if (doc.languageId === LANGUAGE_ID) return true;
  if (doc.languageId !== 'plaintext') return false;
  return isArticleCandidate(doc);
}

function isArticleCandidate(doc: vscode.TextDocument): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  if (!folder) return false;
  const { include, exclude } = readArticleFileSettings(doc.uri);
  const matches = (glob: string): boolean =>
    vscode.languages.match({ pattern: new vscode.RelativePattern(folder, glob) }, doc) > 0;
  return include.some(matches) && !exclude.some(matches);
}

/** Gives matching plain-text documents the Source Text language, now and whenever one opens. */
export function registerArticleLanguage(): vscode.Disposable {
  const adopt = (doc: vscode.TextDocument): void => {
    if (doc.languageId === 'plaintext' && isArticleCandidate(doc)) {
      void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID).then(undefined, () => undefined);
    }
  };
  vscode.workspace.textDocuments.forEach(adopt);
  return vscode.workspace.onDidOpenTextDocument(adopt);
}

/** The workspace's article files, per the include/exclude settings of each folder. */
export async function findArticleFiles(limit: number, token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const { include, exclude } = readArticleFileSettings(folder.uri);
    const excludeGlob = exclude.length > 0 ? `{${exclude.join(',')}}` : null;
    for (const glob of include) {
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), excludeGlob === null ? null : new vscode.RelativePattern(folder, excludeGlob), limit, token);
      for (const uri of uris) found.set(uri.toString(), uri);
      if (token?.isCancellationRequested) return [];
    }
  }
  return (await withoutSameFiles([...found.values()].sort((a, b) => a.path.localeCompare(b.path)))).slice(0, limit);
}

/**
 * A file of the local disk reached by two paths (a symbolic link to it or to its folder, which the
 * search follows, or a hard link) is one article: the first path is kept, so it is not counted twice.
 */
async function withoutSameFiles(uris: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
  const ids = await Promise.all(
    uris.map((uri) =>
      uri.scheme === 'file'
        ? fs.promises.stat(uri.fsPath, { bigint: true }).then(
            (s) => `${s.dev}:${s.ino}`,
            () => uri.toString(),
          )
        : Promise.resolve(uri.toString()),
    ),
  );
  const seen = new Set<string>();
  return uris.filter((_, i) => {
    const id = ids[i] ?? '';
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
