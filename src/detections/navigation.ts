import * as vscode from 'vscode';
import { wholeAnalysisOrSay, type AnalysisCache } from './analysisCache';
import { articleEditor } from '../articles/editor';
import { Registrations } from '../base/dispose';
import { Commands } from '../base/constants';
import type { Analysis, Span } from '../core/analysis/types';
import { boilerplateBlocks } from '../core/text/cleanText';

/** The places a pair of next/previous commands stops at, in text order. */
type Stops = (analysis: Analysis, text: string) => readonly Span[];

const quotes: Stops = (a) => a.quotes;
const mentions: Stops = (a) => a.speakers.flatMap((s) => s.mentions).sort((x, y) => x.start - y.start);
const blocks: Stops = (a, text) => boilerplateBlocks(text, a.noise);
/** An article of an export is reached at its headline, else at its body. */
const articles: Stops = (a) => (a.articles ?? []).map((x) => x.headline ?? { start: x.bodyStart, end: x.bodyEnd });

/** The next (or previous) stop after the cursor, wrapping around the end of the article. */
export function nextStop(stops: readonly Span[], cursor: number, direction: 1 | -1): Span | undefined {
  if (stops.length === 0) return undefined;
  if (direction === 1) return stops.find((s) => s.start > cursor) ?? stops[0];
  for (let i = stops.length - 1; i >= 0; i--) {
    const s = stops[i];
    if (s && s.start < cursor) return s;
  }
  return stops[stops.length - 1];
}

/** What moving finds nothing says: an ordinary file has no articles to move between, it is one. */
function nothingToMoveTo(noun: string): string {
  return noun === 'articles' ? vscode.l10n.t('This file holds one article: only an archive export of several articles has articles to move between.') : vscode.l10n.t('No {0} in this file.', noun);
}

async function move(cache: AnalysisCache, stops: Stops, direction: 1 | -1, noun: string): Promise<void> {
  const editor = await articleEditor(undefined, vscode.l10n.t('Open an article file (.txt) to move between its {0}.', noun));
  if (!editor) return;
  const doc = editor.document;
  const analysis = await wholeAnalysisOrSay(cache, doc);
  if (!analysis) return;
  const stop = nextStop(stops(analysis, doc.getText()), doc.offsetAt(editor.selection.active), direction);
  if (!stop) {
    vscode.window.setStatusBarMessage(nothingToMoveTo(noun), 3000);
    return;
  }
  const start = doc.positionAt(stop.start);
  editor.selection = new vscode.Selection(start, start);
  editor.revealRange(new vscode.Range(start, doc.positionAt(stop.end)), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export function registerNavigation(cache: AnalysisCache): vscode.Disposable {
  const table: [string, Stops, 1 | -1, string][] = [
    [Commands.nextQuote, quotes, 1, 'quotes'],
    [Commands.previousQuote, quotes, -1, 'quotes'],
    [Commands.nextSpeaker, mentions, 1, 'speaker mentions'],
    [Commands.previousSpeaker, mentions, -1, 'speaker mentions'],
    [Commands.nextBoilerplate, blocks, 1, 'boilerplate blocks'],
    [Commands.previousBoilerplate, blocks, -1, 'boilerplate blocks'],
    [Commands.nextArticle, articles, 1, 'articles'],
    [Commands.previousArticle, articles, -1, 'articles'],
  ];
  const r = new Registrations();
  for (const [id, stops, direction, noun] of table) r.add(vscode.commands.registerCommand(id, () => move(cache, stops, direction, noun)));
  return r;
}
