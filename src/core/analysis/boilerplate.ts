// Finds the lines of a scraped page that are not part of the article. Each line gets jusText-style
// signals (length, stop-word density, link density, boilerplate phrases, repetition); lines are then
// grouped into blocks split by strong boilerplate, the block holding most article-like text is the
// body, and everything around it is chrome, comments or lists of other articles.
import type { Evidence, NoiseKind, NoiseLine } from './types';
import type { Line } from './text';
import { isLetterOrNumberCode, isSpaceCode, normaliseForComparison } from './text';
import { HAS_ASCII_FOLD, HAS_HANDLE_MARK, HAS_LINK_MARK, HAS_QUOTE_MARK, lineSignals, signaturePrefixes } from './wordCount';
import type { PhraseRule } from './boilerplate-phrases';
import { PHRASE_RULES } from './boilerplate-phrases';
import { PhraseIndex } from './phraseIndex';
import { linkCharacters, URL_RE, URL_RE_WITHOUT_ADDRESS } from './links';

type LineClass = 'good' | 'near' | 'short' | 'bad';

interface LineInfo {
  readonly line: Line;
  readonly trimmed: string;
  readonly words: number;
  readonly stopDensity: number;
  readonly linkDensity: number;
  phrase: PhraseRule | null;
  duplicateOf: number | null;
  truncatedTitle: boolean;
  cls: LineClass;
  /** The info of the first line with the same trimmed text (this one, for a first), which keeps the key. */
  readonly first: LineInfo | null;
  /** The signature of the line's key (see wordCount's lineSignals), and how many letters and digits it counts. */
  readonly signature: number;
  readonly units: number;
  /** Whether the key may be longer than the trimmed text (a character that lower-cases to two). */
  readonly foldsToAscii: boolean;
  /** The trimmed text normalised for comparison, made when first asked for (see keyOf). */
  key: string | null;
}

/** The line's text normalised for comparison, made once per distinct line and only for the lines compared. */
function keyOf(info: LineInfo): string {
  const owner = info.first ?? info;
  if (owner.key === null) owner.key = normaliseForComparison(owner.trimmed);
  return owner.key;
}

