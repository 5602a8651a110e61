import * as vscode from 'vscode';
import type { AnalysisCache } from './analysisCache';
import { isArticleDocument } from '../articles/language';
import { LANGUAGE_ID } from '../base/constants';
import { boilerplateBlocks } from '../core/text/cleanText';
import { labelExcerpt } from '../core/text/excerpt';
import { Disposable, Registrations } from '../base/dispose';
import type { Analysis, ArticleScope, Quote, Speaker } from '../core/analysis/types';

const range = (doc: vscode.TextDocument, start: number, end: number): vscode.Range => new vscode.Range(doc.positionAt(start), doc.positionAt(end));

/**
 * The outline and folding of a large document are answered once typing has paused this long. Each
 * answer is tens of thousands of symbols or ranges that keep the editor's window busy for a
 * second or more, and a keystroke made meanwhile waits behind them.
 */
export const LARGE_ANSWER_PAUSE_MS = 1_500;

/** When each open document was last edited, to answer for large ones only once typing pauses. */
export class TypingPauses extends Disposable {
  private readonly lastEdit = new Map<string, number>();

  constructor() {
    super();
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.lastEdit.set(e.document.uri.toString(), Date.now());
      }),
    );
    this.register(vscode.workspace.onDidCloseTextDocument((doc) => this.lastEdit.delete(doc.uri.toString())));
  }

  /** Resolves true once the document has not been edited for `LARGE_ANSWER_PAUSE_MS`, false when it changed or the request was cancelled first. */
  async paused(doc: vscode.TextDocument, token?: vscode.CancellationToken): Promise<boolean> {
    const version = doc.version;
    for (;;) {
      if (token?.isCancellationRequested || doc.isClosed || doc.version !== version) return false;
      const wait = (this.lastEdit.get(doc.uri.toString()) ?? -Infinity) + LARGE_ANSWER_PAUSE_MS - Date.now();
      if (wait <= 0) return true;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** Outline and breadcrumbs: each speaker with their quotes nested, in order of first mention (within each article of an export). */
export class SpeakerSymbolProvider implements vscode.DocumentSymbolProvider {
  /** The symbols last built for each analysis shown: breadcrumbs and the outline ask again for the same version. */
  private readonly built = new WeakMap<Analysis, { readonly version: number; readonly symbols: vscode.DocumentSymbol[] }>();

  constructor(
    private readonly cache: AnalysisCache,
    private readonly pauses: TypingPauses,
  ) {}

  async provideDocumentSymbols(doc: vscode.TextDocument, token?: vscode.CancellationToken): Promise<vscode.DocumentSymbol[]> {
    if (!isArticleDocument(doc)) return [];
    const version = doc.version;
    // A large document is outlined from its full analysis, once typing pauses: its outline holds
    // tens of thousands of symbols, too many to build and send again at every keystroke.
    const large = this.cache.isLarge(doc);
    const analysis = await this.cache.shownOrComplete(doc, large);
    if (token?.isCancellationRequested || doc.version !== version) return [];
    if (large && !(await this.pauses.paused(doc, token))) return [];
    const known = this.built.get(analysis);
    if (known?.version === version) return known.symbols;
    const text = doc.getText();
    // A large export's quotes are left out of its outline (each speaker says how many): with them it
    // is some 45,000 symbols for 5 MB, seconds of the editor's window each time it is sent.
    const symbols = analysis.articles ? articleSymbols(doc, text, analysis, analysis.articles, !large) : speakerSymbols(doc, text, analysis.quotes, analysis.speakers, true);
    this.built.set(analysis, { version, symbols });
    return symbols;
  }
}

/** An export split into articles: each article (headline, source, date) with its own speakers and quotes below. */
function articleSymbols(doc: vscode.TextDocument, text: string, analysis: Analysis, articles: readonly ArticleScope[], withQuotes: boolean): vscode.DocumentSymbol[] {
  const quotesOf = articles.map((): Quote[] => []);
  const speakersOf = articles.map((): Speaker[] => []);
  // Quotes and speakers come in text order, as do the articles: one walk each, however long the export.
  const walk = <T>(items: readonly T[], offsetOf: (item: T) => number | undefined, into: T[][]): void => {
    let i = 0;
    for (const item of items) {
      const offset = offsetOf(item);
      if (offset === undefined) continue;
      while (i < articles.length - 1 && offset > (articles[i]?.end ?? 0)) i++;
      into[i]?.push(item);
    }
  };
  walk(analysis.quotes, (q) => q.start, quotesOf);
  walk(analysis.speakers, (s) => s.mentions[0]?.start, speakersOf);
  return articles.map((a, i) => {
    const name = a.fields.headline ?? (a.headline ? labelExcerpt(text.slice(a.headline.start, a.headline.end), 70) : vscode.l10n.t('Article {0}', i + 1));
    const detail = [a.fields.source, a.fields.date].filter((x): x is string => !!x).join(' · ');
    const selection = a.headline ?? { start: a.bodyStart, end: a.bodyStart };
    const symbol = new vscode.DocumentSymbol(name.trim() === '' ? vscode.l10n.t('Article {0}', i + 1) : name, detail, vscode.SymbolKind.Module, range(doc, a.start, a.end), range(doc, selection.start, selection.end));
    symbol.children = speakerSymbols(doc, text, quotesOf[i] ?? [], speakersOf[i] ?? [], withQuotes);
    return symbol;
  });
}

/** Each speaker with their quotes nested (`withQuotes`, else counted only), in order of first mention, then the unattributed quotes. */
function speakerSymbols(doc: vscode.TextDocument, text: string, quotes: readonly Quote[], speakers: readonly Speaker[], withQuotes: boolean): vscode.DocumentSymbol[] {
  const quoteSymbol = (q: { start: number; end: number }): vscode.DocumentSymbol => {
    const r = range(doc, q.start, q.end);
    return new vscode.DocumentSymbol(`“${labelExcerpt(text.slice(q.start, q.end), 70)}”`, '', vscode.SymbolKind.String, r, r);
  };
  const symbols: vscode.DocumentSymbol[] = [];
  // Grouped once, and extents by a loop: a long article may hold any number of quotes.
  const quotesOf = new Map<string, Quote[]>();
  for (const q of quotes) {
    if (q.speakerId === null) continue;
    const list = quotesOf.get(q.speakerId);
    if (list) list.push(q);
    else quotesOf.set(q.speakerId, [q]);
  }
  for (const speaker of speakers) {
    const own = quotesOf.get(speaker.id) ?? [];
    const first = speaker.mentions[0];
    if (!first) continue;
    let start = Infinity;
    let end = -Infinity;
    for (const s of [speaker.mentions, own].flat()) {
      start = Math.min(start, s.start);
      end = Math.max(end, s.end);
    }
    const detail = own.length === 1 ? '1 quote' : `${own.length} quotes`;
    const symbol = new vscode.DocumentSymbol(speaker.name, detail, vscode.SymbolKind.Object, range(doc, start, end), range(doc, first.start, first.end));
    symbol.children = withQuotes ? own.map(quoteSymbol) : [];
    symbols.push(symbol);
  }
  const orphans = quotes.filter((q) => q.speakerId === null);
  const firstOrphan = orphans[0];
  const lastOrphan = orphans[orphans.length - 1];
  if (firstOrphan && lastOrphan) {
    const symbol = new vscode.DocumentSymbol('Unattributed', orphans.length === 1 ? '1 quote' : `${orphans.length} quotes`, vscode.SymbolKind.Namespace, range(doc, firstOrphan.start, lastOrphan.end), range(doc, firstOrphan.start, firstOrphan.end));
    symbol.children = withQuotes ? orphans.map(quoteSymbol) : [];
    symbols.push(symbol);
  }
  return symbols;
}

/** Boilerplate blocks fold away (reader comments, related-links lists, footers). */
export class BoilerplateFoldingProvider implements vscode.FoldingRangeProvider {
  constructor(
    private readonly cache: AnalysisCache,
    private readonly pauses: TypingPauses,
  ) {}

  async provideFoldingRanges(doc: vscode.TextDocument, _context?: vscode.FoldingContext, token?: vscode.CancellationToken): Promise<vscode.FoldingRange[]> {
    if (!isArticleDocument(doc)) return [];
    const version = doc.version;
    // A large document is folded from its full analysis, once typing pauses: each request scans all its lines.
    const large = this.cache.isLarge(doc);
    const analysis = await this.cache.shownOrComplete(doc, large);
    if (token?.isCancellationRequested || doc.version !== version) return [];
    if (large && !(await this.pauses.paused(doc, token))) return [];
    return boilerplateBlocks(doc.getText(), analysis.noise)
      .filter((b) => b.endLine > b.startLine)
      .map((b) => new vscode.FoldingRange(b.startLine, b.endLine, vscode.FoldingRangeKind.Region));
  }
}

export function registerOutlineAndFolding(cache: AnalysisCache): vscode.Disposable {
  const selector: vscode.DocumentSelector = [{ language: LANGUAGE_ID }];
  const r = new Registrations();
  const pauses = r.add(new TypingPauses());
  r.add(vscode.languages.registerDocumentSymbolProvider(selector, new SpeakerSymbolProvider(cache, pauses), { label: 'Speakers' }));
  r.add(vscode.languages.registerFoldingRangeProvider(selector, new BoilerplateFoldingProvider(cache, pauses)));
  return r;
}
