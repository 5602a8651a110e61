// Spelling-independent keys for personal names: the same person written Sergei/Sergey,
// Dmitry/Dmitriy/Dmitrii, Mikhail/Mihail, Erdoğan/Erdogan or Gaddafi/Gadafi gets one key. The rules
// are general transliteration equivalences, not a list of people.
import { TITLES } from '../analysis/lexicon';
import { fold } from './words';

/** Generational suffixes: kept out of the given names, but two names with different ones differ. */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Ordered rewrites of a folded word; each maps the spellings of one sound to one form. */
const TRANSLITERATION: readonly (readonly [RegExp, string])[] = [
  [/shch/g, 'sch'],
  [/kh/g, 'h'],
  [/ks/g, 'x'],
  [/ph/g, 'f'],
  [/(ts|tz)/g, 'c'],
  [/^y(?=[aeiou])/g, 'j'],
  [/^e(?=[v])/g, 'je'],
  [/^ye/g, 'je'],
  [/(ey|ei|ej)$/g, 'ei'],
  [/ey(?=[^aeiou])/g, 'ei'],
  [/(iy|ii|yy|ij|yi)$/g, 'i'],
  [/(?<=[^aeiou])y$/g, 'i'],
  [/(\p{L})\1+/gu, '$1'],
];

/** The key of one name word: folded, without apostrophes or dots, transliteration variants merged. */
export function nameWordKey(word: string): string {
  let w = fold(word).replace(/['.\-]/g, '');
  for (const [pattern, replacement] of TRANSLITERATION) w = w.replace(pattern, replacement);
  return w;
}

export interface PersonName {
  /** Keys of the given names and initials, in order ("george", "w"). */
  readonly given: readonly string[];
  readonly surname: string;
  readonly suffix: string;
}

function isInitial(raw: string): boolean {
  return /^\p{L}\.?$/u.test(raw);
}

/**
 * A personal name split into given names, surname and suffix, titles and possessives removed;
 * null when nothing name-like is left.
 */
export function parsePersonName(name: string): PersonName | null {
  const raw = name
    .replace(/['’]s$/u, '')
    .split(/[\s,]+/u)
    .filter((w) => /\p{L}/u.test(w));
  let first = 0;
  while (first < raw.length - 1 && TITLES.has(fold(raw[first] ?? ''))) first++;
  const parts = raw.slice(first);
  let suffix = '';
  const lastRaw = fold(parts[parts.length - 1] ?? '').replace(/\./g, '');
  if (parts.length > 1 && SUFFIXES.has(lastRaw)) {
    suffix = lastRaw;
    parts.pop();
  }
  const surnameRaw = parts.pop();
  if (surnameRaw === undefined) return null;
  const surname = nameWordKey(surnameRaw);
  if (surname === '') return null;
  const given = parts.map((p) => (isInitial(p) ? fold(p).charAt(0) : nameWordKey(p))).filter((g) => g !== '');
  return { given, surname, suffix };
}

/** The exact identity key of a parsed name: equal keys are the same person written differently. */
export function personKey(n: PersonName): string {
  return [...n.given, n.surname, n.suffix].filter((p) => p !== '').join(' ');
}

/** Organisations: case, diacritics, a leading "the" and punctuation do not matter. */
export function organisationKey(name: string): string {
  return fold(name)
    .replace(/^the\s+/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
