// Resolves "he", "she", "they" and "it" to the nearest earlier mention of a fitting kind.
import type { SpeakerMention } from './types';

const LOOK_BACK = 40;

function fits(pronoun: string, m: SpeakerMention): boolean {
  switch (pronoun) {
    case 'he':
    case 'she':
      return m.kind === 'name' || (m.kind === 'description' && !/s$/i.test(m.text));
    case 'it':
      return m.kind === 'organisation';
    case 'they':
    case 'we':
      return m.kind === 'organisation' || (m.kind === 'description' && /s$/i.test(m.text));
    default:
      return m.kind === 'name';
  }
}

/** `sorted` holds the non-pronoun mentions of the document by start offset. */
export function resolvePronoun(sorted: readonly SpeakerMention[], pronoun: SpeakerMention): SpeakerMention | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = sorted[mid];
    if (m && m.start < pronoun.start) lo = mid + 1;
    else hi = mid;
  }
  const p = pronoun.text.toLowerCase();
  for (let i = lo - 1; i >= 0 && lo - i <= LOOK_BACK; i--) {
    const m = sorted[i];
    if (m && fits(p, m)) return m;
  }
  return null;
}
