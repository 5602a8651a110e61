import * as vscode from 'vscode';
import type { AnalysisCache } from './analysisCache';
import { isArticleDocument } from '../articles/language';
import { Commands } from '../base/constants';
import type { Analysis, Span } from '../core/analysis/types';
import { noiseBlocks } from '../core/text/cleanText';

type Targets = (analysis: Analysis, text: string) => readonly Span[];

const quotes: Targets = (a) => a.quotes;
const mentions: Targets = (a) => a.speakers.flatMap((s) => s.mentions).sort((x, y) => x.start - y.start);
const blocks: Targets = (a, text) => noiseBlocks(text, a.noise);

/** The next (or previous) span after the cursor, wrapping around the end of the article. */
export function pickTarget(spans: readonly Span[], cursor: number, direction: 1 | -1): Span | undefined {
  if (spans.length === 0) return undefined;
  if (direction === 1) return spans.find((s) => s.start > cursor) ?? spans[0];
  for (let i = spans.length - 1; i >= 0; i--) {
    const s = spans[i];
    if (s && s.start < cursor) return s;
  }
  return spans[spans.length - 1];
}

function move(cache: AnalysisCache, targets: Targets, direction: 1 | -1, noun: string): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isArticleDocument(editor.document)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an article to move between its {0}.', noun));
    return;
  }
  const doc = editor.document;
  const spans = targets(cache.get(doc), doc.getText());
  const target = pickTarget(spans, doc.offsetAt(editor.selection.active), direction);
  if (!target) {
    vscode.window.setStatusBarMessage(vscode.l10n.t('No {0} in this article.', noun), 3000);
    return;
  }
  const start = doc.positionAt(target.start);
  editor.selection = new vscode.Selection(start, start);
  editor.revealRange(new vscode.Range(start, doc.positionAt(target.end)), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export function registerNavigation(context: vscode.ExtensionContext, cache: AnalysisCache): void {
  const table: [string, Targets, 1 | -1, string][] = [
    [Commands.nextQuote, quotes, 1, 'quotes'],
    [Commands.previousQuote, quotes, -1, 'quotes'],
    [Commands.nextSpeaker, mentions, 1, 'speaker mentions'],
    [Commands.previousSpeaker, mentions, -1, 'speaker mentions'],
    [Commands.nextNoise, blocks, 1, 'boilerplate blocks'],
    [Commands.previousNoise, blocks, -1, 'boilerplate blocks'],
  ];
  for (const [id, targets, direction, noun] of table) {
    context.subscriptions.push(vscode.commands.registerCommand(id, () => move(cache, targets, direction, noun)));
  }
}
