import * as vscode from 'vscode';
import type { Services } from '../base/services';
import { readArchiveSeparator } from '../base/config';
import type { ExportFormat } from '../core/interchange/formats';
import type { ExportArticle } from '../core/interchange/types';
import { writeAtomically } from '../tagging/store/sidecarFiles';
import { textSha256 } from '../tagging/store/textHash';
import { articleText, errorText, sidecarTextOf, workspaceArticles, type WorkspaceArticle } from './articleFiles';
import type { ExchangeLog } from './report';
import { engine, interchangeCore } from '../base/lazyBundles';
import { withoutLinks } from '../base/notify';

/** Arguments of `sourceAnnotator.exportAnnotations` for scripts and tests: no UI is shown. */
export interface ExportArguments {
  readonly format: ExportFormat;
  /** The output folder, as a URI string or an absolute path. */
  readonly out: string;
}

/** What an export did; the command returns it (undefined when cancelled before it began). */
export interface ExportSummary {
  readonly articles: number;
  readonly tags: number;
  readonly files: readonly string[];
  readonly skipped: number;
  /** Of `skipped`, tags running across two articles of an archive file (Label Studio holds one task per article). */
  readonly across?: number;
  readonly problems: readonly string[];
  readonly cancelled: boolean;
}

const FORMAT_DESCRIPTIONS: Record<ExportFormat, string> = {
  brat: '.ann beside a copy of each .txt, and annotation.conf',
  w3c: 'W3C Web Annotations (JSON-LD), one file per article',
  'label-studio': 'label-studio.json, one task per article',
  inception: 'UIMA CAS JSON per article, for INCEpTION',
  jsonl: 'annotations.jsonl: {"text", "meta", "spans"} (Prodigy, spaCy)',
  csv: 'annotations.csv: one row per tag',
};

export function toUri(location: string): vscode.Uri {
  return /^[a-z][a-z0-9+.-]+:/i.test(location) && !/^[a-z]:[\\/]/i.test(location) ? vscode.Uri.parse(location) : vscode.Uri.file(location);
}

function exportArguments(args: unknown): ExportArguments | undefined {
  if (typeof args !== 'object' || args === null) return undefined;
  const { format, out } = args as Record<string, unknown>;
  return typeof format === 'string' && interchangeCore().isExportFormat(format) && typeof out === 'string' ? { format, out } : undefined;
}

async function askExport(): Promise<{ format: ExportFormat; out: vscode.Uri } | undefined> {
  const picked = await vscode.window.showQuickPick(
    interchangeCore().EXPORT_FORMATS.map((format) => ({ label: format, description: FORMAT_DESCRIPTIONS[format], format })),
    { title: vscode.l10n.t('Export the annotations of the workspace as…'), placeHolder: vscode.l10n.t('Exchange format') },
  );
  if (!picked) return undefined;
  const folders = await vscode.window.showOpenDialog({ canSelectFiles: false, canSelectFolders: true, canSelectMany: false, openLabel: vscode.l10n.t('Export Here'), title: vscode.l10n.t('Folder to write the {0} files to', picked.format) });
  const out = folders?.[0];
  return out ? { format: picked.format, out } : undefined;
}

/** The article with its tags: the store's live ones for an open, loaded article, else its sidecar's. */
/** The articles of an archive export (with the folder's separator setting), so each tag names its article. */
function withArchiveArticles(exported: ExportArticle, uri: vscode.Uri): ExportArticle {
  const articles = interchangeCore().archiveExportArticles(exported.text, engine().separatorOptions(readArchiveSeparator(uri)).separator);
  return articles ? { ...exported, articles } : exported;
}

async function exportable(services: Services, article: WorkspaceArticle): Promise<{ article: ExportArticle } | { problem: string }> {
  const loaded = article.document ? services.store.get(article.uri) : undefined;
  const text = await articleText(article);
  if (loaded && loaded.problem === undefined) {
    const live = { name: article.name, text, set: { file: article.name.slice(article.name.lastIndexOf('/') + 1), sha256: textSha256(text), annotations: loaded.annotations, rejections: loaded.rejections } };
    return { article: withArchiveArticles(live, article.uri) };
  }
  const outcome = interchangeCore().exportArticleFrom(article.name, text, textSha256(text), await sidecarTextOf(article));
  if (outcome.ok) return { article: withArchiveArticles(outcome.article, article.uri) };
  const first = outcome.errors[0];
  return { problem: vscode.l10n.t('{0}: skipped, its sidecar has problems (line {1}: {2})', article.name, first?.line ?? 0, first?.message ?? '') };
}

