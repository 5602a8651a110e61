import * as vscode from 'vscode';
import type { CorpusLookup, CorpusPersonQuotes, CorpusQuote } from '../detections/hover';
import type { SpeakerDirectory } from '../core/corpus/people';
import { QuoteGroupLookup } from '../core/corpus/quoteElsewhere';
import type { ArticleSummary } from '../core/corpus/summary';
import type { WorkspaceIndex } from './workspaceIndex';

const SAMPLES = 8;

/** The speaker index in the article's summary: by position when the summary is current, else by name. */
function speakerInSummary(summary: ArticleSummary, index: number, name: string): number {
  if (summary.speakers[index]?.name === name) return index;
  return summary.speakers.findIndex((s) => s.name === name);
}

function personId(directory: SpeakerDirectory, summary: ArticleSummary | undefined, index: number, name: string): number | undefined {
  if (summary) {
    const i = speakerInSummary(summary, index, name);
    const id = i < 0 ? null : directory.assignments.get(summary.path)?.[i];
    if (id !== null && id !== undefined) return id;
  }
  const byName = directory.people.findIndex((p) => p.variants.some((v) => v.name === name));
  return byName < 0 ? undefined : byName;
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
    const self = uri.toString();
    const id = personId(directory, this.index.summaryOf(uri), speakerIndex, speakerName);
    const person = id === undefined ? undefined : directory.people[id];
    if (id === undefined || !person) return undefined;
    let quotesHere = 0;
    let quotesElsewhere = 0;
    let articlesElsewhere = 0;
    const here: CorpusQuote[] = [];
    const others: CorpusQuote[] = [];
    for (const key of person.articles) {
      const summary = this.index.summaryOf(vscode.Uri.parse(key));
      const row = directory.assignments.get(key);
      if (!summary || !row) continue;
      const quotes = summary.quotes.filter((q) => q.speaker !== null && row[q.speaker] === id);
      const list = key === self ? here : others;
      if (key === self) quotesHere += quotes.length;
      else {
        quotesElsewhere += quotes.length;
        if (quotes.length > 0) articlesElsewhere++;
      }
      for (const q of quotes) if (list.length < SAMPLES) list.push({ uri: vscode.Uri.parse(key), start: q.start, end: q.end, text: q.text });
    }
    const variants = person.variants.map((v) => v.name).filter((n) => n !== person.name);
    return { name: person.name, variants, quotesHere, quotesElsewhere, articlesElsewhere, samples: [...here, ...others].slice(0, SAMPLES) };
  }

  quotedElsewhere(uri: vscode.Uri, start: number): ReturnType<CorpusLookup['quotedElsewhere']> {
    const source = this.index.quoteGroups();
    if (this.groups?.source !== source) this.groups = { source, lookup: new QuoteGroupLookup(source) };
    const groups = this.groups.lookup;
    // Articles of the same folder (usually the same site) first, then by path.
    const folder = vscode.Uri.joinPath(uri, '..').toString();
    const sameFolder = (path: string): number => (path.startsWith(folder) && !path.slice(folder.length + 1).includes('/') ? 0 : 1);
    return groups
      .elsewhere(uri.toString(), start)
      .sort((a, b) => sameFolder(a.version.path) - sameFolder(b.version.path) || a.version.path.localeCompare(b.version.path))
      .map((o) => ({ ...o, uri: vscode.Uri.parse(o.version.path) }));
  }

  repeatedLines(uri: vscode.Uri): ReturnType<CorpusLookup['repeatedLines']> {
    return this.index.repeatedLinesOf(uri);
  }
}
