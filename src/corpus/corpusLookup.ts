import * as vscode from 'vscode';
import type { CorpusLookup, CorpusPersonQuotes, CorpusQuote } from '../detections/hover';
import type { SpeakerDirectory } from '../core/corpus/people';
import type { QuoteGroupLookup } from '../core/corpus/quoteElsewhere';
import type { ArticleSummary } from '../core/corpus/summary';
import type { WorkspaceIndex } from './workspaceIndex';
import { corpusCore } from '../base/lazyBundles';

const SAMPLES = 8;

/** The speaker index in the file's summary: by position when the summary is current, else by name. */
function speakerInSummary(summary: ArticleSummary, index: number, name: string): number {
  if (summary.speakers[index]?.name === name) return index;
  return summary.speakers.findIndex((s) => s.name === name);
}

/** The speaker's article (the file, or `file#N` in an export) and the person it is across the corpus. */
function personOfSpeaker(directory: SpeakerDirectory, summary: ArticleSummary | undefined, index: number, name: string): { article: string | undefined; id: number | undefined } {
  const i = summary ? speakerInSummary(summary, index, name) : -1;
  const view = summary && i >= 0 ? corpusCore().speakerInView(summary, i) : undefined;
  const id = view ? directory.assignments.get(view.path)?.[view.index] : undefined;
  if (id !== null && id !== undefined) return { article: view?.path, id };
  const byName = directory.people.findIndex((p) => p.variants.some((v) => v.name === name));
  return { article: view?.path, id: byName < 0 ? undefined : byName };
}

/** The file an article id names (an export's article `…/export.txt#2` is its file, opened at its offsets). */
export function articleFileUri(id: string): vscode.Uri {
  return vscode.Uri.parse(id).with({ fragment: '' });
}

/** The corpus index answering the detections' questions (speaker and quote hovers, repeated lines). */
export class IndexCorpusLookup implements CorpusLookup {
  private groups: { readonly source: readonly unknown[]; readonly lookup: QuoteGroupLookup } | undefined;
  readonly onDidChange: vscode.Event<void>;

  constructor(private readonly index: WorkspaceIndex) {
    this.onDidChange = index.onDidChange;
  }

  personOf(uri: vscode.Uri, speakerIndex: number, speakerName: string): CorpusPersonQuotes | undefined {
    const directory = this.index.people();
    const found = personOfSpeaker(directory, this.index.summaryOf(uri), speakerIndex, speakerName);
    const self = found.article ?? uri.toString();
    const id = found.id;
    const person = id === undefined ? undefined : directory.people[id];
    if (id === undefined || !person) return undefined;
    let quotesHere = 0;
    let quotesElsewhere = 0;
    let articlesElsewhere = 0;
    const here: CorpusQuote[] = [];
    const others: CorpusQuote[] = [];
    for (const key of person.articles) {
      const summary = this.index.articleSummary(key);
      const row = directory.assignments.get(key);
      if (!summary || !row) continue;
      const quotes = summary.quotes.filter((q) => q.speaker !== null && row[q.speaker] === id);
      const list = key === self ? here : others;
      if (key === self) quotesHere += quotes.length;
      else {
        quotesElsewhere += quotes.length;
        if (quotes.length > 0) articlesElsewhere++;
      }
      for (const q of quotes) if (list.length < SAMPLES) list.push({ uri: articleFileUri(key), start: q.start, end: q.end, text: q.text });
    }
    const variants = person.variants.map((v) => v.name).filter((n) => n !== person.name);
    return { name: person.name, variants, quotesHere, quotesElsewhere, articlesElsewhere, samples: [...here, ...others].slice(0, SAMPLES) };
  }

  quotedElsewhere(uri: vscode.Uri, start: number): ReturnType<CorpusLookup['quotedElsewhere']> {
    const source = this.index.quoteGroups();
    if (this.groups?.source !== source) this.groups = { source, lookup: new (corpusCore().QuoteGroupLookup)(source) };
    const groups = this.groups.lookup;
    // Articles of the same folder (usually the same site) first, then by path.
    const folder = vscode.Uri.joinPath(uri, '..').toString();
    const sameFolder = (path: string): number => (path.startsWith(folder) && !path.slice(folder.length + 1).includes('/') ? 0 : 1);
    // In an export, the quote belongs to the article holding it; the export's other articles are elsewhere.
    const summary = this.index.summaryOf(uri);
    const article = summary ? corpusCore().articleViewAt(summary, start)?.path : undefined;
    return groups
      .elsewhere(article ?? uri.toString(), start)
      .sort((a, b) => sameFolder(a.version.path) - sameFolder(b.version.path) || a.version.path.localeCompare(b.version.path))
      // The fragment keeps the article's number (`…/export.txt#3`); revealRange opens the file.
      .map((o) => ({ ...o, uri: vscode.Uri.parse(o.version.path) }));
  }

  repeatedLines(uri: vscode.Uri): ReturnType<CorpusLookup['repeatedLines']> {
    return this.index.repeatedLinesOf(uri);
  }
}