/** A cheap test run first: most lines hold no link at all. */
const MAYBE_LINK = /https?:|www\.|@|\.(com|org|net|ly|tv|io|co|uk|info|me|gov|edu|ru|de|fr)\b/i;
const HANDLE_RE = /(^|\s)[@#][\p{L}\p{N}_]+/gu;
const TERMINAL = /[.!?…"”’)]$/u;
/** Characters from which a line of prose is a paragraph of the article whether or not it ends with a mark. */
const MIN_UNENDED_PARAGRAPH = 200;
/** Ends of a paragraph besides a sentence's: a source in brackets, a colon. */
const PARAGRAPH_END = /[\]:]$/;
/** A line cut short where a teaser's text ends: "… after the bank accounts..." */
const CUT_SHORT = /(?:\.\.|…)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+\S/;
const DATE_LIKE = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.? \d{1,2}\b|\b\d{1,2}:\d{2}\s*(am|pm)?\b|\b\d{4}-\d{2}-\d{2}\b|\b\d+ (hours?|minutes?|days?) ago\b/i;
/** Furniture inside an article (captions, share buttons, an embedded post) that the body may span. */
const CROSSABLE_KINDS: ReadonlySet<NoiseKind> = new Set<NoiseKind>(['chrome', 'other', 'social', 'byline', 'subscribe', 'related-links', 'video']);
const MAX_CROSSED_LINES = 4;
/** Lines an inset box of links to other articles takes at most inside the article. */
const MAX_BOX_LINES = 8;
/**
 * Lines a longer box takes at most ("Most Popular" and, per teaser, its section, headline and
 * author; section labels are single words): crossed only when a long stretch of the article follows.
 */
const MAX_LONG_BOX_LINES = 16;
/** Characters of article paragraphs that must follow a longer box (see MAX_LONG_BOX_LINES) for the body to go on past it. */
const MIN_GOOD_AFTER_LONG_BOX = 2500;
const MAX_TEASER_WORDS = 20;
/** A section label over a teaser is one short word. */
const MAX_LABEL_CHARS = 20;
/** A teaser's summary is shorter than a paragraph of the article that may follow its box. */
const MAX_SUMMARY_CHARS = 100;
/** A longer summary (two lines of a box) is no paragraph of the article's by its class: it does not end as one. */
const MAX_LONG_SUMMARY_CHARS = 160;
/** Words of a picture credit the article repeats over its sections ("Ford", "Getty Images"). */
const MAX_CREDIT_WORDS = 3;
/**
 * Characters of article paragraphs in the block past a box that let the body go on there when no
 * second sentence follows the box's first paragraph (a subheading or a table of figures comes next).
 */
const MIN_GOOD_PAST_BOX = 1000;
/**
 * A line counts for at most this many characters when blocks are weighed: pages repeat the whole
 * article as one metadata line (a description or JSON field), which must not outweigh the article
 * laid out in paragraphs. Real paragraphs are far shorter.
 */
const MAX_PARAGRAPH_WEIGHT = 2000;
/** Phrase rules that may match whole sentences are not applied to lines that quote someone. */
const SENTENCE_RULE_WORDS = 8;
/**
 * How much a block under a comment's signature ("Alex on May 2, 2018 at 6:34 am said:") counts when
 * the body is chosen: a reader's comment, however long, is not the article when another block reads
 * like one. (A bare "Leave a comment" link may sit above the article, so it weighs as any header.)
 */
const SIGNED_COMMENT_WEIGHT = 0.01;
/** A short line is a sentence of the article with this many words, this share of them function words. */
const MIN_SENTENCE_WORDS = 3;
const MIN_SENTENCE_STOP_DENSITY = 0.2;
/** Lines cut to one pattern of punctuation in a run this long are rows of a table. */
const MIN_TABLE_ROWS = 3;
const MAX_ROW_WORDS = 20;
/** The first punctuation marks of a line that make its shape. */
const SHAPE_LENGTH = 3;
/** How much of each of the article's first paragraphs a copy of the article must hold. */
const COPY_NEEDLE_CHARS = 200;
/** Words of a title; of a title that is the page's first line, right above the body. */
const MIN_TITLE_WORDS = 4;
const MIN_TITLE_WORDS_ABOVE_BODY = 2;
/** Lines this long are never taken for a headline or a title copy. */
const MAX_TITLE_CHARS = 220;

/** Word counts above every finite `maxWords` behave alike. */
const MASK_WORD_CAP = PHRASE_RULES.reduce((max, r) => (r.maxWords < Number.MAX_SAFE_INTEGER ? Math.max(max, r.maxWords) : max), 0) + 1;
const MASKS: number[] = new Array<number>((MASK_WORD_CAP + 1) * 4).fill(-1);
const PHRASE_INDEX = new PhraseIndex(PHRASE_RULES);

/** Whether a rule is tried on a line of `words` words, which ends a sentence or not and quotes someone or not. */
function ruleApplies(rule: PhraseRule, words: number, sentence: boolean, quoting: boolean): boolean {
  // A header never ends a sentence ("More to come." is article text); a quoted sentence is not a slogan.
  return !(rule.header && sentence) && !(quoting && rule.maxWords > SENTENCE_RULE_WORDS && rule.kind !== 'chrome') && words <= rule.maxWords;
}

/** The rules applying to a line of `words` words, as a bit mask, cached by word count and the two flags. */
function ruleMask(words: number, sentence: boolean, quoting: boolean): number {
  const slot = Math.min(words, MASK_WORD_CAP) * 4 + (sentence ? 2 : 0) + (quoting ? 1 : 0);
  let mask = MASKS[slot] ?? -1;
  if (mask < 0) {
    mask = 0;
    for (let k = 0; k < PHRASE_RULES.length; k++) {
      const rule = PHRASE_RULES[k];
      if (rule && ruleApplies(rule, words, sentence, quoting)) mask |= 1 << k;
    }
    MASKS[slot] = mask;
  }
  return mask;
}

/** `/[.!?]["”’']?$/`: the line ends a sentence, perhaps inside a quote. */
function endsWithSentenceMark(s: string): boolean {
  const isMark = (c: number): boolean => c === 46 || c === 33 || c === 63;
  const last = s.charCodeAt(s.length - 1);
  if (isMark(last)) return true;
  return (last === 34 || last === 0x201d || last === 0x2019 || last === 39) && isMark(s.charCodeAt(s.length - 2));
}

/** The first phrase rule that applies to a line and matches it. */
function phraseOf(trimmed: string, words: number, quoting: boolean, marks: number): PhraseRule | null {
  const sentence = endsWithSentenceMark(trimmed);
  // Which rules apply depends on the word count up to the largest finite bound, and two flags.
  const mask = ruleMask(words, sentence, quoting);
  if (mask === 0) return null;
  return PHRASE_INDEX.firstMatch(trimmed, mask, marks);
}

/**
 * The line without byte-order marks, trimmed: the pieces between marks are joined, each line going
 * through the same loop at least once (a line without marks is one piece, the line itself), so
 * that the rare line holding marks runs no operation the compiled code has not run; a branch to
 * `replaceAll` for it would make the compiled code start over, and `replaceAll` on every line
 * costs more than the two searches. Linear in the line, however many marks it holds.
 */
function trimmedText(line: Line): string {
  const text = line.text;
  let out = '';
  let from = 0;
  let at = text.indexOf('\uFEFF');
  do {
    const cut = at < 0 ? text.length : at;
    out += text.slice(from, cut);
    from = cut + 1;
    at = text.indexOf('\uFEFF', from);
  } while (from <= text.length);
  return out.trim();
}

/** The signals of a line repeating `first` word for word: everything but the line itself is the same. */
function repeatedLineInfo(line: Line, first: LineInfo): LineInfo {
  const { trimmed, words, stopDensity, linkDensity, phrase, signature, units, foldsToAscii } = first;
  // Every field written out in the order of lineInfo's, so that all infos share one shape.
  return { line, trimmed, words, stopDensity, linkDensity, phrase, duplicateOf: null, truncatedTitle: false, cls: 'short', first, signature, units, foldsToAscii, key: null };
}

function lineInfo(line: Line, trimmed: string): LineInfo {
  const { words, stops, signature, units, flags, marks } = lineSignals(trimmed);
  let linkChars = 0;
  // MAYBE_LINK needs a mark the word pass has seen: most lines are spared the pattern. HAS_HANDLE_MARK
  // is set for every "@" (and "#").
  const urls = (flags & HAS_HANDLE_MARK) !== 0 ? URL_RE : URL_RE_WITHOUT_ADDRESS;
  if ((flags & HAS_LINK_MARK) !== 0 && MAYBE_LINK.test(trimmed)) linkChars += linkCharacters(trimmed, urls);
  if ((flags & HAS_HANDLE_MARK) !== 0) for (const m of trimmed.matchAll(HANDLE_RE)) linkChars += m[0].trim().length;
  const phrase = phraseOf(trimmed, words, (flags & HAS_QUOTE_MARK) !== 0, marks);
  const foldsToAscii = (flags & HAS_ASCII_FOLD) !== 0;
  // The signature of such a line is read off its key, where those characters are folded already.
  const key = foldsToAscii ? lineSignals(normaliseForComparison(trimmed)) : null;
  return {
    line,
    trimmed,
    words,
    stopDensity: words === 0 ? 0 : stops / words,
    linkDensity: trimmed.length === 0 ? 0 : linkChars / trimmed.length,
    phrase,
    duplicateOf: null,
    truncatedTitle: false,
    cls: 'short',
    first: null,
    signature: key ? key.signature : signature,
    units: key ? key.units : units,
    foldsToAscii,
    key: null,
  };
}

function classify(info: LineInfo): LineClass {
  const len = info.trimmed.length;
  if (info.phrase || info.linkDensity > 0.3) return 'bad';
  if (info.duplicateOf !== null || info.truncatedTitle) return 'bad';
  // A headline of another article reads as prose too, but ends with no mark: a paragraph that short
  // must end a sentence to count as the article's (but see isProseEndingWithLink).
  // (A source in brackets may close it, "… were way off on Donald Trump. [NYT.]", or a colon before
  // what it introduces.)
  if (isParagraphProse(info) && (len >= MIN_UNENDED_PARAGRAPH || ((TERMINAL.test(info.trimmed) || PARAGRAPH_END.test(info.trimmed)) && !CUT_SHORT.test(info.trimmed)))) return 'good';
  if (len >= 200 && info.stopDensity >= 0.2) return 'good';
  if (len >= 50 && info.stopDensity >= 0.3 && TERMINAL.test(info.trimmed) && !CUT_SHORT.test(info.trimmed)) return 'near';
  if (info.words === 0) return 'bad';
  return 'short';
}

function isHeadlineLike(info: LineInfo, minWords = 3): boolean {
  const len = info.trimmed.length;
  if (info.words < minWords || len > MAX_TITLE_CHARS || info.phrase || info.duplicateOf !== null || info.truncatedTitle) return false;
  if (info.linkDensity > 0.2 || DATE_LIKE.test(info.trimmed)) return false;
  return !/[.:]$/.test(info.trimmed);
}

/** A strong boilerplate line that splits the page into blocks. */
function isBarrier(info: LineInfo): boolean {
  const p = info.phrase;
  if (!p) return info.linkDensity > 0.5;
  return p.kind !== 'byline' && p.name !== 'credit';
}

/**
 * The first line of each key, filed by a number read off a few of its characters: a Map keyed by
 * the string would hash every line whole, and most lines are seen once. Lines sharing a number
 * beyond a few go to such a Map, so that crafted lines alike in those characters stay linear.
 */
class FirstByKey<T> {
  private static readonly MAX_PER_PRINT = 8;
  private readonly byPrint = new Map<number, { readonly key: string; readonly value: T }[]>();
  private readonly overflow = new Map<string, T>();

  private static print(key: string): number {
    const n = key.length;
    return (n * 0x10000 + key.charCodeAt(0) * 0x100 + key.charCodeAt(n >> 1) * 0x10 + key.charCodeAt(n - 1)) % 0x7fffffff;
  }

  get(key: string): T | undefined {
    const list = this.byPrint.get(FirstByKey.print(key));
    if (!list) return undefined;
    // Read before the search, which mostly ends with a match: the rare miss then reads nothing new.
    const full = list.length >= FirstByKey.MAX_PER_PRINT;
    for (const e of list) if (e.key === key) return e.value;
    return full ? this.overflow.get(key) : undefined;
  }

  set(key: string, value: T): void {
    const print = FirstByKey.print(key);
    const list = this.byPrint.get(print);
    if (!list) this.byPrint.set(print, [{ key, value }]);
    else if (list.length < FirstByKey.MAX_PER_PRINT) list.push({ key, value });
    else this.overflow.set(key, value);
  }
}

/** Whether two lines read the same after normalising: the same text, or the same key. */
function sameKey(a: LineInfo, b: LineInfo): boolean {
  return (a.first ?? a) === (b.first ?? b) || keyOf(a) === keyOf(b);
}

/**
 * The first line of each key: lines are filed by their signature, so that keys are made and
 * compared only for lines sharing one (mostly lines repeated). Lines sharing a signature beyond a
 * few go to a Map by key, so that crafted lines alike in signature stay linear.
 */
class FirstBySignature {
  private static readonly MAX_PER_SIGNATURE = 8;
  /** Indexes into `infos` of the first lines of distinct keys, by signature. */
  private readonly bySignature = new Map<number, number[]>();
  private readonly overflow = new Map<string, number>();

  constructor(private readonly infos: readonly LineInfo[]) {}

  /** The first line filed with the key of line `i`; files `i` as the first of its key when there is none. */
  firstOf(i: number): number | undefined {
    const info = this.infos[i];
    if (!info) return undefined;
    const list = this.bySignature.get(info.signature);
    if (!list) {
      this.bySignature.set(info.signature, [i]);
      return undefined;
    }
    for (const j of list) {
      const other = this.infos[j];
      if (other && sameKey(other, info)) return j;
    }
    if (list.length < FirstBySignature.MAX_PER_SIGNATURE) {
      list.push(i);
      return undefined;
    }
    const key = keyOf(info);
    const first = this.overflow.get(key);
    if (first === undefined) this.overflow.set(key, i);
    return first;
  }
}

/** A line near the top that may be the title, with the signatures of each run of its letters from its start. */
interface TitleCandidate {
  readonly key: string;
  readonly prefixes: readonly number[];
}

/** Whether the line's letters start those of one of the titles: an exact test before any key is made. */
function startsTitleLetters(info: LineInfo, titles: readonly TitleCandidate[]): boolean {
  const { units, signature } = info;
  for (let k = 0; k < titles.length; k++) {
    const prefixes = titles[k]?.prefixes;
    if (prefixes !== undefined && units < prefixes.length && prefixes[units] === signature) return true;
  }
  return false;
}

/** Whether the line's key (`key`) starts one of the titles and is more than three characters shorter: a title cut short. */
function cutsShort(info: LineInfo, key: string, titles: readonly TitleCandidate[]): boolean {
  for (let k = 0; k < titles.length; k++) {
    const t = titles[k];
    if (t === undefined) continue;
    // Both tests run for every title (at most three): neither is a branch the compiled code may never have run.
    const lettersStart = info.units < t.prefixes.length && t.prefixes[info.units] === info.signature;
    const keyStarts = t.key.length > key.length + 3 && t.key.startsWith(key);
    if (lettersStart && keyStarts) return true;
  }
  return false;
}

function markDuplicates(infos: LineInfo[]): void {
  const seen = new FirstBySignature(infos);
  const titles: TitleCandidate[] = [];
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i];
    if (!info || info.words === 0) continue;
    // Lines repeated word for word share the first one's key.
    const first = seen.firstOf(i);
    if (first !== undefined) info.duplicateOf = first;
    // A copy of the title cut short ("Russia says no reconciliation with") near the top.
    if (first === undefined && info.words >= 3 && !TERMINAL.test(info.trimmed)) {
      const candidate = titles.length < 3 && info.trimmed.length <= MAX_TITLE_CHARS;
      // A title candidate and a line whose letters start a title's take one path (the key made,
      // compared with every title): the rare cut-short title then runs nothing the compiled code never ran.
      const startsTitle = startsTitleLetters(info, titles);
      if (candidate || startsTitle) {
        const key = keyOf(info);
        info.truncatedTitle = cutsShort(info, key, titles);
        if (candidate) titles.push({ key, prefixes: signaturePrefixes(key) });
      }
    }
  }
}

