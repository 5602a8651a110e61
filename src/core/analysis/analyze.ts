import type { Analysis, Cue, Evidence, NoiseLine, Quote, Speaker, SpeakerMention } from './types';
import { splitLines } from './text';
import { findNoise } from './noise';
import type { QuoteSpan } from './quotes';
import { findQuotes } from './quotes';
import type { Event } from './attribution';
import { LineTokens, lineEvents } from './attribution';
import { attributeAll } from './continuation';
import type { SpeakerGroup } from './speakers';
import { SpeakerGroups } from './speakers';
import { resolvePronoun } from './pronouns';
import { antecedentOf, fullNames } from './mentions';

/** Quotes this short with no source are not taken for someone's words. */
const MIN_WORDS_UNATTRIBUTED = 1;
/** Noise lines at least this sure hide their quotes (a list item below the article may still be text). */
const QUOTE_DROP_CONFIDENCE = 0.6;

function wordCount(text: string, start: number, end: number): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 13 || c === 9;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** "The Art of the Deal": every longer word capitalised (checked on short spans only). */
function isTitleCase(text: string, start: number, end: number): boolean {
  if (end - start > 80) return false;
  const words = text.slice(start, end).split(/\s+/).filter((w) => /^(\p{L}{4,}|\d)/u.test(w));
  return words.length > 0 && words.every((w) => /^(\p{Lu}|\d)/u.test(w));
}

/** Words before a quoted name of a work or a nickname ("on CNN's “State of the Union”", "the film “13th”"). */
const WORK_INTRODUCERS = new Set([
  'on', 'of', 'book', 'documentary', 'film', 'movie', 'show', 'program', 'programme', 'anthem', 'song', 'nickname',
  'titled', 'entitled', 'dubbed', 'album', 'series', 'broadcast', 'column', 'headline', 'novel', 'play', 'magazine',
]);

/** "the so-called “deep state”": the writer distances themself from a phrase; nobody is quoted. */
function isScareQuote(text: string, q: QuoteSpan): boolean {
  return /so-called\s*$/i.test(text.slice(Math.max(0, q.open - 12), q.open));
}

