import * as vscode from 'vscode';
import type { ArticleSummary } from '../core/corpus/summary';
import { SIDECAR_SUFFIX } from '../core/annotations/sidecar/types';
import type { ArticleTagging } from '../core/report/tagging';
import type { AnnotationStore } from '../tagging/store/annotationStore';
import type { WorkspaceIndex } from '../corpus/workspaceIndex';
import { textSha256 } from '../tagging/store/textHash';
import { readYamlTextIfExists } from '../tagging/store/sidecarFiles';
import { reportCore } from '../base/lazyBundles';

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

/**
 * The report over the corpus index: summaries computed on worker threads and kept between
 * sessions; the sidecars (and the texts of tagged articles, to place their tags) are read on demand.
 */
export class IndexReportSource implements ReportSource, vscode.Disposable {
  readonly onDidChange: vscode.Event<void>;

  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly index: WorkspaceIndex,
    /** The tags of open articles as the editor holds them, newer than their sidecars until written. */
    private readonly store?: AnnotationStore<vscode.Uri>,
  ) {
    this.onDidChange = this.changed.event;
    this.subscriptions = [this.changed, index.onDidChange(() => this.changed.fire())];
    if (store) this.subscriptions.push(vscode.Disposable.from(store.onDidChange(() => this.changed.fire())));
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }

  async summaries(scope: vscode.Uri | undefined): Promise<readonly ArticleSummary[]> {
    await this.index.whenIndexed();
    return this.index
      .summaries()
      .filter((s) => isInside(vscode.Uri.parse(s.path), scope))
      .slice()
      .sort((a, b) => a.path.localeCompare(b.path));
  }

  async tagging(paths: readonly string[], token?: vscode.CancellationToken): Promise<readonly ArticleTagging[]> {
    const out: ArticleTagging[] = [];
    const decoder = new TextDecoder('utf-8');
    // One search for the sidecars that exist instead of a failed read per untagged article.
    const sidecars = new Set((await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, null, undefined, token)).map((u) => u.toString()));
    for (const path of paths) {
      if (token?.isCancellationRequested) break;
      const uri = vscode.Uri.parse(path);
      const live = this.liveTagging(path, uri);
      if (live) {
        out.push(live);
        continue;
      }
      const sidecarUri = uri.with({ path: uri.path + SIDECAR_SUFFIX });
      if (!sidecars.has(sidecarUri.toString())) continue;
      let sidecar: string | undefined;
      let text: string;
      try {
        sidecar = await readYamlTextIfExists(sidecarUri);
        if (sidecar === undefined) continue;
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === path);
        text = open ? open.getText() : decoder.decode(await vscode.workspace.fs.readFile(uri)).replace(/^\uFEFF/, '');
      } catch {
        continue; // Gone since the search, or not a sidecar that can be read (a FIFO, a file too large): the article counts as untagged.
      }
      const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
      out.push(reportCore().articleTagging(path, sidecar, text, textSha256(text), name));
    }
    return out;
  }

  /** An open article whose tags the editor has loaded: its tags as shown, or undefined. */
  private liveTagging(path: string, uri: vscode.Uri): ArticleTagging | undefined {
    const file = this.store?.get(uri);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!file || !doc || file.problem !== undefined) return undefined;
    if (file.annotations.length === 0 && file.rejections.length === 0) return undefined;
    return reportCore().liveTagging(path, file.annotations, file.rejections, doc.getText(), file.review);
  }
}
