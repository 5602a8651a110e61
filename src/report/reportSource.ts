import * as vscode from 'vscode';
import type { ArticleSummary } from '../core/corpus/summary';
import { summariseArticle } from '../core/corpus/summary';
import { SIDECAR_SUFFIX } from '../core/annotations/sidecar/types';
import type { ArticleTagging } from '../core/report/tagging';
import { articleTagging } from '../core/report/tagging';
import type { IndexedArticle, WorkspaceIndex } from '../corpus/workspaceIndex';
import { textSha256 } from '../tagging/store/textHash';

/**
 * Where the report's numbers come from: article summaries (paths are URI strings) and what the
 * sidecars say. The panel knows only this, so a persisted corpus index can take the place of the
 * on-demand reading below without touching the panel.
 */
export interface ReportSource {
  /** The articles under `scope` (a folder), or of the whole workspace, in a stable order. */
  summaries(scope: vscode.Uri | undefined, token?: vscode.CancellationToken): Promise<readonly ArticleSummary[]>;
  /** The tagging of the articles with a sidecar, among `paths` (URI strings from `summaries`). */
  tagging(paths: readonly string[], token?: vscode.CancellationToken): Promise<readonly ArticleTagging[]>;
  /** Fires (debounced) when an article or a sidecar changed. */
  readonly onDidChange: vscode.Event<void>;
}

function isInside(uri: vscode.Uri, scope: vscode.Uri | undefined): boolean {
  if (!scope) return true;
  const folder = scope.toString().replace(/\/$/, '');
  return uri.toString().startsWith(`${folder}/`);
}

function parentFolder(uri: vscode.Uri): string {
  return uri.with({ path: uri.path.slice(0, Math.max(0, uri.path.lastIndexOf('/'))) }).toString();
}

/**
 * The first source: the workspace index's analysed articles (live text of open documents,
 * rejected detections left out, at most the index's bound of files), summarised with the core on
 * demand; a summary is kept as long as the index keeps the same analysed article.
 */
export class IndexReportSource implements ReportSource {
  private readonly summaryOf = new WeakMap<IndexedArticle, ArticleSummary>();
  private readonly textOf = new Map<string, IndexedArticle>();
  readonly onDidChange: vscode.Event<void>;

  constructor(private readonly index: WorkspaceIndex) {
    this.onDidChange = index.onDidChange;
  }

  async summaries(scope: vscode.Uri | undefined, token?: vscode.CancellationToken): Promise<readonly ArticleSummary[]> {
    const articles = (await this.index.all(token)).filter((a) => isInside(a.uri, scope));
    this.textOf.clear();
    return articles.map((a) => {
      const path = a.uri.toString();
      this.textOf.set(path, a);
      let summary = this.summaryOf.get(a);
      if (!summary) {
        summary = summariseArticle(a.text, a.analysis, { path, folder: parentFolder(a.uri) });
        this.summaryOf.set(a, summary);
      }
      return summary;
    });
  }

  async tagging(paths: readonly string[], token?: vscode.CancellationToken): Promise<readonly ArticleTagging[]> {
    const out: ArticleTagging[] = [];
    const decoder = new TextDecoder('utf-8');
    // One search for the sidecars that exist instead of a failed read per untagged article.
    const sidecars = new Set((await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, null, undefined, token)).map((u) => u.toString()));
    for (const path of paths) {
      if (token?.isCancellationRequested) break;
      const article = this.textOf.get(path);
      if (!article || !sidecars.has(article.uri.with({ path: article.uri.path + SIDECAR_SUFFIX }).toString())) continue;
      let sidecar: string;
      try {
        sidecar = decoder.decode(await vscode.workspace.fs.readFile(article.uri.with({ path: article.uri.path + SIDECAR_SUFFIX })));
      } catch {
        continue; // Gone since the search: the article counts as untagged.
      }
      const name = article.uri.path.slice(article.uri.path.lastIndexOf('/') + 1);
      out.push(articleTagging(path, sidecar, article.text, textSha256(article.text), name));
    }
    return out;
  }
}