interface Block {
  readonly from: number; // index into infos
  readonly to: number; // exclusive
  readonly good: number; // characters of good lines
  readonly near: number; // characters of near-good lines
  readonly chars: number;
  /** Characters of short lines that are sentences: a one-sentence paragraph of the article. */
  readonly sentences: number;
}

function blocks(infos: readonly LineInfo[]): Block[] {
  const out: Block[] = [];
  let from = -1;
  let good = 0;
  let near = 0;
  let chars = 0;
  let sentences = 0;
  const flush = (to: number): void => {
    if (from >= 0) out.push({ from, to, good, near, chars, sentences });
    from = -1;
    good = 0;
    near = 0;
    chars = 0;
    sentences = 0;
  };
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i];
    if (!info) continue;
    if (isBarrier(info)) {
      flush(i);
      continue;
    }
    if (from < 0) from = i;
    const len = Math.min(info.trimmed.length, MAX_PARAGRAPH_WEIGHT);
    chars += len;
    if (info.cls === 'good') good += len;
    if (info.cls === 'near') near += len;
    if (info.cls === 'short' && (isShortSentence(info) || isProseEndingWithLink(info))) sentences += len;
  }
  flush(infos.length);
  return out;
}

/** Whether the lines `[a, b)` between two blocks may be crossed (a header only leftwards). */
function crossable(infos: readonly LineInfo[], a: number, b: number, leftwards: boolean): boolean {
  if (b - a > MAX_CROSSED_LINES) return false;
  for (let i = a; i < b; i++) {
    const p = infos[i]?.phrase;
    if (p?.header && !leftwards) return false;
    if (p && !p.header && !CROSSABLE_KINDS.has(p.kind)) return false;
  }
  return true;
}

function mostlyArticle(b: Block): boolean {
  // A block of short sentences alone is not taken for the article: menus of teasers with summaries,
  // newsletter blurbs and consent lines read as sentences too.
  return b.good + b.near > 0 && b.good + b.near + b.sentences >= 0.5 * b.chars;
}

/**
 * A paragraph shorter than MIN_UNENDED_PARAGRAPH that ends with a link instead of a mark (an
 * embedded post: "… failed “Don’t jerk and drive” campaign. https://t.co/… pic.twitter.com/…"):
 * not a good line, as a teaser's headline ending with no mark is not, but counted as sentences are
 * when a block is weighed.
 */
function isProseEndingWithLink(info: LineInfo): boolean {
  const t = info.trimmed;
  if (!isParagraphProse(info) || t.length >= MIN_UNENDED_PARAGRAPH || TERMINAL.test(t)) return false;
  return isLink(t.slice(t.lastIndexOf(' ') + 1));
}

