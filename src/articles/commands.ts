import * as vscode from 'vscode';
import { wholeAnalysisOrSay, type AnalysisCache } from '../detections/analysisCache';
import { articleEditor } from './editor';
import type { CommandTable } from '../base/commandTable';
import { Commands } from '../base/constants';
import { articleStatistics, type ArticleStatistics } from '../core/articles/statistics';
import { cleanText } from '../core/text/cleanText';
import { showError, showInfo as notifyInfo } from '../base/notify';

/** `article.txt` → `article.clean.txt` in the same folder. */
export function cleanTextUri(uri: vscode.Uri): vscode.Uri {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const cleanName = dot > 0 ? `${name.slice(0, dot)}.clean${name.slice(dot)}` : `${name}.clean.txt`;
  return vscode.Uri.joinPath(uri, '..', cleanName);
}

async function showInfo(cache: AnalysisCache): Promise<ArticleStatistics | undefined> {
  const editor = await articleEditor();
  if (!editor) return undefined;
  const doc = editor.document;
  const analysis = await wholeAnalysisOrSay(cache, doc);
  if (!analysis) return undefined;
  const stats = articleStatistics(doc.getText(), analysis);
  // An archive export says how many articles it holds; the figures are the whole file's.
  const articles = analysis.articles?.length ?? 0;
  const name = vscode.workspace.asRelativePath(doc.uri);
  const message = vscode.l10n.t(
    '{0}: {1} lines, {2} words · {3} quotes · {4} speakers · {5}% boilerplate',
    articles > 0 ? vscode.l10n.t('{0} (archive export of {1} articles)', name, articles) : name,
    stats.lines,
    stats.words,
    stats.quotes,
    stats.speakers,
    Math.round(stats.boilerplateShare * 100),
  );
  void notifyInfo(message);
  return stats;
}

async function copyCleanText(cache: AnalysisCache): Promise<void> {
  const editor = await articleEditor();
  if (!editor) return;
  const doc = editor.document;
  const analysis = await wholeAnalysisOrSay(cache, doc);
  if (!analysis) return;
  await vscode.env.clipboard.writeText(cleanText(doc.getText(), analysis.noise));
  const copied = (analysis.articles?.length ?? 0) > 0 ? vscode.l10n.t('Copied the {0} articles without their boilerplate and metadata lines.', analysis.articles?.length ?? 0) : vscode.l10n.t('Copied the article without its boilerplate lines.');
  vscode.window.setStatusBarMessage(copied, 3000);
}

async function exportCleanText(cache: AnalysisCache): Promise<vscode.Uri | undefined> {
  const editor = await articleEditor();
  if (!editor) return undefined;
  const doc = editor.document;
  const target = cleanTextUri(doc.uri);
  // The text is read once the analysis is there: a large document's may arrive for a newer version.
  const analysis = await wholeAnalysisOrSay(cache, doc);
  if (!analysis) return undefined;
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(cleanText(doc.getText(), analysis.noise)));
  } catch (err) {
    void showError(vscode.l10n.t('Could not save {0}: {1}', vscode.workspace.asRelativePath(target), err instanceof Error ? err.message : String(err)));
    return undefined;
  }
  void notifyInfo(vscode.l10n.t('Saved {0}.', vscode.workspace.asRelativePath(target)));
  return target;
}

/** Internal: opens an article at a range (tree items and hover links). */
async function revealRange(uri: unknown, start: unknown, end: unknown): Promise<void> {
  if (typeof uri !== 'string' || typeof start !== 'number' || typeof end !== 'number') return;
  // An article of an archive export is named `…/export.txt#2`: its file opens, at the article's offsets.
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri).with({ fragment: '' }));
  const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
  await vscode.window.showTextDocument(doc, { selection: range, preserveFocus: false });
}

/** The article commands by id. */
export function articleCommands(cache: AnalysisCache): CommandTable {
  return {
    [Commands.showInfo]: () => showInfo(cache),
    [Commands.copyCleanText]: () => copyCleanText(cache),
    [Commands.exportCleanText]: () => exportCleanText(cache),
    [Commands.revealRange]: revealRange,
  };
}
