// Turns an analysis into the prediction file the scorer reads, and into a readable summary.
import type { Analysis } from '../../core/analysis/types';
import { analysisParts } from '../../core/archive/analysisParts';
import type { ArchiveFields } from '../../core/archive/types';
import { articleStatistics } from '../../core/articles/statistics';
import { excerpt } from '../../core/text/excerpt';
import { escapeForTerminal as show } from '../terminalText';

interface PredictedSpan {
  start: number;
  end: number;
}

export interface PredictionFile {
  /** `mention`, `cue` and the evidence `rules` link each quote to how it was attributed, so errors can be traced. */
  readonly quotes: {
    start: number;
    end: number;
    speaker: string | null;
    mention: (PredictedSpan & { kind: string }) | null;
    cue: PredictedSpan | null;
    rules: string[];
  }[];
  readonly speakers: { start: number; end: number; kind: string }[];
  readonly cues: { start: number; end: number }[];
  readonly noise: { start: number; end: number; kind: string }[];
}

export function toPredictions(a: Analysis): PredictionFile {
  const names = new Map(a.speakers.map((s) => [s.id, s.name]));
  const mentionKeys = new Set<string>();
  const speakers: { start: number; end: number; kind: string }[] = [];
  for (const q of a.quotes) {
    const m = q.mention;
    if (!m || mentionKeys.has(`${m.start}:${m.end}`)) continue;
    mentionKeys.add(`${m.start}:${m.end}`);
    speakers.push({ start: m.start, end: m.end, kind: m.kind });
  }
  speakers.sort((x, y) => x.start - y.start);
  return {
    quotes: a.quotes.map((q) => ({
      start: q.start,
      end: q.end,
      speaker: q.speakerId ? (names.get(q.speakerId) ?? null) : null,
      mention: q.mention ? { start: q.mention.start, end: q.mention.end, kind: q.mention.kind } : null,
      cue: q.cue ? { start: q.cue.start, end: q.cue.end } : null,
      rules: [...new Set(q.evidence.map((e) => e.rule))],
    })),
    speakers,
    cues: a.cues.map((c) => ({ start: c.start, end: c.end })),
    noise: a.noise.map((n) => ({ start: n.start, end: n.end, kind: n.kind })),
  };
}

/** The first line of an article's summary: its name, and for one article of an export its headline, source and date. */
function heading(name: string, fields: ArchiveFields | undefined): string {
  if (!fields) return show(name);
  const about = [fields.source, fields.date].filter((f): f is string => f !== undefined && f !== '').join(', ');
  return `${show(name)}${fields.headline ? ` “${show(excerpt(fields.headline, 100))}”` : ''}${about === '' ? '' : ` (${show(about)})`}`;
}

/** The readable summary of each article of a file (one for an ordinary file), blocks joined by a line break. */
export function summaries(name: string, text: string, a: Analysis): string {
  return analysisParts(name, a)
    .map((part) => {
      if (!part.article) return summary(name, text, a);
      const { start, end, fields } = part.article;
      // Statistics are the article's own: its text, its noise lines moved to that text.
      const noise = part.analysis.noise.map((n) => ({ ...n, start: n.start - start, end: n.end - start }));
      return summary(part.id, text, part.analysis, { text: text.slice(start, end), analysis: { ...part.analysis, noise } }, fields);
    })
    .join('\n');
}

export function summary(name: string, text: string, a: Analysis, own: { text: string; analysis: Analysis } = { text, analysis: a }, fields?: ArchiveFields): string {
  const out: string[] = [heading(name, fields)];
  const names = new Map(a.speakers.map((s) => [s.id, s.name]));
  const stats = articleStatistics(own.text, own.analysis);
  out.push(`  ${stats.quotes} quotes, ${stats.speakers} speakers, ${stats.boilerplateLines} boilerplate lines (${Math.round(stats.boilerplateShare * 100)}% of the text)`);
  for (const q of a.quotes) {
    const who = show(q.speakerId ? (names.get(q.speakerId) ?? '?') : 'unknown source');
    out.push(`  [${q.start}-${q.end}] ${who}${q.cue ? ` (${show(excerpt(q.cue.text, 40))})` : ''}: “${show(excerpt(text.slice(q.start, q.end), 89))}”`);
  }
  const kinds = new Map<string, number>();
  for (const n of a.noise) kinds.set(n.kind, (kinds.get(n.kind) ?? 0) + 1);
  if (kinds.size > 0) out.push(`  boilerplate: ${[...kinds].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  return out.join('\n');
}