async function runExport(services: Services, format: ExportFormat, out: vscode.Uri, progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<ExportSummary> {
  const articles = await workspaceArticles(token);
  const chosen: ExportArticle[] = [];
  const problems: string[] = [];
  const cancelled = (): ExportSummary => ({ articles: 0, tags: 0, files: [], skipped: 0, problems, cancelled: true });
  for (const article of articles) {
    if (token.isCancellationRequested) return cancelled();
    progress.report({ message: withoutLinks(article.name), increment: 80 / Math.max(1, articles.length) });
    try {
      const found = await exportable(services, article);
      if ('problem' in found) problems.push(found.problem);
      else chosen.push(found.article);
    } catch (err) {
      problems.push(vscode.l10n.t('{0}: skipped ({1})', article.name, errorText(err)));
    }
  }
  const { articles: unclashing, clashes } = interchangeCore().withoutClashes(format, chosen);
  for (const group of clashes) problems.push(vscode.l10n.t('{0}: not exported, their {1} files would have the same name (rename one)', group.map((a) => a.name).join(', '), format));
  const result = interchangeCore().exportArticles(format, unclashing, services.labels.labels);
  const files: string[] = [];
  for (const file of result.files) {
    if (token.isCancellationRequested) return { ...cancelled(), files };
    const target = vscode.Uri.joinPath(out, ...file.path.split('/'));
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
    await writeAtomically(target, file.content);
    files.push(file.path);
    progress.report({ increment: 20 / Math.max(1, result.files.length) });
  }
  const tags = unclashing.reduce((n, a) => n + a.set.annotations.length, 0) - result.skipped;
  for (const { from, to } of result.renamed ?? []) problems.push(vscode.l10n.t('The label "{0}" is written as {1}: {2} names are single tokens (importing the files back gives {1})', from, to, format));
  return { articles: unclashing.length, tags, files, skipped: result.skipped, ...(result.across === undefined ? {} : { across: result.across }), problems, cancelled: false };
}

function summaryLines(summary: ExportSummary, format: ExportFormat, out: vscode.Uri): { headline: string; lines: string[] } {
  const where = out.scheme === 'file' ? out.fsPath : out.toString();
  const headline = summary.cancelled
    ? vscode.l10n.t('Export cancelled: {0} files were written to {1}.', summary.files.length, where)
    : vscode.l10n.t('Exported {0} tags of {1} articles as {2} to {3} ({4} files).', summary.tags, summary.articles, format, where, summary.files.length);
  const lines = [...summary.files.map((f) => vscode.l10n.t('wrote {0}', f)), ...summary.problems];
  const across = summary.across ?? 0;
  if (summary.skipped > across) lines.push(vscode.l10n.t('{0} orphaned or rejected tags were left out: {1} cannot say a tag lost its place or was rejected', summary.skipped - across, format));
  if (across > 0) lines.push(vscode.l10n.t('{0} tags were left out: each runs across two articles of an archive file, and {1} holds one task per article', across, format));
  return { headline, lines };
}

/** `sourceAnnotator.exportAnnotations`: every article's tags of the workspace, in an exchange format. */
export async function exportAnnotations(services: Services, log: ExchangeLog, args: unknown): Promise<ExportSummary | undefined> {
  const given = exportArguments(args);
  const choice = given ? { format: given.format, out: toUri(given.out) } : await askExport();
  if (!choice) return undefined;
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting annotations as {0}', choice.format), cancellable: true },
    (progress, token) => runExport(services, choice.format, choice.out, progress, token),
  );
  const { headline, lines } = summaryLines(summary, choice.format, choice.out);
  log.report(headline, lines, summary.problems.length > 0 || summary.cancelled);
  return summary;
}
