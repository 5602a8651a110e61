import * as vscode from 'vscode';
import type { AnalysisCache } from './analysisCache';
import { isArticleDocument } from '../articles/language';
import { LANGUAGE_ID } from '../base/constants';
import { boilerplateBlocks } from '../core/text/cleanText';
import { excerpt } from '../core/text/excerpt';
import { Registrations } from '../base/dispose';

const range = (doc: vscode.TextDocument, start: number, end: number): vscode.Range => new vscode.Range(doc.positionAt(start), doc.positionAt(end));

/** Outline and breadcrumbs: each speaker with their quotes nested, in order of first mention. */
export class SpeakerSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly cache: AnalysisCache) {}

  provideDocumentSymbols(doc: vscode.TextDocument): vscode.DocumentSymbol[] {
    if (!isArticleDocument(doc)) return [];
    const analysis = this.cache.get(doc);
    const text = doc.getText();
    const quoteSymbol = (q: { start: number; end: number }): vscode.DocumentSymbol => {
      const r = range(doc, q.start, q.end);
      return new vscode.DocumentSymbol(`“${excerpt(text.slice(q.start, q.end), 70)}”`, '', vscode.SymbolKind.String, r, r);
    };
    const symbols: vscode.DocumentSymbol[] = [];
    // Grouped once, and extents by a loop: a long article may hold any number of quotes.
    const quotesOf = new Map<string, (typeof analysis.quotes)[number][]>();
    for (const q of analysis.quotes) {
      if (q.speakerId === null) continue;
      const list = quotesOf.get(q.speakerId);
      if (list) list.push(q);
      else quotesOf.set(q.speakerId, [q]);
    }
    for (const speaker of analysis.speakers) {
      const quotes = quotesOf.get(speaker.id) ?? [];
      const first = speaker.mentions[0];
      if (!first) continue;
      let start = Infinity;
      let end = -Infinity;
      for (const s of [speaker.mentions, quotes].flat()) {
        start = Math.min(start, s.start);
        end = Math.max(end, s.end);
      }
      const detail = quotes.length === 1 ? '1 quote' : `${quotes.length} quotes`;
      const symbol = new vscode.DocumentSymbol(speaker.name, detail, vscode.SymbolKind.Object, range(doc, start, end), range(doc, first.start, first.end));
      symbol.children = quotes.map(quoteSymbol);
      symbols.push(symbol);
    }
    const orphans = analysis.quotes.filter((q) => q.speakerId === null);
    const firstOrphan = orphans[0];
    const lastOrphan = orphans[orphans.length - 1];
    if (firstOrphan && lastOrphan) {
      const symbol = new vscode.DocumentSymbol('Unattributed', orphans.length === 1 ? '1 quote' : `${orphans.length} quotes`, vscode.SymbolKind.Namespace, range(doc, firstOrphan.start, lastOrphan.end), range(doc, firstOrphan.start, firstOrphan.end));
      symbol.children = orphans.map(quoteSymbol);
      symbols.push(symbol);
    }
    return symbols;
  }
}

/** Boilerplate blocks fold away (reader comments, related-links lists, footers). */
export class BoilerplateFoldingProvider implements vscode.FoldingRangeProvider {
  constructor(private readonly cache: AnalysisCache) {}

  provideFoldingRanges(doc: vscode.TextDocument): vscode.FoldingRange[] {
    if (!isArticleDocument(doc)) return [];
    const analysis = this.cache.get(doc);
    return boilerplateBlocks(doc.getText(), analysis.noise)
      .filter((b) => b.endLine > b.startLine)
      .map((b) => new vscode.FoldingRange(b.startLine, b.endLine, vscode.FoldingRangeKind.Region));
  }
}

export function registerOutlineAndFolding(cache: AnalysisCache): vscode.Disposable {
  const selector: vscode.DocumentSelector = [{ language: LANGUAGE_ID }];
  const r = new Registrations();
  r.add(vscode.languages.registerDocumentSymbolProvider(selector, new SpeakerSymbolProvider(cache), { label: 'Speakers' }));
  r.add(vscode.languages.registerFoldingRangeProvider(selector, new BoilerplateFoldingProvider(cache)));
  return r;
}
