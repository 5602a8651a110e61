import * as vscode from 'vscode';
import type { AnalysisCache } from './analysisCache';
import { isArticleDocument } from '../articles/language';
import { Commands, LANGUAGE_ID } from '../base/constants';
import type { Analysis, Evidence, NoiseLine, Quote, Speaker, SpeakerMention } from '../core/analysis/types';
import type { WorkspaceIndex } from '../corpus/workspaceIndex';
import { escapeMarkdown, excerpt } from '../core/text/markdown';
import { commandLink, trustedMarkdown } from '../base/hoverMarkdown';

/** Extra lines a later feature (tagging) adds under a detection's hover. */
export type HoverActions = (doc: vscode.TextDocument, target: HoverTarget) => string[];

export type HoverTarget =
  | { readonly kind: 'quote'; readonly quote: Quote }
  | { readonly kind: 'speaker'; readonly speaker: Speaker; readonly mention: SpeakerMention }
  | { readonly kind: 'noise'; readonly line: NoiseLine };

const contains = (span: { start: number; end: number }, offset: number): boolean => span.start <= offset && offset < span.end;

const percent = (x: number): string => `${Math.round(x * 100)}%`;

/** The reasons of a detection on one line, each once. */
function evidenceLine(evidence: readonly Evidence[]): string {
  return [...new Set(evidence.map((e) => e.detail))].map(escapeMarkdown).join('; ');
}

/** Finds what sits under the cursor: a speaker mention wins over the quote or line around it. */
export function targetAt(analysis: Analysis, offset: number): HoverTarget | undefined {
  for (const speaker of analysis.speakers) {
    const mention = speaker.mentions.find((m) => contains(m, offset));
    if (mention) return { kind: 'speaker', speaker, mention };
  }
  const quote = analysis.quotes.find((q) => contains(q, offset));
  if (quote) return { kind: 'quote', quote };
  const line = analysis.noise.find((n) => n.start <= offset && offset <= n.end);
  if (line) return { kind: 'noise', line };
  return undefined;
}

export class DetectionHoverProvider implements vscode.HoverProvider {
  private readonly actionProviders: HoverActions[] = [];
  private readonly enabledCommands: string[] = [Commands.revealRange];

  constructor(
    private readonly cache: AnalysisCache,
    private readonly index: WorkspaceIndex,
  ) {}

  /** Lets another feature add command links; its commands become the only other ones the hover may run. */
  addActions(commands: readonly string[], provider: HoverActions): void {
    this.enabledCommands.push(...commands);
    this.actionProviders.push(provider);
  }

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!isArticleDocument(doc)) return undefined;
    const analysis = this.cache.get(doc);
    const offset = doc.offsetAt(position);
    const target = targetAt(analysis, offset);
    if (!target) return undefined;
    const md = trustedMarkdown(this.enabledCommands);
    let span: { start: number; end: number };
    switch (target.kind) {
      case 'quote':
        span = target.quote;
        this.describeQuote(md, doc, analysis, target.quote);
        break;
      case 'speaker':
        span = target.mention;
        this.describeSpeaker(md, doc, target.speaker, target.mention);
        break;
      case 'noise':
        span = target.line;
        this.describeNoise(md, target.line);
        break;
    }
    const actions = this.actionProviders.flatMap((p) => p(doc, target));
    if (actions.length > 0) md.appendMarkdown(`\n\n---\n\n${actions.join(' · ')}`);
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end)));
  }

  private describeQuote(md: vscode.MarkdownString, doc: vscode.TextDocument, analysis: Analysis, quote: Quote): void {
    const speaker = analysis.speakers.find((s) => s.id === quote.speakerId);
    md.appendMarkdown(`**Quote** · confidence ${percent(quote.confidence)}\n\n`);
    md.appendMarkdown(`> ${escapeMarkdown(excerpt(doc.getText().slice(quote.start, quote.end), 120))}\n\n`);
    const parts: string[] = [];
    if (speaker) {
      let who = `**Speaker:** ${escapeMarkdown(speaker.name)}`;
      if (quote.mention) {
        who += ` (from ${commandLink(`“${excerpt(quote.mention.text, 60)}”`, Commands.revealRange, [doc.uri.toString(), quote.mention.start, quote.mention.end])})`;
      }
      parts.push(who);
    } else {
      parts.push('**Speaker:** not found');
    }
    parts.push(`**Cue:** ${quote.cue ? escapeMarkdown(quote.cue.text) : 'none'}`);
    md.appendMarkdown(`${parts.join(' · ')}\n\n`);
    if (quote.evidence.length > 0) md.appendMarkdown(`**Why:** ${evidenceLine(quote.evidence)}`);
  }

  private describeSpeaker(md: vscode.MarkdownString, doc: vscode.TextDocument, speaker: Speaker, mention: SpeakerMention): void {
    md.appendMarkdown(`**Speaker:** ${escapeMarkdown(speaker.name)}`);
    if (mention.text !== speaker.name) md.appendMarkdown(` (mentioned as “${escapeMarkdown(mention.text)}”, ${mention.kind})`);
    md.appendMarkdown('\n\n');
    const key = speaker.name.toLocaleLowerCase();
    const limit = 8;
    const lines: string[] = [];
    let inThis = 0;
    let inOthers = 0;
    const self = doc.uri.toString();
    const others = this.index.known().filter((a) => a.uri.toString() !== self);
    for (const article of [{ uri: doc.uri, text: doc.getText(), analysis: this.cache.get(doc) }, ...others]) {
      const here = article.uri.toString() === self;
      const ids = new Set(article.analysis.speakers.filter((s) => s.name.toLocaleLowerCase() === key).map((s) => s.id));
      for (const quote of article.analysis.quotes) {
        if (quote.speakerId === null || !ids.has(quote.speakerId)) continue;
        if (here) inThis++;
        else inOthers++;
        if (lines.length >= limit) continue;
        const where = here ? '' : ` — ${escapeMarkdown(vscode.workspace.asRelativePath(article.uri))}`;
        lines.push(`- ${commandLink(`“${excerpt(article.text.slice(quote.start, quote.end), 90)}”`, Commands.revealRange, [article.uri.toString(), quote.start, quote.end])}${where}`);
      }
    }
    if (lines.length === 0) {
      md.appendMarkdown('No quotes attributed to this speaker.');
      return;
    }
    const counts = inOthers > 0 ? `${inThis} in this article, ${inOthers} in other articles` : `${inThis} in this article`;
    md.appendMarkdown(`**Quotes** (${counts}):\n\n${lines.join('\n')}`);
    if (inThis + inOthers > lines.length) md.appendMarkdown(`\n\n…and ${inThis + inOthers - lines.length} more in the Sources view.`);
  }

  private describeNoise(md: vscode.MarkdownString, line: NoiseLine): void {
    md.appendMarkdown(`**Boilerplate** · ${escapeMarkdown(line.kind)} · confidence ${percent(line.confidence)} — not part of the article\n\n`);
    if (line.evidence.length > 0) md.appendMarkdown(`**Why:** ${evidenceLine(line.evidence)}`);
  }
}

export function registerHover(context: vscode.ExtensionContext, provider: DetectionHoverProvider): void {
  context.subscriptions.push(
    vscode.languages.registerHoverProvider([{ language: LANGUAGE_ID }, { language: 'plaintext' }], provider),
  );
}
