import * as vscode from 'vscode';
import type { AnalysisCache } from './analysisCache';
import { isArticleDocument } from '../articles/language';
import { Commands, LANGUAGE_ID } from '../base/constants';
import type { Analysis, Cue, Evidence, NoiseLine, Quote, Speaker, SpeakerMention } from '../core/analysis/types';
import { quotesOfSpeaker, speakerKey } from '../core/corpus/speakerGroups';
import { detectionAt, type Detection } from '../core/detections/lookup';
import { escapeMarkdown } from '../core/text/markdown';
import { excerpt } from '../core/text/excerpt';
import type { IndexedArticle } from '../corpus/workspaceIndex';
import { commandLink, trustedMarkdown } from '../base/hoverMarkdown';

/** Extra lines a later feature (tagging) adds under a detection's hover. */
export type HoverActions = (doc: vscode.TextDocument, detection: Detection) => string[];

/** The articles analysed so far, to list a speaker's quotes in other articles (the corpus index). */
export interface KnownArticles {
  known(): IndexedArticle[];
}

const percent = (x: number): string => `${Math.round(x * 100)}%`;

/** The reasons of a detection on one line, each once. */
function evidenceLine(evidence: readonly Evidence[]): string {
  return [...new Set(evidence.map((e) => e.detail))].map(escapeMarkdown).join('; ');
}

/** Explains the detection under the cursor: why it was made and what it is linked to. */
export class DetectionHoverProvider implements vscode.HoverProvider {
  private readonly actionProviders: HoverActions[] = [];
  private readonly enabledCommands: string[] = [Commands.revealRange];

  constructor(
    private readonly cache: AnalysisCache,
    private readonly articles: KnownArticles,
  ) {}

  /** Lets another feature add command links; its commands become the only other ones the hover may run. */
  addActions(commands: readonly string[], provider: HoverActions): void {
    this.enabledCommands.push(...commands);
    this.actionProviders.push(provider);
  }

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!isArticleDocument(doc)) return undefined;
    const analysis = this.cache.get(doc);
    const detection = detectionAt(analysis, doc.offsetAt(position));
    if (!detection) return undefined;
    const md = trustedMarkdown(this.enabledCommands);
    const item = detection.item;
    switch (item.kind) {
      case 'quote':
        this.describeQuote(md, doc, analysis, item.quote);
        break;
      case 'speaker':
        this.describeSpeaker(md, doc, item.speaker, item.mention);
        break;
      case 'cue':
        describeCue(md, item.cue);
        break;
      case 'noise':
        describeBoilerplate(md, item.line);
        break;
    }
    const actions = this.actionProviders.flatMap((p) => p(doc, detection));
    if (actions.length > 0) md.appendMarkdown(`\n\n---\n\n${actions.join(' · ')}`);
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(detection.start), doc.positionAt(detection.end)));
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
    const key = speakerKey(speaker.name);
    const limit = 8;
    const lines: string[] = [];
    let inThis = 0;
    let inOthers = 0;
    const self = doc.uri.toString();
    const others = this.articles.known().filter((a) => a.uri.toString() !== self);
    for (const article of [{ uri: doc.uri, text: doc.getText(), analysis: this.cache.get(doc) }, ...others]) {
      const here = article.uri.toString() === self;
      for (const quote of quotesOfSpeaker(article.analysis, key)) {
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