/** A word that is a link: an address ("https://t.co/x") or a domain with a path ("pic.twitter.com/y"). */
function isLink(word: string): boolean {
  if (word.startsWith('http://') || word.startsWith('https://')) return true;
  const slash = word.indexOf('/');
  const dot = word.lastIndexOf('.', slash);
  if (slash < 0 || dot <= 0 || slash - dot - 1 < 2 || slash - dot - 1 > 6) return false;
  for (let i = dot + 1; i < slash; i++) {
    const c = word.charCodeAt(i) | 32;
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/**
 * A short line that reads as a sentence of prose: a few words with function words among them,
 * ending with a full stop, question or exclamation mark (perhaps inside a closing quote). Articles
 * written in one-sentence paragraphs are made of them; menus, teasers and bylines are not.
 */
function isShortSentence(info: LineInfo): boolean {
  return info.words >= MIN_SENTENCE_WORDS && info.stopDensity >= MIN_SENTENCE_STOP_DENSITY && endsWithSentenceMark(info.trimmed) && !CUT_SHORT.test(info.trimmed);
}

/** The directions the body grows in, leftwards first. */
const STEPS: readonly (1 | -1)[] = [-1, 1];

/**
 * An embedded tweet, video or advert splits the article into blocks: a neighbouring block of mostly
 * article-like text behind one or two such lines is part of the body; a comment or list header is not crossed.
 * Both directions run the same code, every value read whichever way, so that the rarer direction
 * meets compiled code that has run each operation.
 */
function mergeNeighbours(infos: readonly LineInfo[], all: readonly Block[], main: Block, insets: Uint8Array): Block {
  const index = all.indexOf(main);
  let { from, to, good, near, chars, sentences } = main;
  const topic = new ArticleWords(infos, main);
  for (const step of STEPS) {
    // Comments and lists of other articles follow the article, so a header is crossed only leftwards
    // (but for the header of an emptied box, see articleAfterEmptyHeader).
    const leftwards = step < 0;
    let k = index + step;
    while (k >= 0 && k < all.length) {
      const b = all[k];
      if (!b) break;
      const { from: bFrom, to: bTo } = b;
      const crosses = crossable(infos, leftwards ? bTo : to, leftwards ? from : bFrom, leftwards) || (!leftwards && articleAfterEmptyHeader(infos, to, b, topic));
      const article = mostlyArticle(b);
      const subheading = crosses && !article ? beyondSubheading(infos, all, k, step) : -1;
      const box = crosses && article ? k : subheading >= 0 ? subheading : beyondInsetBox(infos, all, k, from, to, step, insets);
      const last = box >= 0 ? box : beyondGallery(infos, all, k, from, to, step, insets);
      if (last < 0) break;
      for (; leftwards ? k >= last : k <= last; k += step) {
        const m = all[k];
        if (!m) break;
        const mFrom = m.from;
        const mTo = m.to;
        from = leftwards ? mFrom : from;
        to = leftwards ? to : mTo;
        good += m.good;
        near += m.near;
        chars += m.chars;
        sentences += m.sentences;
      }
    }
  }
  return { from, to, good, near, chars, sentences };
}

/** Lines of a block read for its topic (see articleAfterEmptyHeader). */
const TOPIC_LINES = 3;
/** The share of a block's words the article must have for the block to be on its topic. */
const SAME_TOPIC_SHARE = 0.4;
/** Words of five letters or more: names and content words, few function words. */
const TOPIC_WORD = /\p{L}{5,}/gu;

/** The words of the article's main block, read once and only when asked (see articleAfterEmptyHeader). */
class ArticleWords {
  private words: Set<string> | null = null;
  constructor(
    private readonly infos: readonly LineInfo[],
    private readonly main: Block,
  ) {}

  /** Whether at least SAME_TOPIC_SHARE of the words of the first lines of `block` are the article's. */
  shares(block: Block): boolean {
    if (!this.words) {
      this.words = new Set<string>();
      for (let i = this.main.from; i < this.main.to; i++) for (const m of (this.infos[i]?.trimmed ?? '').matchAll(TOPIC_WORD)) this.words.add(m[0].toLowerCase());
    }
    let shared = 0;
    let all = 0;
    for (let i = block.from; i < block.to && i < block.from + TOPIC_LINES; i++) {
      for (const m of (this.infos[i]?.trimmed ?? '').matchAll(TOPIC_WORD)) {
        all++;
        if (this.words.has(m[0].toLowerCase())) shared++;
      }
    }
    return all > 0 && shared >= SAME_TOPIC_SHARE * all;
  }
}

/**
 * A header of a list of other stories right after the article ("More From TIME"), then paragraphs
 * of prose on the article's topic: the box under the header was emptied when the page was saved, and
 * the article goes on below it. Teasers of other stories under such a header read as prose too, but
 * on other topics ("Authorities said 192 troops were killed" under "Top stories" below an article on a bill).
 */
function articleAfterEmptyHeader(infos: readonly LineInfo[], at: number, block: Block, topic: ArticleWords): boolean {
  const p = infos[at]?.phrase;
  if (block.from !== at + 1 || !p?.header || p.kind !== 'related-links') return false;
  let paragraphs = 0;
  for (let i = block.from; i < block.to && i < block.from + TOPIC_LINES; i++) if (infos[i]?.cls === 'good') paragraphs++;
  return paragraphs >= 2 && infos[block.from]?.cls === 'good' && block.good >= 0.6 * block.chars && topic.shares(block);
}

/** The line before a teaser's summary: its headline, the box's header or a "Read more" link. */
function opensTeaserLine(info: LineInfo | undefined): boolean {
  return isTeaserLike(info) || isQuestionHeadline(info) || info?.phrase?.kind === 'related-links';
}

/** The one-sentence summary under a headline in an inset box (see opensTeaserLine): a short line, not a paragraph of prose. */
function isTeaserSummary(info: LineInfo | undefined): boolean {
  if (info === undefined || info.phrase !== null || info.words < 2) return false;
  return (info.words <= MAX_TEASER_WORDS && info.trimmed.length < MAX_SUMMARY_CHARS) || (info.cls !== 'good' && info.trimmed.length < MAX_LONG_SUMMARY_CHARS);
}

/** A line of page furniture that may stand anywhere in an article: an advertisement label, a share line. */
function isFurniture(info: LineInfo | undefined): boolean {
  const phrase = info?.phrase;
  return phrase !== null && phrase !== undefined && !phrase.header && CROSSABLE_KINDS.has(phrase.kind);
}

/**
 * Whether a line reading as a sentence of prose stands among the MAX_CROSSED_LINES lines from `i` in
 * direction `step` ("Club statement" and an embedded post's credit may come between two paragraphs).
 */
function sentenceNear(infos: readonly LineInfo[], i: number, step: 1 | -1): boolean {
  for (let k = i; Math.abs(k - i) < MAX_CROSSED_LINES; k += step) if (isSentenceLike(infos[k])) return true;
  return false;
}

/** Lines a block of subheadings holds at most ("11. Marvel’s Spider-Man 2" between an advertisement and a picture credit). */
const MAX_SUBHEADING_LINES = 2;

/**
 * A subheading of the article may stand alone between two lines of furniture (an advertisement, a
 * picture credit): the block `all[k]` of at most MAX_SUBHEADING_LINES headline-like lines, with a
 * block of mostly article text right after it that way. Returns the index of that block, or -1
 * (the body may still go on past an inset box: see beyondInsetBox).
 */
function beyondSubheading(infos: readonly LineInfo[], all: readonly Block[], k: number, step: 1 | -1): number {
  const b = all[k];
  const after = all[k + step];
  if (!b || !after || b.to - b.from > MAX_SUBHEADING_LINES) return -1;
  for (let i = b.from; i < b.to; i++) if (!isTeaserLike(infos[i])) return -1;
  const crosses = step > 0 ? crossable(infos, b.to, after.from, false) : crossable(infos, after.to, b.from, true);
  return crosses && mostlyArticle(after) ? k + step : -1;
}

/** A headline of another article in an inset box: a few words that do not end a sentence. */
function isTeaserLike(info: LineInfo | undefined): boolean {
  return info !== undefined && info.phrase === null && info.cls === 'short' && info.words >= 2 && info.words <= MAX_TEASER_WORDS && !endsWithSentenceMark(info.trimmed);
}

/**
 * A short line repeating one of the body `[from, to)` (a picture credit over each section: "Ford"):
 * furniture of the article's own, crossed with a box but no label of it.
 */
function repeatsBodyFurniture(info: LineInfo | undefined, from: number, to: number): boolean {
  const first = info?.duplicateOf;
  return info !== undefined && first !== null && first !== undefined && first >= from && first < to && info.words <= MAX_CREDIT_WORDS && !endsWithSentenceMark(info.trimmed);
}

/** A headline asking a question ("A Ford F-150 Raptor R For Half The Price?"): a few words ending with a question mark. */
function isQuestionHeadline(info: LineInfo | undefined): boolean {
  return info !== undefined && info.phrase === null && info.cls === 'short' && info.words >= 2 && info.words <= MAX_TEASER_WORDS && info.trimmed.endsWith('?');
}

/**
 * A line of a box that is no headline of its own: a section's name over a teaser ("Culture"), one
 * short word, or a line the page repeats (an author's name met in the box before); no rule names it.
 */
function isBoxLabel(info: LineInfo | undefined): boolean {
  if (info === undefined || info.phrase !== null || info.linkDensity > 0.3 || endsWithSentenceMark(info.trimmed)) return false;
  return (info.words === 1 && info.trimmed.length <= MAX_LABEL_CHARS) || (info.duplicateOf !== null && info.words <= MAX_TEASER_WORDS);
}

/**
 * An inset box of links to other articles ("Related" and two headlines) may sit between two
 * paragraphs of the article: the article goes on beyond it when two paragraphs meet the box there.
 * Looks from the body `[from, to)` in direction `step` (1 rightwards, -1 leftwards; `next` is the
 * first block that way) and returns the index in `all` of the block where the article goes on, or -1.
 */
function beyondInsetBox(infos: readonly LineInfo[], all: readonly Block[], next: number, from: number, to: number, step: 1 | -1, insets: Uint8Array): number {
  let headers = 0;
  let teasers = 0;
  let labels = 0;
  // Headlines of the box may open (or close) the body's own block.
  let edge = step > 0 ? to - 1 : from;
  while (edge >= from && edge < to && isTeaserLike(infos[edge])) {
    teasers++;
    edge -= step;
  }
  if (infos[edge]?.cls !== 'good') return -1;
  let j = step > 0 ? to : from - 1;
  for (; j >= 0 && j < infos.length && Math.abs(j - edge) <= MAX_LONG_BOX_LINES; j += step) {
    const info = infos[j];
    const phrase = info?.phrase;
    if (phrase?.kind === 'related-links') {
      // A "Read more" link under a headline says as much as a "Related" header above it.
      headers++;
    } else if (isTeaserLike(info) || (isTeaserSummary(info) && opensTeaserLine(infos[j - 1]))) teasers++;
    else if (repeatsBodyFurniture(info, from, to)) continue;
    else if (isBoxLabel(info)) labels++;
    // An advertisement or a share line around the box is crossed with it.
    else if (!isFurniture(info)) break;
  }
  // The box ends here; a subheading (a short line no rule names) may stand between it and the next paragraph.
  const boxEnd = j;
  // A longer box, or one with section labels, is crossed only towards a long stretch of the article.
  const long = labels > 0 || Math.abs(j - edge) - 1 > MAX_BOX_LINES;
  for (let k = j, seen = 0; headers > 0 && infos[j]?.cls !== 'good' && seen < MAX_CROSSED_LINES; k += step, seen++) {
    const info = infos[k];
    if (!info || info.phrase !== null || info.cls === 'bad') break;
    if (info.cls === 'good') j = k;
  }
  if (headers === 0 || teasers === 0 || infos[j]?.cls !== 'good') return -1;
  for (let k = next, seen = 0; k >= 0 && k < all.length && seen <= MAX_BOX_LINES; k += step, seen++) {
    const b = all[k];
    if (b && b.from <= j && j < b.to) {
      // A list header right above paragraphs ("Top stories" and their summaries) is no inset box: a
      // sentence follows the first paragraph, or a long stretch of the article does.
      if (!sentenceNear(infos, j + step, step) && (b.good < MIN_GOOD_PAST_BOX || !mostlyArticle(b))) return -1;
      if (long && (b.good < MIN_GOOD_AFTER_LONG_BOX || !mostlyArticle(b))) return -1;
      for (let i = edge + step; i !== boxEnd; i += step) insets[i] = 1;
      return k;
    }
  }
  return -1;
}

/** Lines a gallery of pictures between two paragraphs of the article takes at most. */
const MAX_GALLERY_LINES = 40;
/** Picture credits a gallery holds at least ("Victor Virgile/Getty Images"). */
const MIN_GALLERY_CREDITS = 2;
/** A picture's name under it ("Simone Rocha", "Chanel"): a few words. */
const MAX_PICTURE_NAME_WORDS = 4;
const CAPTION = PHRASE_RULES.find((r) => r.name === 'caption') ?? null;

/** The name under a picture of a gallery: a few words that do not end a sentence, no rule names them. */
function isPictureName(info: LineInfo | undefined): boolean {
  return info !== undefined && info.phrase === null && info.words >= 1 && info.words <= MAX_PICTURE_NAME_WORDS && info.linkDensity <= 0.3 && !endsWithSentenceMark(info.trimmed);
}

/**
 * A gallery of pictures may sit between two paragraphs of the article: a run of picture credits and
 * the names under the pictures, a credit for at most every other name, then a paragraph of the
 * article in a block of mostly article text. Returns the index in `all` of that block, or -1; the
 * names are marked 2 in `insets`.
 */
function beyondGallery(infos: readonly LineInfo[], all: readonly Block[], next: number, from: number, to: number, step: 1 | -1, insets: Uint8Array): number {
  let credits = 0;
  let names = 0;
  const start = step > 0 ? to : from - 1;
  let j = start;
  for (; j >= 0 && j < infos.length && Math.abs(j - start) < MAX_GALLERY_LINES; j += step) {
    const info = infos[j];
    if (CAPTION !== null && info?.phrase === CAPTION) credits++;
    else if (isPictureName(info)) names++;
    else break;
  }
  if (credits < MIN_GALLERY_CREDITS || credits * 3 < credits + names || infos[j]?.cls !== 'good') return -1;
  for (let k = next; k >= 0 && k < all.length; k += step) {
    const b = all[k];
    if (!b || (step > 0 ? b.from > j : b.to <= j)) break;
    if (b.from <= j && j < b.to) {
      if (!mostlyArticle(b)) return -1;
      for (let i = start; i !== j; i += step) if (infos[i]?.phrase === null) insets[i] = 2;
      return k;
    }
  }
  return -1;
}

/** jusText context smoothing: short and near-good lines take the class of their surroundings. */
function smooth(infos: LineInfo[]): void {
  const n = infos.length;
  const prevSure: (LineClass | null)[] = new Array<LineClass | null>(n).fill(null);
  const nextSure: (LineClass | null)[] = new Array<LineClass | null>(n).fill(null);
  let last: LineClass | null = null;
  for (let i = 0; i < n; i++) {
    const c = infos[i]?.cls;
    prevSure[i] = last;
    if (c === 'good' || c === 'bad') last = c;
  }
  last = null;
  for (let i = n - 1; i >= 0; i--) {
    const c = infos[i]?.cls;
    nextSure[i] = last;
    if (c === 'good' || c === 'bad') last = c;
  }
  for (let i = 0; i < n; i++) {
    const info = infos[i];
    if (!info || info.cls !== 'near') continue;
    if (prevSure[i] === 'good' || nextSure[i] === 'good') info.cls = 'good';
  }
}

/** Evidence that reads the same on every line is made once. */
const SHARED_EVIDENCE = new Map<string, Map<string, Evidence>>();

function shared(rule: string, detail: string): Evidence {
  let byDetail = SHARED_EVIDENCE.get(rule);
  if (!byDetail) {
    byDetail = new Map<string, Evidence>();
    SHARED_EVIDENCE.set(rule, byDetail);
  }
  let e = byDetail.get(detail);
  if (!e) {
    e = Object.freeze({ rule, detail });
    byDetail.set(detail, e);
  }
  return e;
}

const TRUNCATED_TITLE = shared('truncated-title', 'a cut-short copy of the title');

function evidenceFor(info: LineInfo, why: string, detail: string): Evidence[] {
  const ev: Evidence[] = [shared(why, detail)];
  const signals: readonly (Evidence | null)[] = [
    info.phrase ? shared(`lexicon:${info.phrase.name}`, `matches the ${info.phrase.name} phrase list`) : null,
    info.linkDensity > 0.3 ? { rule: 'link-density', detail: `${Math.round(info.linkDensity * 100)}% of the line is links, handles or hashtags` } : null,
    info.duplicateOf !== null ? { rule: 'repeated', detail: `repeats line ${info.duplicateOf + 1}` } : null,
    info.truncatedTitle ? TRUNCATED_TITLE : null,
  ];
  // One push for every signal, so that a rare one (a title cut short) is no call the compiled code never made.
  for (const e of signals) if (e !== null) ev.push(e);
  ev.push({ rule: 'stop-words', detail: `${info.words} words, ${Math.round(info.stopDensity * 100)}% function words, ${info.trimmed.length} characters` });
  return ev;
}

/** Where the article body lies among the line infos (indexes into infos, `to` exclusive). */
interface Body {
  readonly main: Block | undefined;
  readonly bodyFrom: number;
  readonly bodyTo: number;
  readonly blockFrom: number;
  readonly blockTo: number;
  /** 1 for the lines of an inset box of links the body was found to go on past (see beyondInsetBox). */
  readonly insets: Uint8Array;
}

/** The signals of every non-blank line; scraped pages repeat lines (menus, footers), each distinct line is read once. */
function lineInfos(lines: readonly Line[]): LineInfo[] {
  const infos: LineInfo[] = [];
  const firstByText = new FirstByKey<LineInfo>();
  for (const line of lines) {
    if (line.blank) continue;
    const trimmed = trimmedText(line);
    const first = firstByText.get(trimmed);
    if (first) infos.push(repeatedLineInfo(line, first));
    else {
      const info = lineInfo(line, trimmed);
      firstByText.set(trimmed, info);
      infos.push(info);
    }
  }
  return infos;
}

/**
 * The body is the block with most article-like text; a block opened by a list header ("More
 * stories") or thinned out by short lines (teasers with bylines) counts less.
 */
function bodyOf(infos: readonly LineInfo[]): Body {
  // Read here, not only on the rare page without a body.
  const count = infos.length;
  const all = blocks(infos);
  const insets = new Uint8Array(count);
  let main: Block | undefined;
  const score = (b: Block): number => {
    const header = b.from > 0 ? infos[b.from - 1]?.phrase : undefined;
    return b.good * (b.good / Math.max(1, b.chars)) * (header?.header === true ? (header.name === 'comment-signature' ? SIGNED_COMMENT_WEIGHT : 0.5) : 1);
  };
  for (const b of all) if (b.good > 0 && (!main || score(b) > score(main))) main = b;
  // The whole page when there is no body. One answer is built for both cases, so that the rare page
  // without a body runs the code every page runs (a path of its own would make the compiled code start over).
  let bodyFrom = 0;
  let bodyTo = count;
  let blockFrom = 0;
  let blockTo = count;
  if (main) {
    main = mergeNeighbours(infos, all, main, insets);
    let first = -1;
    let lastGood = -1;
    for (let i = main.from; i < main.to; i++) {
      if (infos[i]?.cls === 'good') {
        if (first < 0) first = i;
        lastGood = i;
      }
    }
    // A lead paragraph dense with names has few function words but still reads as a sentence.
    while (first > main.from && isSentenceLike(infos[first - 1])) first--;
    bodyFrom = first;
    bodyTo = lastGood + 1;
    blockFrom = main.from;
    blockTo = main.to;
  }
  return { main, bodyFrom, bodyTo, blockFrom, blockTo, insets };
}

/** The title: the first line when it reads like a headline, and the nearest headline above the body. */
function titleLines(infos: readonly LineInfo[], body: Body): Set<number> {
  const titles = new Set<number>();
  const firstInfo = infos[0];
  // A headline of two or three words ("Chipmaker beats forecasts") is the title only right above the
  // body: at the top of a saved page such lines are its furniture ("Open in app", "US Edition").
  const minFirstWords = body.main && body.bodyFrom === 1 ? MIN_TITLE_WORDS_ABOVE_BODY : MIN_TITLE_WORDS;
  if (firstInfo && isHeadlineLike(firstInfo, minFirstWords)) titles.add(0);
  if (!body.main) return titles;
  for (let i = body.bodyFrom - 1; i >= 0 && body.bodyFrom - i <= 8; i--) {
    const info = infos[i];
    // "Image caption," alone on its line: the line under it is the picture's caption, no title.
    if (info && isHeadlineLike(info, MIN_TITLE_WORDS) && !isCaptionLabel(infos[i - 1])) {
      titles.add(i);
      break;
    }
  }
  // A headline right above the article's byline ("By Dana Whitcomb"), however many share buttons
  // and dates stand between it and the body.
  for (let i = 0; i < body.bodyFrom; i++) {
    if (infos[i]?.phrase?.name !== 'byline' || !BY_AUTHOR.test(infos[i]?.trimmed ?? '')) continue;
    const t = nonBlankAbove(infos, i);
    const title = infos[t];
    if (!title || title.phrase) break;
    // A standfirst between the headline and the byline, with or without its full stop: both are the article's.
    const above = nonBlankAbove(infos, t);
    const headline = infos[above];
    const standfirst = isHeadlineLike(title, MIN_TITLE_WORDS) || endsSentence(title);
    if (standfirst && headline && isHeadlineLike(headline, MIN_TITLE_WORDS)) {
      titles.add(above);
      titles.add(t);
    } else if (isHeadlineLike(title, MIN_TITLE_WORDS)) titles.add(t);
    break;
  }
  return titles;
}

/** A byline naming the article's author ("By Dana Whitcomb", "Story by Kelsey Brandt"). */
const BY_AUTHOR = /^(?:by|story by|written by|words by)\s/i;

/** The index of the nearest line above `i` that is not blank, or -1. */
function nonBlankAbove(infos: readonly LineInfo[], i: number): number {
  let t = i - 1;
  while (t >= 0 && infos[t]?.trimmed === '') t--;
  return t;
}

/** A caption's label alone on its line, its caption under it ("Image caption,", "Photo:"). */
function isCaptionLabel(info: LineInfo | undefined): boolean {
  return info?.phrase?.name === 'caption' && info.words <= 3 && /[,:]$/.test(info.trimmed);
}

/**
 * The standfirst: a sentence right under the title (after any copy of the title) and above the body
 * sums up the article, as news pages print it in larger type.
 */
function standfirstLine(infos: readonly LineInfo[], body: Body, titles: ReadonlySet<number>): number {
  if (!body.main) return -1;
  let title = -1;
  for (const t of titles) if (t < body.bodyFrom && t > title) title = t;
  if (title < 0) return -1;
  let i = title + 1;
  while (i < body.bodyFrom && (infos[i]?.duplicateOf !== null || infos[i]?.truncatedTitle === true)) i++;
  const info = infos[i];
  if (i >= body.bodyFrom || !info || info.phrase || info.linkDensity > 0.2 || DATE_LIKE.test(info.trimmed)) return -1;
  return endsSentence(info) ? i : -1;
}

/**
 * The key of a line to compare with the article's paragraphs, '' for a line without words or one no
 * longer than `minChars`: without a character that lower-cases to two, the key is no longer than
 * the line, so most lines need none.
 */
function keyToCompare(info: LineInfo, minChars: number): string {
  return info.words > 0 && (info.foldsToAscii || info.trimmed.length > minChars) ? keyOf(info) : '';
}

/**
 * Lines holding the whole article run together, as a page's metadata repeats it (a description or
 * JSON field): the article's own words, not page furniture, so they are not dimmed. Known by holding
 * the body's first two paragraphs word for word.
 */
function articleCopies(infos: readonly LineInfo[], body: Body): Set<number> {
  const copies = new Set<number>();
  if (!body.main) return copies;
  const paragraphs: string[] = [];
  for (let i = body.bodyFrom; i < body.bodyTo && paragraphs.length < 2; i++) {
    const info = infos[i];
    const key = info?.cls === 'good' ? keyToCompare(info, -1) : '';
    // A prefix is evidence enough and keeps the search linear in the page.
    if (key !== '') paragraphs.push(key.slice(0, COPY_NEEDLE_CHARS));
  }
  const [first, second] = paragraphs;
  if (first === undefined || second === undefined) return copies;
  const minChars = first.length + second.length;
  for (let i = 0; i < infos.length; i++) {
    if (i >= body.bodyFrom && i < body.bodyTo) continue;
    const info = infos[i];
    if (!info) continue;
    // Every line takes the same operations (the key '' for most), so that the rare long line meets
    // nothing the compiled code has not run; a search in '' ends at once.
    const key = keyToCompare(info, minChars);
    const holdsFirst = key.includes(first);
    const holdsSecond = key.includes(second);
    if (key.length > minChars && holdsFirst && holdsSecond) copies.add(i);
  }
  return copies;
}

/** A body line repeated in a list outside the body is a teaser of another article (a news ticker). */
function listedElsewhere(infos: readonly LineInfo[], body: Body, titles: ReadonlySet<number>): Set<number> {
  const listed = new Set<number>();
  if (!body.main) return listed;
  const { bodyFrom, bodyTo } = body;
  for (let i = 0; i < infos.length; i++) {
    const j = infos[i]?.duplicateOf;
    const outside = i < bodyFrom || i >= bodyTo;
    if (j !== null && j !== undefined && outside && j >= bodyFrom && j < bodyTo && !titles.has(j)) listed.add(j);
  }
  return listed;
}

/** What the whole page tells about each line: the body, the titles, the teasers and the lists after the body. */
interface PageContext {
  readonly infos: readonly LineInfo[];
  readonly body: Body;
  readonly listed: ReadonlySet<number>;
  /** Lines other than good ones from `i` to the end of the page, so that a count over a range costs O(1). */
  readonly notGoodFrom: Int32Array;
  /** 1 for the rows of a table laid out as lines (see tabularLines). */
  readonly tabular: Uint8Array;
}

interface Verdict {
  readonly kind: NoiseKind;
  readonly confidence: number;
  readonly evidence: Evidence[];
}

/** The verdict on the line `i` from its own signals, or null when they say nothing. */
function lineVerdict(info: LineInfo, i: number, page: PageContext): Verdict | null {
  if (info.phrase) return { kind: info.phrase.kind, confidence: 0.9, evidence: evidenceFor(info, 'boilerplate-phrase', 'a phrase of page furniture') };
  const { body } = page;
  if (info.duplicateOf !== null || info.truncatedTitle) {
    const earlier = info.duplicateOf !== null ? page.infos[info.duplicateOf] : undefined;
    const inBody = body.main !== undefined && i >= body.bodyFrom && i < body.bodyTo;
    const kind = earlier && earlier.cls === 'good' && inBody ? 'pull-quote' : 'duplicate';
    return { kind, confidence: 0.85, evidence: evidenceFor(info, 'repetition', kind === 'pull-quote' ? 'repeats a paragraph of the article' : 'repeats or truncates an earlier line') };
  }
  if (page.listed.has(i)) return { kind: 'related-links', confidence: 0.6, evidence: evidenceFor(info, 'listed-elsewhere', 'repeated in a list of other articles outside the body') };
  if (info.linkDensity > 0.3) return { kind: 'other', confidence: 0.75, evidence: evidenceFor(info, 'link-density', 'mostly links') };
  return null;
}

/**
 * The verdict on the line `i` from where it stands relative to the body. Each case only chooses the
 * verdict's values; one place builds it, so that a rarer case meets no call the compiled code never made.
 */
function placeVerdict(info: LineInfo, i: number, page: PageContext, blockKind: NoiseKind | null, underHeader: boolean): Verdict | null {
  const { main, bodyFrom, bodyTo, blockFrom, blockTo } = page.body;
  if (!main) return null;
  const inBody = i >= bodyFrom && i < bodyTo;
  const inBlock = i >= blockFrom && i < blockTo;
  let kind: NoiseKind | null = null;
  let confidence = 0;
  let why = '';
  let detail = '';
  if (i < bodyFrom) {
    // A paragraph of prose above the body, its place the only evidence, is more often the article's
    // (a lede cut off by a picture or a box) than anything else: it is not dimmed.
    if (endsSentence(info) && isProse(info)) return null;
    // A sentence above the body may be a short lede: flagged, but not surely.
    kind = DATE_LIKE.test(info.trimmed) && info.words <= 14 ? 'byline' : 'chrome';
    confidence = endsSentence(info) ? 0.5 : inBlock ? 0.6 : 0.75;
    why = 'before-body';
    detail = 'above the article body';
  } else if (!inBlock) {
    kind = NUMBERED.test(info.line.text) || /^\s{2,}\S/.test(info.line.text) ? 'comment' : (blockKind ?? 'chrome');
    confidence = info.cls === 'good' ? 0.6 : 0.75;
    why = 'outside-body';
    detail = 'in a block after strong boilerplate, away from the article body';
  } else if (underHeader && inBody && blockKind) {
    kind = blockKind;
    confidence = 0.6;
    why = 'under-list-header';
    detail = 'in a list under a boilerplate header';
  } else if (!inBody && info.cls !== 'good' && page.tabular[i] !== 1 && i >= bodyTo && !/[.!?]["”’)]?$/.test(info.trimmed) && tailList(page, i, blockTo)) {
    // After the body, a run of short lines reaching the end of the block is a list, not article text.
    kind = blockKind ?? 'related-links';
    confidence = 0.55;
    why = 'after-body';
    detail = 'below the article body';
  }
  return kind === null ? null : { kind, confidence, evidence: evidenceFor(info, why, detail) };
}

/** A line of an inset box of links the article goes on past (see beyondInsetBox). */
function insetVerdict(info: LineInfo): Verdict {
  return { kind: 'related-links', confidence: 0.7, evidence: evidenceFor(info, 'inset-box', 'in a box of links to other articles between paragraphs of the article') };
}

/** The name under a picture of a gallery the article goes on past (see beyondGallery). */
function galleryVerdict(info: LineInfo): Verdict {
  return { kind: 'other', confidence: 0.6, evidence: evidenceFor(info, 'gallery', 'a name under a picture of a gallery between paragraphs of the article') };
}

/** Whether at least four lines other than good ones lie from `i` to the end of the block. */
function tailList(page: PageContext, i: number, blockTo: number): boolean {
  return (page.notGoodFrom[i] ?? 0) - (page.notGoodFrom[blockTo] ?? 0) >= 4;
}

/** Lines other than good or tabular ones from `i` to the end of the page. */
function notGoodSuffixCounts(infos: readonly LineInfo[], tabular: Uint8Array): Int32Array {
  const counts = new Int32Array(infos.length + 1);
  for (let i = infos.length - 1; i >= 0; i--) counts[i] = (counts[i + 1] ?? 0) + (infos[i]?.cls !== 'good' && tabular[i] !== 1 ? 1 : 0);
  return counts;
}

/** Marks of style sheets and scripts left in a page (`;{}<>=`): lines sharing a shape with one are no table. */
function isCodeMark(c: number): boolean {
  return c === 0x3b || c === 0x7b || c === 0x7d || c === 0x3c || c === 0x3e || c === 0x3d;
}
/** Marks inside words and abbreviations ("wide-browser", "doesn't", "St. Louis"), which say nothing of a line's layout. */
function isWordMark(c: number): boolean {
  return c === 0x2d || c === 0x2e || c === 0x27 || c === 0x2019;
}
/** What a character is to a line's shape: skipped (a letter, digit, space, word mark or half a surrogate pair), a mark of code, or a mark of the shape. */
const SHAPE_SKIPS = 0;
const SHAPE_CODE = 1;
const SHAPE_MARK = 2;

function shapeKind(c: number): number {
  if (isLetterOrNumberCode(c) || isSpaceCode(c) || isWordMark(c) || (c >= 0xd800 && c <= 0xdfff)) return SHAPE_SKIPS;
  return isCodeMark(c) ? SHAPE_CODE : SHAPE_MARK;
}

const ASCII_SHAPE_KIND = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_SHAPE_KIND[c] = shapeKind(c);

/** How many marks a shape holds, as a factor above the marks' own 16 bits each (exact in a number). */
const SHAPE_COUNT = 2 ** (16 * SHAPE_LENGTH);

/**
 * The punctuation of a line, which list items of one table share ("England (Group A): 10th" → "():"),
 * as a number (the marks' codes and their count), or 0 for a shape no table has: fewer than two
 * marks, or a mark of code.
 */
function punctuationShape(trimmed: string): number {
  let shape = 0;
  let count = 0;
  for (let k = 0; k < trimmed.length && count < SHAPE_LENGTH; k++) {
    const c = trimmed.charCodeAt(k);
    // ASCII, most of any line, by one read of a table.
    const kind = c < 128 ? (ASCII_SHAPE_KIND[c] ?? SHAPE_SKIPS) : shapeKind(c);
    if (kind === SHAPE_SKIPS) continue;
    if (kind === SHAPE_CODE) return 0;
    shape = shape * 0x10000 + c;
    count++;
  }
  return count >= 2 ? count * SHAPE_COUNT + shape : 0;
}

/**
 * Lines in a run of at least MIN_TABLE_ROWS cut to one pattern of punctuation ("June 9 – Tampa, FL @
 * Amphitheatre", "Spain (Group F): 11th appearance"): the rows of a table or schedule in the article.
 * Teasers of other articles are headlines, each punctuated its own way.
 */
function tabularLines(infos: readonly LineInfo[]): Uint8Array {
  const tabular = new Uint8Array(infos.length);
  let runFrom = 0;
  let runShape = 0;
  for (let i = 0; i <= infos.length; i++) {
    const info = infos[i];
    const shape = info && info.words > 0 && info.words <= MAX_ROW_WORDS ? punctuationShape(info.trimmed) : 0;
    if (shape !== 0 && shape === runShape) continue;
    if (runShape !== 0 && i - runFrom >= MIN_TABLE_ROWS) tabular.fill(1, runFrom, i);
    runFrom = i;
    runShape = shape;
  }
  return tabular;
}

const COMMENT_SIGNATURE = PHRASE_RULES.find((r) => r.name === 'comment-signature') ?? null;
const DATELINE = PHRASE_RULES.find((r) => r.name === 'dateline') ?? null;
/** "thelastchargersfan says:": a comment's author, when the next line is only the date it was posted. */
const AUTHOR_SAYS = /^\S.{0,50}\s(says|said|wrote|writes):$/iu;
const MAX_AUTHOR_WORDS = 6;

/**
 * A short line ending "says:" above a line that is only a date signs a reader's comment; alone it
 * may introduce a quotation in the article, so the date is the evidence.
 */
function markCommentAuthors(infos: readonly LineInfo[]): void {
  for (let i = 0; i + 1 < infos.length; i++) {
    const info = infos[i];
    if (!info || info.phrase || info.words > MAX_AUTHOR_WORDS) continue;
    // The next line's rule is read (and the phrase written back, null on null) for every short line,
    // not only after the rare match of AUTHOR_SAYS: the compiled code then meets no read it never ran.
    const dated = DATELINE !== null && infos[i + 1]?.phrase === DATELINE;
    // AUTHOR_SAYS ends with a colon: a line ending otherwise is spared the pattern.
    const colon = info.trimmed.charCodeAt(info.trimmed.length - 1) === 58;
    info.phrase = colon && dated && AUTHOR_SAYS.test(info.trimmed) ? COMMENT_SIGNATURE : null;
  }
}

/** Whole boilerplate lines of the page, sorted by start. Linear in the number of lines. */
export function findBoilerplate(lines: readonly Line[]): NoiseLine[] {
  const infos = lineInfos(lines);
  if (infos.length === 0) return [];
  markCommentAuthors(infos);
  markDuplicates(infos);
  for (const info of infos) info.cls = classify(info);
  smooth(infos);
  const body = bodyOf(infos);
  const titles = titleLines(infos, body);
  const tabular = tabularLines(infos);
  const copies = articleCopies(infos, body);
  const standfirst = standfirstLine(infos, body, titles);
  const page: PageContext = { infos, body, listed: listedElsewhere(infos, body, titles), notGoodFrom: notGoodSuffixCounts(infos, tabular), tabular };

  const noise: NoiseLine[] = [];
  let blockKind: NoiseKind | null = null;
  let underHeader = false;
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i];
    if (!info) continue;
    // The rule's kind is read for every line with a phrase, not only for the rarer header.
    const phrase = info.phrase;
    const phraseKind = phrase === null ? null : phrase.kind;
    if (phrase !== null && phrase.header) {
      blockKind = phraseKind;
      underHeader = true;
    } else if (info.cls === 'good' || i === body.bodyFrom) underHeader = false;
    if (titles.has(i) || copies.has(i) || i === standfirst) continue;
    const inset = body.insets[i];
    const verdict = lineVerdict(info, i, page) ?? (inset === 1 ? insetVerdict(info) : inset === 2 ? galleryVerdict(info) : placeVerdict(info, i, page, blockKind, underHeader));
    if (verdict) noise.push({ start: info.line.start, end: info.line.end, kind: verdict.kind, confidence: verdict.confidence, evidence: verdict.evidence });
  }
  markBoxHeaders(infos, noise);
  noise.sort((a, b) => a.start - b.start);
  return noise;
}

/** A line long enough and with enough function words to read as a paragraph of prose. */
function isProse(info: LineInfo): boolean {
  return info.trimmed.length >= 100 && info.stopDensity >= 0.3;
}

/** Prose of at least 15 words: a good line when it also ends as a paragraph does (see classify). */
function isParagraphProse(info: LineInfo): boolean {
  return isProse(info) && info.words >= 15;
}

/** A line that reads as a sentence of the article ("“We'll see,” he said.") rather than a list item. */
function endsSentence(info: LineInfo): boolean {
  return info.words >= 5 && info.stopDensity >= 0.2 && TERMINAL.test(info.trimmed);
}

function isSentenceLike(info: LineInfo | undefined): boolean {
  if (!info || info.phrase || info.duplicateOf !== null || info.truncatedTitle || info.linkDensity > 0.2) return false;
  if (info.cls === 'good' || info.cls === 'near') return true;
  if (info.words >= 8 && info.stopDensity >= 0.2 && TERMINAL.test(info.trimmed)) return true;
  // A wire story's lede opens with its dateline ("KYIV, Ukraine (AP) — …"), and names many people.
  if (info.words >= 12 && WIRE_DATELINE.test(info.trimmed) && TERMINAL.test(info.trimmed)) return true;
  return info.trimmed.length >= 80 && info.words >= 12 && info.stopDensity >= 0.15 && TERMINAL.test(info.trimmed);
}

/**
 * The dateline opening a wire story's first paragraph: a place in capitals, perhaps a region or a
 * date after a comma and an agency, then a dash ("WASHINGTON (Reuters) -", "KYIV, Ukraine (AP) —",
 * "PITTSBURGH, Oct. 24, 2024 /PRNewswire/ --").
 */
const WIRE_DATELINE = /^\p{Lu}[\p{Lu} .'’-]{2,40}(?:,[^—–\n]{1,40}?)?(?:\s\([^)\n]{1,25}\))?\s[—–-]{1,2}\s/u;

/** A one-word capitalised label right above a pull-quote belongs to the same box. */
function markBoxHeaders(infos: readonly LineInfo[], noise: NoiseLine[]): void {
  if (!noise.some((n) => n.kind === 'pull-quote')) return;
  const byStart = new Map<number, NoiseLine>();
  for (const n of noise) byStart.set(n.start, n);
  for (let i = 1; i < infos.length; i++) {
    const info = infos[i];
    const prev = infos[i - 1];
    if (!info || !prev) continue;
    const n = byStart.get(info.line.start);
    if (!n || n.kind !== 'pull-quote' || byStart.has(prev.line.start)) continue;
    if (prev.words <= 2 && prev.trimmed === prev.trimmed.toUpperCase()) {
      noise.push({ start: prev.line.start, end: prev.line.end, kind: 'pull-quote', confidence: 0.7, evidence: [{ rule: 'box-label', detail: 'label of a box that repeats a paragraph' }] });
    }
  }
}