function isNameOfWork(text: string, q: QuoteSpan): boolean {
  if (!isTitleCase(text, q.start, q.end)) return false;
  let i = q.open;
  while (i > 0 && /[\s,]/.test(text[i - 1] ?? '')) i--;
  let j = i;
  while (j > 0 && j > i - 40 && /[\p{L}'’]/u.test(text[j - 1] ?? '')) j--;
  const word = text.slice(j, i).toLowerCase();
  return /['’]s$/.test(word) || WORK_INTRODUCERS.has(word);
}

/**
 * Finds quotes, their speakers and cues, and the boilerplate lines of an article.
 * Pure: no I/O, never throws on any string.
 */
export function analyze(text: string): Analysis {
  const lines = splitLines(text);
  const noise: NoiseLine[] = findNoise(lines);
  // Quotes are dropped only on lines that are surely not article text.
  // Noise lines and lines are both sorted by start: one merge marks the lines by index.
  const noiseLine = new Uint8Array(lines.length);
  let li = 0;
  for (const n of noise) {
    if (n.confidence < QUOTE_DROP_CONFIDENCE) continue;
    while (li < lines.length && (lines[li]?.start ?? 0) < n.start) li++;
    if (lines[li]?.start === n.start) noiseLine[li] = 1;
  }
  const isNoiseLine = (i: number): boolean => noiseLine[i] === 1;
  const spans = findQuotes(text, lines).filter((q) => !isNoiseLine(q.lineIndex));
  const lt = new LineTokens(text, lines);

  // Every attribution of the article, quoted or not, in reading order.
  const events: Event[] = [];
  const eventsByLine = new Map<number, Event[]>();
  let nextSpan = 0;
  for (const line of lines) {
    if (line.blank || isNoiseLine(line.index)) continue;
    while (nextSpan < spans.length && (spans[nextSpan]?.end ?? 0) <= line.start) nextSpan++;
    const quoted: QuoteSpan[] = [];
    for (let k = nextSpan; k < spans.length; k++) {
      const span = spans[k];
      if (!span || span.start >= line.end) break;
      quoted.push(span);
    }
    const found = lineEvents(text, lt, line.index, quoted);
    if (found.length > 0) {
      eventsByLine.set(line.index, found);
      events.push(...found);
    }
  }

  const attributions = attributeAll(text, lines, lt, spans, eventsByLine, isNoiseLine);

  // Canonical speakers over every mention of the document, fullest form first.
  const groups = new SpeakerGroups();
  const allMentions: SpeakerMention[] = [];
  for (const e of events) allMentions.push(e.mention);
  for (const a of attributions) {
    if (!a?.mention) continue;
    allMentions.push(a.mention);
    const antecedent = antecedentOf(a.mention);
    if (antecedent) allMentions.push(antecedent);
  }
  allMentions.sort((x, y) => x.start - y.start);
  const groupByMention = new Map<string, SpeakerGroup>();
  const keyOf = (m: SpeakerMention): string => `${m.start}:${m.end}`;
  for (const m of allMentions) {
    if (m.kind === 'pronoun' || groupByMention.has(keyOf(m))) continue;
    groupByMention.set(keyOf(m), groups.groupOf(m));
  }
  // Full names anywhere in the article: the fullest form of a speaker's name, and antecedents of pronouns.
  const names: SpeakerMention[] = [];
  for (const line of lines) {
    if (line.blank || isNoiseLine(line.index)) continue;
    for (const m of fullNames(text, lt.of(line.index))) {
      groups.extendName(m);
      names.push(m);
    }
  }
  const nonPronoun = [...allMentions.filter((m) => m.kind !== 'pronoun'), ...names].sort((x, y) => x.start - y.start || y.end - x.end);

  const quoteGroups: (SpeakerGroup | null)[] = [];
  const quoteMentions: (SpeakerMention | null)[] = [];
  for (const a of attributions) {
    const m = a?.mention ?? null;
    let g: SpeakerGroup | null = null;
    if (m) {
      if (m.kind === 'pronoun') {
        const antecedent = antecedentOf(m) ?? resolvePronoun(nonPronoun, m);
        if (antecedent) {
          g = groupByMention.get(keyOf(antecedent)) ?? groups.groupOf(antecedent);
          groupByMention.set(keyOf(antecedent), g);
        }
      } else {
        g = groupByMention.get(keyOf(m)) ?? null;
      }
    }
    quoteGroups.push(g);
    quoteMentions.push(m);
  }

  // Speakers: only those with quotes, ids in order of first mention.
  const used = [...new Set(quoteGroups.filter((g): g is SpeakerGroup => g !== null))].sort((x, y) => x.firstStart - y.firstStart);
  const idOf = new Map<SpeakerGroup, string>();
  used.forEach((g, i) => idOf.set(g, `s${i}`));
  const mentionsOf = new Map<SpeakerGroup, Map<string, SpeakerMention>>();

  const quotes: Quote[] = [];
  const cues = new Map<string, Cue>();
  for (let k = 0; k < spans.length; k++) {
    const q = spans[k];
    const a = attributions[k] ?? null;
    const g = quoteGroups[k] ?? null;
    const m = quoteMentions[k] ?? null;
    if (!q) continue;
    // Without a source, short phrases, single-quoted phrases and Title Case names of works are not speech.
    if (!a && (q.family === 'single' || wordCount(text, q.start, q.end) < MIN_WORDS_UNATTRIBUTED || isTitleCase(text, q.start, q.end))) continue;
    if (isNameOfWork(text, q) || isScareQuote(text, q)) continue;
    const evidence: Evidence[] = [...q.evidence, ...(a ? a.evidence : [{ rule: 'no-source', detail: 'no reporting cue or source found nearby' }])];
    if (g && m) {
      let ms = mentionsOf.get(g);
      if (!ms) {
        ms = new Map<string, SpeakerMention>();
        mentionsOf.set(g, ms);
      }
      ms.set(keyOf(m), m);
      if (m.kind === 'pronoun') evidence.push({ rule: 'pronoun', detail: `“${m.text}” refers back to ${g.name}` });
    }
    if (a?.cue) cues.set(`${a.cue.start}:${a.cue.end}`, a.cue);
    const base = q.close !== null ? 0.95 : 0.75;
    quotes.push({
      start: q.start,
      end: q.end,
      speakerId: g ? (idOf.get(g) ?? null) : null,
      mention: m,
      cue: a?.cue ?? null,
      confidence: Math.round(base * (a ? a.confidence : 0.5) * 100) / 100,
      evidence,
    });
  }

  const speakers: Speaker[] = used.map((g) => ({
    id: idOf.get(g) ?? '',
    name: g.name,
    mentions: [...(mentionsOf.get(g)?.values() ?? [])].sort((x, y) => x.start - y.start),
  }));
  return {
    quotes,
    speakers,
    cues: [...cues.values()].sort((x, y) => x.start - y.start),
    noise,
  };
}
