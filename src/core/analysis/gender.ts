// The grammatical gender a mention shows, so that "she" does not refer back to a man and a bare
// surname shared by two people goes to the one it fits: a courtesy title before the name
// ("Mrs. Clinton"), a common given name ("Hillary Clinton") or a gendered noun ("the spokeswoman").
import type { SpeakerMention } from './types';
import { FEMALE_FIRST_NAMES, FEMALE_NOUNS, MALE_FIRST_NAMES, MALE_NOUNS, withoutAccents } from './lexicon';
import { isSpaceCode } from './text';

export type Gender = 'female' | 'male';

const TITLE_BEFORE = /\b(Mr|Mrs|Ms|Miss|Sir|Lady|Madam|Dame|Lord)\.?$/;
const MALE_TITLES = new Set(['mr', 'sir', 'lord']);
/** The last characters of the titles: after a space that follows any other character (or a space), no title ends. */
const TITLE_LAST = new Set([...'rsymed.'].map((c) => c.charCodeAt(0)));
/** Enough characters before a mention to hold its courtesy title and a space. */
const TITLE_REACH = 7;

export function pronounGender(pronoun: string): Gender | null {
  const p = pronoun.toLowerCase();
  if (p === 'he' || p === 'him' || p === 'his') return 'male';
  if (p === 'she' || p === 'her' || p === 'hers') return 'female';
  return null;
}

/** The gender a courtesy title right before offset `start` gives ("Mrs. " → female). */
export function titleGender(text: string, start: number): Gender | null {
  // No title fits in fewer than two characters (and none is read before the text).
  if (start < 2) return null;
  // Most mentions follow a space after a word that ends no title: told without making a string.
  if (text.charCodeAt(start - 1) === 32) {
    const c = text.charCodeAt(start - 2);
    if (!TITLE_LAST.has(c) && !isSpaceCode(c)) return null;
  }
  const before = text.slice(Math.max(0, start - TITLE_REACH), start).trimEnd();
  const title = TITLE_BEFORE.exec(before)?.[1]?.toLowerCase();
  if (!title) return null;
  return MALE_TITLES.has(title) ? 'male' : 'female';
}

/** The gender the words of a name or description show (given name, gendered noun), if any. */
export function wordsGender(words: readonly string[]): Gender | null {
  // "María", "José": a given name is known with or without its accents.
  const first = withoutAccents((words[0] ?? '').toLowerCase());
  if (FEMALE_FIRST_NAMES.has(first)) return 'female';
  if (MALE_FIRST_NAMES.has(first)) return 'male';
  // A gendered noun ending a capitalised name makes it a title, no person ("A Real Woman", "Iron Man").
  const capitalised = words.length > 1 && /^\p{Lu}/u.test(words[words.length - 1] ?? '');
  for (let i = 0; i < words.length; i++) {
    if (capitalised && i === words.length - 1) break;
    const l = (words[i] ?? '').toLowerCase();
    if (FEMALE_NOUNS.has(l)) return 'female';
    if (MALE_NOUNS.has(l)) return 'male';
  }
  return null;
}

/** The gender of a mention from its title, its own words, then the fullest name of its speaker. */
export function mentionGender(text: string, m: SpeakerMention, fullName?: string): Gender | null {
  if (m.kind === 'pronoun' || m.kind === 'organisation') return m.kind === 'pronoun' ? pronounGender(m.text) : null;
  return titleGender(text, m.start) ?? wordsGender(m.text.split(/\s+/)) ?? (fullName ? wordsGender(fullName.split(/\s+/)) : null);
}
