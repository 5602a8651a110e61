import * as vscode from 'vscode';
import { findArticleFiles } from '../articles/language';
import { readTextIfExists, sidecarUri } from '../tagging/store/sidecarFiles';

/** More articles than any newsroom folder holds; the search stops there rather than run away. */
export const ARTICLE_LIMIT = 100_000;

/** An article of the workspace as the exchange commands see it. */
export interface WorkspaceArticle {
  readonly uri: vscode.Uri;
  /** Path relative to its workspace folder with `/` separators, after the folder's name in a workspace of several (what exchange files name). */
  readonly name: string;
  /** The open document, when there is one: its text (maybe unsaved) is the one tags are placed on. */
  readonly document: vscode.TextDocument | undefined;
}

export async function workspaceArticles(token: vscode.CancellationToken): Promise<WorkspaceArticle[]> {
  const uris = await findArticleFiles(ARTICLE_LIMIT, token);
  // In a workspace of several folders, names start with their folder's: two folders' `story.txt` stay two articles.
  const withFolder = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  return uris.map((uri) => ({
    uri,
    name: vscode.workspace.asRelativePath(uri, withFolder),
    document: vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()),
  }));
}

/** The article's text: the open document's, else the file's ('' when it vanished meanwhile). */
export async function articleText(article: WorkspaceArticle): Promise<string> {
  return article.document?.getText() ?? (await readTextIfExists(article.uri)) ?? '';
}

export async function sidecarTextOf(article: WorkspaceArticle): Promise<string | undefined> {
  return readTextIfExists(sidecarUri(article.uri));
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
