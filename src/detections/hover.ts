import * as vscode from 'vscode';
import type { AnalysisCache } from './analysisCache';
import { isArticleDocument } from '../articles/language';
import { Commands, LANGUAGE_ID } from '../base/constants';
import type { Analysis, Cue, Evidence, NoiseLine, Quote, Speaker, SpeakerMention } from '../core/analysis/types';
import type { QuoteElsewhere } from '../core/corpus/quoteElsewhere';
import type { RepeatedLineMark } from '../core/corpus/repeatedLines';
import { detectionAt, type Detection } from '../core/detections/lookup';
import { escapeMarkdown } from '../core/text/markdown';
import { labelExcerpt } from '../core/text/excerpt';
import { commandLink, trustedMarkdown } from '../base/hoverMarkdown';

/** Extra lines a later feature (tagging) adds under a detection's hover. */
export type HoverActions = (doc: vscode.TextDocument, detection: Detection) => string[];

/** A quote of the corpus, where a hover link opens it. */
export interface CorpusQuote {
  readonly uri: vscode.Uri;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** One person across the corpus, as the speaker hover shows them. */
export interface CorpusPersonQuotes {
  readonly name: string;
  /** Other spellings used in the corpus. */
  readonly variants: readonly string[];
  readonly quotesHere: number;
  readonly quotesElsewhere: number;
  /** Other articles that quote this person. */
  readonly articlesElsewhere: number;
  /** A few quotes, this article's first. */
  readonly samples: readonly CorpusQuote[];
}

/** What the corpus index tells the detections about a document; the corpus feature answers. */
export interface CorpusLookup {
  /** The person the speaker (its index in the shown analysis, and name) is across the corpus. */
  personOf(uri: vscode.Uri, speakerIndex: number, speakerName: string): CorpusPersonQuotes | undefined;
  /** Other articles' versions of the quote of `uri` starting at `start`; an article of an export has its number as the URI's fragment. */
  quotedElsewhere(uri: vscode.Uri, start: number): readonly (QuoteElsewhere & { readonly uri: vscode.Uri })[];
  /** Lines of the document that recur in at least three articles of its folder. */
  repeatedLines(uri: vscode.Uri): readonly RepeatedLineMark[];
  readonly onDidChange: vscode.Event<void>;
}

const RELATION_TEXT: Readonly<Record<QuoteElsewhere['relation'], string>> = {
  identical: 'identical',
  contained: 'a shorter part of it',
  contains: 'inside a longer quote',
  overlaps: 'overlapping',
  reworded: 'reworded',
};

const percent = (x: number): string => `${Math.round(x * 100)}%`;

/** The reasons of a detection on one line, each once. */
function evidenceLine(evidence: readonly Evidence[]): string {
  const details = [...new Set(evidence.map((e) => e.detail))];
  // A reason another one already says in full ("“…” closed in the same paragraph" holds "closed in the same paragraph") is said once.
  return details
    .filter((d) => !details.some((other) => other !== d && other.endsWith(d)))
    .map(escapeMarkdown)
    .join('; ');
}

/** Explains the detection under the cursor: why it was made and what it is linked to. */
export class DetectionHoverProvider implements vscode.HoverProvider {
  private readonly actionProviders: HoverActions[] = [];
  private readonly enabledCommands: string[] = [Commands.revealRange];

  constructor(
    private readonly cache: AnalysisCache,
    private readonly corpus: CorpusLookup,
  ) {}

  /** Lets another feature add command links; its commands become the only other ones the hover may run. */
  addActions(commands: readonly string[], provider: HoverActions): void {
    this.enabledCommands.push(...commands);
    this.actionProviders.push(provider);
  }

