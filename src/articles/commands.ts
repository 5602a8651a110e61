import * as vscode from 'vscode';
import type { AnalysisCache } from '../detections/analysisCache';
import { isArticleDocument } from './language';
import { Commands } from '../base/constants';
import { cleanText } from '../core/text/cleanText';

function activeArticle(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && isArticleDocument(editor.document)) return editor;
  void vscode.window.showInformationMessage(vscode.l10n.t('Open an article (a .txt file of the workspace) first.'));
  return undefined;
}

/** `article.txt` → `article.clean.txt` in the same folder. */
export function cleanTextUri(uri: vscode.Uri): vscode.Uri {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const cleanName = dot > 0 ? `${name.slice(0, dot)}.clean${name.slice(dot)}` : `${name}.clean.txt`;
  return vscode.Uri.joinPath(uri, '..', cleanName);
}

/** Words as a reader counts them: runs of non-space characters holding a letter or digit. */
function countWords(text: string): number {
  let n = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) n++;
  return n;
}

export interface ArticleInfo {
  readonly lines: number;
  readonly words: number;
  readonly quotes: number;
  readonly speakers: number;
  readonly boilerplateShare: number;
}

export function articleInfo(doc: vscode.TextDocument, cache: AnalysisCache): ArticleInfo {
  const analysis = cache.get(doc);
  const text = doc.getText();
  const contentChars = text.replace(/\s+/g, '').length;
  const noiseNonSpace = analysis.noise.reduce((n, s) => n + text.slice(s.start, s.end).replace(/\s+/g, '').length, 0);
  return {
    lines: doc.lineCount,
    words: countWords(text),
    quotes: analysis.quotes.length,
    speakers: analysis.speakers.filter((s) => analysis.quotes.some((q) => q.speakerId === s.id)).length,
    boilerplateShare: contentChars === 0 ? 0 : noiseNonSpace / contentChars,
  };
}

export function registerArticleCommands(context: vscode.ExtensionContext, cache: AnalysisCache): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.showInfo, () => {
      const editor = activeArticle();
      if (!editor) return undefined;
      const info = articleInfo(editor.document, cache);
      const message = vscode.l10n.t(
        '{0}: {1} lines, {2} words · {3} quotes · {4} speakers · {5}% boilerplate',
        vscode.workspace.asRelativePath(editor.document.uri),
        info.lines,
        info.words,
        info.quotes,
        info.speakers,
        Math.round(info.boilerplateShare * 100),
      );
      void vscode.window.showInformationMessage(message);
      return info;
    }),
    vscode.commands.registerCommand(Commands.copyCleanText, async () => {
      const editor = activeArticle();
      if (!editor) return;
      const doc = editor.document;
      await vscode.env.clipboard.writeText(cleanText(doc.getText(), cache.get(doc).noise));
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the article without its boilerplate lines.'), 3000);
    }),
    vscode.commands.registerCommand(Commands.exportCleanText, async () => {
      const editor = activeArticle();
      if (!editor) return undefined;
      const doc = editor.document;
      const target = cleanTextUri(doc.uri);
      try {
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(cleanText(doc.getText(), cache.get(doc).noise)));
      } catch (err) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not save {0}: {1}', vscode.workspace.asRelativePath(target), err instanceof Error ? err.message : String(err)));
        return undefined;
      }
      void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0}.', vscode.workspace.asRelativePath(target)));
      return target;
    }),
    vscode.commands.registerCommand(Commands.revealRange, async (uri: unknown, start: unknown, end: unknown) => {
      if (typeof uri !== 'string' || typeof start !== 'number' || typeof end !== 'number') return;
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
      await vscode.window.showTextDocument(doc, { selection: range, preserveFocus: false });
    }),
  );
}
