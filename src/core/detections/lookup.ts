import type { Analysis, Cue, NoiseLine, Quote, Speaker, SpeakerMention } from '../analysis/types';

/** The engine's own object behind a detection, for views that describe it in full (the hover). */
export type DetectedItem =
  | { readonly kind: 'quote'; readonly quote: Quote }
  | { readonly kind: 'speaker'; readonly speaker: Speaker; readonly mention: SpeakerMention }
  | { readonly kind: 'cue'; readonly cue: Cue }
  | { readonly kind: 'noise'; readonly line: NoiseLine };

/** One detection of any kind: its place, the label an accepted detection becomes, and what it knows. */
export interface Detection {
  readonly kind: DetectedItem['kind'];
  readonly start: number;
  readonly end: number;
  /** The label an accepted detection becomes, and its attributes. */
  readonly label: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly item: DetectedItem;
}

/** Every detection of the analysis (or of one kind), in text order. */
export function detectionsOf(analysis: Analysis, kind?: Detection['kind']): Detection[] {
  const out: Detection[] = [];
  const name = (id: string | null): string | undefined => analysis.speakers.find((s) => s.id === id)?.name;
  if (!kind || kind === 'quote') {
    for (const quote of analysis.quotes) {
      const speaker = name(quote.speakerId);
      out.push({ kind: 'quote', start: quote.start, end: quote.end, label: 'quote', attributes: speaker ? { speaker } : {}, item: { kind: 'quote', quote } });
    }
  }
  if (!kind || kind === 'speaker') {
    for (const speaker of analysis.speakers) {
      for (const mention of speaker.mentions) {
        out.push({ kind: 'speaker', start: mention.start, end: mention.end, label: 'speaker', attributes: { name: speaker.name }, item: { kind: 'speaker', speaker, mention } });
      }
    }
  }
  if (!kind || kind === 'cue') {
    for (const cue of analysis.cues) out.push({ kind: 'cue', start: cue.start, end: cue.end, label: 'cue', attributes: {}, item: { kind: 'cue', cue } });
  }
  if (!kind || kind === 'noise') {
    for (const line of analysis.noise) out.push({ kind: 'noise', start: line.start, end: line.end, label: 'noise', attributes: { kind: line.kind }, item: { kind: 'noise', line } });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The detection under an offset, the innermost when several overlap: a speaker mention or a cue
 * before the quote or boilerplate line around it. A boilerplate line also counts at its very end,
 * where the cursor rests after the last character of the line.
 */
export function detectionAt(analysis: Analysis, offset: number): Detection | undefined {
  const under = detectionsOf(analysis).filter((d) => d.start <= offset && (offset < d.end || (d.kind === 'noise' && offset === d.end)));
  return under.sort((a, b) => a.end - a.start - (b.end - b.start))[0];
}