  async provideHover(doc: vscode.TextDocument, position: vscode.Position, token?: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!isArticleDocument(doc)) return undefined;
    // A large document's first answer covers its visible part: wait for all of it (off this thread).
    const version = doc.version;
    const analysis = await this.cache.shownOrComplete(doc);
    if (token?.isCancellationRequested || doc.version !== version) return undefined;
    const offset = doc.offsetAt(position);
    const detection = detectionAt(analysis, offset);
    const repeated = this.corpus.repeatedLines(doc.uri).find((m) => m.start <= offset && offset <= m.end);
    if (!detection) return repeated ? this.repeatedLineHover(doc, repeated) : undefined;
    const md = trustedMarkdown(this.enabledCommands);
    const item = detection.item;
    switch (item.kind) {
      case 'quote':
        this.describeQuote(md, doc, analysis, item.quote);
        break;
      case 'speaker':
        this.describeSpeaker(md, doc, analysis.speakers.indexOf(item.speaker), item.speaker, item.mention);
        break;
      case 'cue':
        describeCue(md, item.cue);
        break;
      case 'noise':
        describeBoilerplate(md, item.line);
        if (repeated) md.appendMarkdown(`\n\n${repeatedText(repeated)}`);
        break;
    }
    const actions = this.actionProviders.flatMap((p) => p(doc, detection));
    if (actions.length > 0) md.appendMarkdown(`\n\n---\n\n${actions.join(' · ')}`);
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(detection.start), doc.positionAt(detection.end)));
  }

  private describeQuote(md: vscode.MarkdownString, doc: vscode.TextDocument, analysis: Analysis, quote: Quote): void {
    const speaker = analysis.speakers.find((s) => s.id === quote.speakerId);
    md.appendMarkdown(`**Quote** · confidence ${percent(quote.confidence)}\n\n`);
    md.appendMarkdown(`> ${escapeMarkdown(labelExcerpt(doc.getText().slice(quote.start, quote.end), 120))}\n\n`);
    const parts: string[] = [];
    if (speaker) {
      let who = `**Speaker:** ${escapeMarkdown(speaker.name)}`;
      if (quote.mention) {
        who += ` (from ${commandLink(`“${labelExcerpt(quote.mention.text, 60)}”`, Commands.revealRange, [doc.uri.toString(), quote.mention.start, quote.mention.end])})`;
      }
      parts.push(who);
    } else {
      parts.push('**Speaker:** not found');
    }
    parts.push(`**Cue:** ${quote.cue ? escapeMarkdown(quote.cue.text) : 'none'}`);
    md.appendMarkdown(`${parts.join(' · ')}\n\n`);
    if (quote.evidence.length > 0) md.appendMarkdown(`**Why:** ${evidenceLine(quote.evidence)}`);
    this.describeElsewhere(md, doc, quote);
  }

  private describeElsewhere(md: vscode.MarkdownString, doc: vscode.TextDocument, quote: Quote): void {
    const others = this.corpus.quotedElsewhere(doc.uri, quote.start);
    if (others.length === 0) return;
    const limit = 6;
    const lines = others.slice(0, limit).map((o) => {
      // An article of an archive export is the export's file with its number (`council.txt #3`).
      const name = `${o.uri.path.slice(o.uri.path.lastIndexOf('/') + 1)}${o.uri.fragment === '' ? '' : ` #${o.uri.fragment}`}`;
      const link = commandLink(name, Commands.revealRange, [o.uri.toString(), o.version.start, o.version.end]);
      const changes = o.changes
        .slice(0, 4)
        .map((c) => (c.removed === '' ? `+“${escapeMarkdown(labelExcerpt(c.added, 40))}”` : c.added === '' ? `−“${escapeMarkdown(labelExcerpt(c.removed, 40))}”` : `“${escapeMarkdown(labelExcerpt(c.removed, 40))}” → “${escapeMarkdown(labelExcerpt(c.added, 40))}”`));
      return `- ${link} — ${RELATION_TEXT[o.relation]}${changes.length > 0 ? `: ${changes.join('; ')}` : ''}`;
    });
    md.appendMarkdown(`\n\n**Also quoted in** ${others.length === 1 ? '1 other article' : `${others.length} other articles`}:\n\n${lines.join('\n')}`);
    if (others.length > limit) md.appendMarkdown(`\n\n…and ${others.length - limit} more in the Statements view.`);
  }

  private repeatedLineHover(doc: vscode.TextDocument, mark: RepeatedLineMark): vscode.Hover {
    const md = trustedMarkdown(this.enabledCommands);
    md.appendMarkdown(`**Boilerplate** · repeated — not part of the article\n\n${repeatedText(mark)}`);
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(mark.start), doc.positionAt(mark.end)));
  }

  private describeSpeaker(md: vscode.MarkdownString, doc: vscode.TextDocument, index: number, speaker: Speaker, mention: SpeakerMention): void {
    md.appendMarkdown(`**Speaker:** ${escapeMarkdown(speaker.name)}`);
    if (mention.text !== speaker.name) md.appendMarkdown(` (mentioned as “${escapeMarkdown(mention.text)}”, ${mention.kind})`);
    md.appendMarkdown('\n\n');
    const person = this.corpus.personOf(doc.uri, index, speaker.name);
    if (!person || person.quotesHere + person.quotesElsewhere === 0) {
      md.appendMarkdown('No quotes attributed to this speaker.');
      return;
    }
    if (person.name !== speaker.name || person.variants.length > 0) {
      const also = person.variants.length > 0 ? ` (also ${person.variants.map((v) => `“${escapeMarkdown(v)}”`).join(', ')})` : '';
      md.appendMarkdown(`**Across the corpus:** ${escapeMarkdown(person.name)}${also}\n\n`);
    }
    const self = doc.uri.toString();
    const lines = person.samples.map((q) => {
      const where = q.uri.toString() === self ? '' : ` — ${escapeMarkdown(vscode.workspace.asRelativePath(q.uri))}`;
      return `- ${commandLink(`“${labelExcerpt(q.text, 90)}”`, Commands.revealRange, [q.uri.toString(), q.start, q.end])}${where}`;
    });
    const total = person.quotesHere + person.quotesElsewhere;
    const counts = person.quotesElsewhere > 0 ? `${person.quotesHere} in this article, ${person.quotesElsewhere} in ${person.articlesElsewhere === 1 ? '1 other article' : `${person.articlesElsewhere} other articles`}` : `${person.quotesHere} in this article`;
    md.appendMarkdown(`**Quotes** (${counts}):\n\n${lines.join('\n')}`);
    if (total > lines.length) md.appendMarkdown(`\n\n…and ${total - lines.length} more in the Speakers view.`);
  }
}

function repeatedText(mark: RepeatedLineMark): string {
  return `**Repeated:** this line recurs in ${mark.count} articles of this folder`;
}

function describeCue(md: vscode.MarkdownString, cue: Cue): void {
  md.appendMarkdown(`**Cue:** ${escapeMarkdown(cue.text)} — a verb or phrase that introduces someone's words`);
}

function describeBoilerplate(md: vscode.MarkdownString, line: NoiseLine): void {
  md.appendMarkdown(`**Boilerplate** · ${escapeMarkdown(line.kind)} · confidence ${percent(line.confidence)} — not part of the article\n\n`);
  if (line.evidence.length > 0) md.appendMarkdown(`**Why:** ${evidenceLine(line.evidence)}`);
}

export function registerDetectionHover(provider: DetectionHoverProvider): vscode.Disposable {
  return vscode.languages.registerHoverProvider([{ language: LANGUAGE_ID }, { language: 'plaintext' }], provider);
}
