import * as vscode from 'vscode';
import { Commands } from '../base/constants';
import type { QuoteHit } from '../core/corpus/quoteSearch';
import { parseQuoteQuery } from '../core/corpus/quoteQuery';
import { labelExcerpt } from '../core/text/excerpt';
import { articleFileUri } from './corpusLookup';
import type { WorkspaceIndex } from './workspaceIndex';
import { showInfo } from '../base/notify';

interface HitItem extends vscode.QuickPickItem {
  readonly hit: QuoteHit;
}

/** Where a hit was quoted: the file, and for an article of an archive export its number, headline, source and date. */
export function hitPlace(index: WorkspaceIndex, hit: QuoteHit): string {
  const file = vscode.workspace.asRelativePath(articleFileUri(hit.path));
  const origin = index.articleSummary(hit.path)?.origin;
  if (!origin) return file;
  const about = [origin.headline === undefined ? undefined : `“${labelExcerpt(origin.headline, 80)}”`, origin.fields.source, origin.fields.date].filter((f): f is string => f !== undefined && f !== '');
  return [`${file} #${origin.number}`, ...about].join(' · ');
}

/** Asks for words or `speaker:name`, then lists the matching quotes; choosing one opens it. */
export async function searchQuotesCommand(index: WorkspaceIndex, given?: unknown): Promise<QuoteHit[]> {
  const input =
    typeof given === 'string'
      ? given
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Search Quotes'),
          prompt: vscode.l10n.t('Words of the quote, and/or speaker:name'),
          placeHolder: vscode.l10n.t('capitulating terrorists speaker:Lavrov'),
        });
  if (!input?.trim()) return [];
  // The saved index, at least, is searched: a search may be the first use of the corpus in a window.
  await index.start();
  const hits = index.searchQuotes(parseQuoteQuery(input));
  if (typeof given === 'string') return hits;
  if (hits.length === 0) {
    void showInfo(vscode.l10n.t('No quote matches “{0}”.', input));
    return hits;
  }
  const items: HitItem[] = hits.map((hit) => ({
    label: `“${labelExcerpt(hit.text, 100)}”`,
    description: labelExcerpt(hit.person ?? hit.speaker ?? vscode.l10n.t('no speaker'), 80),
    detail: hitPlace(index, hit),
    hit,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Quotes matching “{0}”', input), matchOnDescription: true, matchOnDetail: true });
  if (picked) await vscode.commands.executeCommand(Commands.revealRange, articleFileUri(picked.hit.path).toString(), picked.hit.start, picked.hit.end);
  return hits;
}
