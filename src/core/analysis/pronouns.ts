// Resolves "he", "she", "they" and "it" to the nearest earlier mention of a fitting kind, number
// and gender ("she" never refers back to "Mr. Trump" nor to "the spokesman").
import type { SpeakerMention } from './types';
import type { Gender } from './gender';
import { pronounGender } from './gender';
import { ORGANISATION_WORDS, PLACES, WEEKDAYS_AND_MONTHS, isGivenName } from './lexicon';

const LOOK_BACK = 40;

/** Words after which a description's head is behind it: "a spokeswoman for the ministry" is a spokeswoman. */
const POSTMODIFIER_OPENERS = new Set(['for', 'of', 'at', 'with', 'from', 'in', 'on', 'to']);

/**
 * The head word of a description, lower case: its last word ("the federation" → "federation"), or
 * the word before a preposition that opens what qualifies it ("a spokeswoman for the ministry" →
 * "spokeswoman").
 */
function headWord(text: string): string {
  const words = text.toLowerCase().split(/\s+/).filter((w) => w !== '');
  for (let k = 1; k < words.length; k++) if (POSTMODIFIER_OPENERS.has(words[k] ?? '')) return words[k - 1] ?? '';
  return words[words.length - 1] ?? '';
}

/** Organisation words that name people, many of them ("officials"): they are "they", not "it". */
const PEOPLE_WORDS = new Set(['officials', 'lawmakers', 'senators', 'democrats', 'republicans']);

/** A head word naming one body of people ("company", "ministry"), which is "it". */
function isBodyHead(head: string): boolean {
  return (ORGANISATION_WORDS.has(head) || isBusinessHead(head)) && !PEOPLE_WORDS.has(head);
}

/** Nouns by which business news names a company ("the iPhone maker", "the chipmaker", "the search giant"). */
const BUSINESS_HEADS = new Set(['firm', 'giant', 'retailer', 'manufacturer', 'carrier', 'airline', 'lender', 'insurer', 'broadcaster', 'publisher', 'platform', 'startup', 'start-up', 'conglomerate', 'brand', 'chain', 'operator', 'supplier', 'exporter', 'importer', 'outlet', 'automaker', 'carmaker', 'chipmaker', 'drugmaker']);

/** A description's head that names a company: one of BUSINESS_HEADS, or a maker of something ("iPhone maker", "chipmaker"). */
export function isBusinessHead(head: string): boolean {
  return BUSINESS_HEADS.has(head) || head.endsWith('maker');
}

/**
 * Last words of the names of places and days ("United States", "Election Day", "New York City"), and
 * of laws, plans and events ("Fair Pay Act", "Paris Agreement", "World Cup").
 */
const PLACE_OR_DAY_ENDINGS = new Set([
  'states', 'kingdom', 'republic', 'city', 'county', 'island', 'islands', 'province', 'region', 'valley', 'day', 'eve', 'week', 'street', 'avenue', 'road', 'boulevard', 'lane', 'square', 'park', 'bridge', 'river', 'lake', 'mountain', 'mountains', 'beach', 'airport', 'station', 'stadium', 'district',
  'act', 'bill', 'law', 'amendment', 'treaty', 'accord', 'agreement', 'protocol', 'doctrine', 'plan', 'initiative', 'programme', 'charter', 'constitution', 'declaration', 'resolution', 'award', 'awards', 'prize', 'cup', 'trophy', 'championship', 'games', 'olympics', 'festival', 'summit', 'conference',
]);

/**
 * A name that is a place or a day, never "he" or "she": "Addis Ababa" aside (no list knows every
 * place). A known given name first makes it a person's ("Susan Park", "Ann Lake").
 */
function isPlaceOrDay(name: string): boolean {
  const words = name.toLowerCase().split(/\s+/).filter((w) => w !== '');
  const first = words[0] ?? '';
  if (words.length > 1 && isGivenName(first)) return false;
  const last = words[words.length - 1] ?? '';
  return PLACE_OR_DAY_ENDINGS.has(last) || (words.length === 1 && PLACES.has(last)) || words.some((w) => WEEKDAYS_AND_MONTHS.has(w));
}

/** Nouns of texts that speak for their authors ("the statement said", "the report found"): "it", never "he" or "she". */
const DOCUMENT_HEADS = new Set(['statement', 'report', 'readout', 'letter', 'memo', 'post', 'tweet', 'study', 'survey', 'poll', 'filing', 'complaint', 'lawsuit', 'document', 'note', 'email', 'release', 'transcript', 'message', 'video', 'ad', 'advertisement', 'ruling', 'order', 'indictment', 'affidavit', 'petition', 'analysis', 'assessment', 'review', 'audit', 'editorial', 'article', 'book', 'website', 'notice']);

function fits(pronoun: string, m: SpeakerMention): boolean {
  switch (pronoun) {
    case 'he':
    case 'she': {
      // "the federation announced …. She said": a body of people is no "he" or "she"; nor is a place, a day or a text.
      if (m.kind === 'name') return !isPlaceOrDay(m.text);
      if (m.kind !== 'description' || /s$/i.test(m.text)) return false;
      const head = headWord(m.text);
      return !isBodyHead(head) && !DOCUMENT_HEADS.has(head);
    }
    case 'it':
      // "the company said … it added": an organisation, named or described.
      return m.kind === 'organisation' || (m.kind === 'description' && isBodyHead(headWord(m.text)));
    case 'they':
    case 'we':
      return m.kind === 'organisation' || (m.kind === 'description' && /s$/i.test(m.text));
    default:
      return m.kind === 'name';
  }
}

/**
 * `sorted` holds the non-pronoun mentions of the document by start offset; `genderOf` tells the
 * gender a mention shows, when known (a mention of unknown gender fits either pronoun). The nearest
 * fitting mention that shows the pronoun's gender, or is the source of a reporting verb
 * (`isSource`), is taken before nearer ones that show neither: in "Mayor Angela Brooks said the
 * decision came after two years of debate in Fort Collins. “…,” she said", she is Angela Brooks, not
 * Fort Collins; without such a mention, the nearest fitting one.
 */
export function resolvePronoun(
  sorted: readonly SpeakerMention[],
  pronoun: SpeakerMention,
  genderOf?: (m: SpeakerMention) => Gender | null,
  isSource?: (m: SpeakerMention) => boolean,
  isObject?: (m: SpeakerMention) => boolean,
): SpeakerMention | null {
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
  let nearest: SpeakerMention | null = null;
  let nearestObject: SpeakerMention | null = null;
  let genderedObject: SpeakerMention | null = null;
  for (let i = lo - 1; i >= 0 && lo - i <= LOOK_BACK; i--) {
    const m = sorted[i];
    if (!m || !fits(p, m)) continue;
    const shown = gender && genderOf ? genderOf(m) : null;
    if (shown && shown !== gender) continue;
    const source = isSource?.(m) === true;
    // A name after a preposition or a verb ("in his address to La Raza", "took swipes at Marco
    // Rubio", "attacked Marco Rubio") is an object, seldom what a later pronoun stands for: a
    // subject of the same gender before it is, and the object is taken only when none is.
    const object = !source && isObject?.(m) === true;
    if (shown && object) genderedObject ??= m;
    else if (shown || source) return m;
    else if (object) nearestObject ??= m;
    else nearest ??= m;
  }
  return genderedObject ?? nearest ?? nearestObject;
}
