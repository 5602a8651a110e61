// Resolves "he", "she", "they" and "it" to the nearest earlier mention of a fitting kind, number
// and gender ("she" never refers back to "Mr. Trump" nor to "the spokesman").
import type { SpeakerMention } from './types';
import type { Gender } from './gender';
import { pronounGender } from './gender';
import { ORGANISATION_WORDS } from './lexicon';
import { isSpaceCode } from './text';

const LOOK_BACK = 40;

/** The last word of a description, lower case ("the federation" → "federation"): what follows its last space. */
function headWord(text: string): string {
  let i = text.length;
  while (i > 0 && !isSpaceCode(text.charCodeAt(i - 1))) i--;
  return text.slice(i).toLowerCase();
}

function fits(pronoun: string, m: SpeakerMention): boolean {
  switch (pronoun) {
    case 'he':
    case 'she':
      // "the federation announced …. She said": a body of people is no "he" or "she".
      return m.kind === 'name' || (m.kind === 'description' && !/s$/i.test(m.text) && !ORGANISATION_WORDS.has(headWord(m.text)));
    case 'it':
      return m.kind === 'organisation';
    case 'they':
    case 'we':
      return m.kind === 'organisation' || (m.kind === 'description' && /s$/i.test(m.text));
    default:
      return m.kind === 'name';
  }
}

/**
 * `sorted` holds the non-pronoun mentions of the document by start offset; `genderOf` tells the
 * gender a mention shows, when known (a mention of unknown gender fits either pronoun).
 */
export function resolvePronoun(sorted: readonly SpeakerMention[], pronoun: SpeakerMention, genderOf?: (m: SpeakerMention) => Gender | null): SpeakerMention | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = sorted[mid];
    if (m && m.start < pronoun.start) lo = mid + 1;
    else hi = mid;
  }
  const p = pronoun.text.toLowerCase();
  const gender = pronounGender(p);
  for (let i = lo - 1; i >= 0 && lo - i <= LOOK_BACK; i--) {
    const m = sorted[i];
    if (!m || !fits(p, m)) continue;
    const shown = gender && genderOf ? genderOf(m) : null;
    if (shown && shown !== gender) continue;
    return m;
  }
  return null;
}
