// Sorts the engine's errors on a gold set into kinds a person can act on: which speakers are missed
// (pronoun, name after the quote, partial quote in paraphrase, organisation, description…), which
// are wrong or spurious, which cue verbs are missed, and what shape of line is wrongly taken for
// boilerplate (short line, caption, list item, byline…). Span matching follows score.mjs (same
// normalisation, same one-to-one overlap), so the counts here add up to the scorer's.
// Node standard library only; pure functions over (text, gold, pred) so they can be unit tested.

const WS = /\s/u;
const EDGE_TRIM = new Set(['"', '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2018', '\u2019', "'", '\uFF02', ',', ';', ':']);
const QUOTE_MARK = /["\u201C\u201D\u201E\u201F\u00AB\u00BB\u2018\u2019'\uFF02]/u;

/** The span trimmed of whitespace, quotation marks and , ; : at both ends, as the scorer does. */
export function normalise(text, start, end) {
  let s = start;
  let e = end;
  while (s < e && (WS.test(text[s]) || EDGE_TRIM.has(text[s]))) s++;
  while (e > s && (WS.test(text[e - 1]) || EDGE_TRIM.has(text[e - 1]))) e--;
  return [s, e];
}

function sharedNonSpace(text, a, b) {
  const s = Math.max(a[0], b[0]);
  const e = Math.min(a[1], b[1]);
  let n = 0;
  for (let i = s; i < e; i++) if (!WS.test(text[i])) n++;
  return n;
}

/** Normalised, de-duplicated spans, each keeping the first object it came from. */
function normalisedSpans(text, items) {
  const out = new Map();
  for (const x of items ?? []) {
    const [s, e] = normalise(text, x.start, x.end);
    if (e > s && !out.has(`${s}:${e}`)) out.set(`${s}:${e}`, { span: [s, e], item: x });
  }
  return [...out.values()];
}

/**
 * One-to-one greedy overlap matching (largest shared non-space count first), as score.mjs.
 * Returns the normalised gold and pred lists and which of each found a partner.
 */
export function matchOverlap(text, goldItems, predItems) {
  const gold = normalisedSpans(text, goldItems);
  const pred = normalisedSpans(text, predItems);
  const pairs = [];
  for (let i = 0; i < pred.length; i++) {
    for (let j = 0; j < gold.length; j++) {
      const [ps, pe] = pred[i].span;
      const [gs, ge] = gold[j].span;
      if (ps >= ge || gs >= pe) continue;
      const n = sharedNonSpace(text, pred[i].span, gold[j].span);
      if (n > 0) pairs.push([n, i, j]);
    }
  }
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const predTaken = new Set();
  const goldTaken = new Set();
  for (const [, i, j] of pairs) {
    if (predTaken.has(i) || goldTaken.has(j)) continue;
    predTaken.add(i);
    goldTaken.add(j);
  }
  return { gold, pred, goldMatched: goldTaken, predMatched: predTaken };
}

const overlaps = (a, b) => a.start < b.end && b.start < a.end;

// Evidence rules of the engine that say how a quote got its source (quote-mark rules left out).
const ATTRIBUTION_RULES = [
  'cue-before-quote', 'cue-after-quote', 'colon-attribution', 'dash-attribution', 'headline-subject', 'sentence-subject',
  'transcript-label', 'multi-paragraph-source', 'continues-quote', 'continues-sentence', 'continues-paragraph', 'colon-paragraph', 'later-cue-in-sentence',
];

/** The rule that attributed a predicted quote, from the `rules` of its prediction. */
export function attributionRule(quote) {
  return ATTRIBUTION_RULES.find((r) => quote?.rules?.includes(r)) ?? (quote?.rules ? 'other rule' : 'rules not recorded');
}
const shareAttr = (a, b) => (a.attrs ?? []).some((x) => (b.attrs ?? []).includes(x));

/** A short single-line excerpt, quotes and control characters escaped, for a report line. */
export function excerpt(s, max = 90) {
  const one = s.replace(/\s+/g, ' ').trim();
  const cut = one.length <= max ? one : `${one.slice(0, max - 1)}…`;
  return JSON.stringify(cut);
}

/** The text around a span with the span itself in [brackets]. */
export function inContext(text, start, end, width = 60) {
  const before = text.slice(Math.max(0, start - width), start);
  const after = text.slice(end, end + width);
  return excerpt(`${before}[${text.slice(start, end)}]${after}`, 2 * width + (end - start) + 4);
}

// ---------------------------------------------------------------------------------------------
// Speakers

const RELATIVE = /^(who|whom|whose|which|that)$/i;
const PRONOUN = /^(he|she|they|it|we|i|you|him|her|them|us|me|his|its|their|one)$/i;
const DOCUMENT = /\b(poll|polls|survey|report|study|statement|memo|release|letter|tweets?|e-?mails?|ads?|video|website|data|filing|documents?|analysis|book|article|transcript|records?|polling|numbers|results|findings|page|post|message|speech|op-ed|complaint|lawsuit|indictment|order|bill|platform)$/i;
const ORGANISATION =
  /\b(Committee|Department|Party|Campaign|campaign|Administration|administration|Commission|Council|Agency|Bureau|Association|Foundation|Institute|University|Office|Court|Congress|Senate|House|Ministry|Inc|Corp|Company|Group|Center|Centre|Network|News|Times|Post|Journal|Press|Reuters|Service|Union|Coalition|Organi[sz]ation|Fund|Board|Police|Army|Government|government|agency|office|department|committee|company|firm|group|team|staff|camp|party|network|Democrats|Republicans|GOP|Pentagon|Kremlin|Trump Organization)\b/;
const ACRONYM = /^(the )?[A-Z][A-Z&.]{1,6}$/;
// A capitalised title before a name ("Foreign Minister Sergei Lavrov", "Gov. Mike Pence").
const TITLE = /^(former |then-)?(\S+ )*(President|Vice President|Minister|Secretary|Senator|Sen\.|Gov\.|Governor|Rep\.|Representative|Mayor|Chairman|Chairwoman|Director|Judge|Justice|General|Gen\.|Speaker|Leader|Chief|Commissioner|Ambassador|Dr\.|Prof\.|Professor|Pope|King|Queen|Prince|Sheriff|Adviser|Attorney) [A-Z]/i;

/** What a gold speaker span looks like: pronoun, relative pronoun, name, title + name, description, organisation, document. */
export function speakerShape(span) {
  const t = span.trim().replace(/[’'](s|ve|re|ll|d|m)$/i, '');
  if (RELATIVE.test(t)) return 'relative pronoun';
  if (PRONOUN.test(t)) return 'pronoun';
  const words = t.split(/\s+/).filter(Boolean);
  // "Some chanted…", "Others said…": a quantifier at the start of a sentence, not a name.
  if (/^(some|many|most|others?|several|both|all|few|another|each|one|two|three|four|five|dozens|hundreds|thousands)$/i.test(words[0] ?? '') && words.length <= 2) return 'description';
  const last = words[words.length - 1] ?? '';
  if (DOCUMENT.test(last)) return 'document or poll';
  if (ACRONYM.test(t) || ORGANISATION.test(t)) return 'organisation';
  const capital = words.filter((w) => /^[A-Z]/.test(w)).length;
  const lower = words.filter((w) => /^[a-z]/.test(w) && !/^(of|the|and|for|de|van|von|al|bin)$/.test(w)).length;
  if (words.length > 8) return 'long description';
  if (lower === 0) return TITLE.test(t) && words.length >= 3 ? 'title + name' : 'name';
  if (capital >= 1 && /^[A-Z]/.test(last)) return 'title + name';
  return 'description';
}

/** Start offsets of every line, for paragraph lookups. */
export function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where a speaker mention sits relative to the quotes of its attribution. */
export function speakerPlace(starts, speaker, quotes) {
  const para = lineOf(starts, speaker.start);
  const same = quotes.filter((q) => lineOf(starts, q.start) === para || lineOf(starts, q.end) === para);
  if (same.length === 0) return 'another paragraph';
  const first = Math.min(...same.map((q) => q.start));
  const last = Math.max(...same.map((q) => q.end));
  if (speaker.start >= first && speaker.end <= last) return 'between quote fragments';
  if (speaker.start >= last) return 'after the quote';
  return 'before the quote';
}

/**
 * Every speaker error of one document: `missed` gold speakers (by shape, place, and whether the
 * quote is partial), gold speakers whose quote we attributed to another mention (`wrong`), gold
 * speakers whose quote we did not find (`quote not found`), and `spurious` predicted speakers.
 */
export function speakerErrors(text, gold, pred) {
  const out = [];
  const starts = lineStarts(text);
  const m = matchOverlap(text, gold.speakers ?? [], pred.speakers ?? []);
  const goldQuotes = gold.quotes ?? [];
  const predQuotes = pred.quotes ?? [];
  m.gold.forEach((g, j) => {
    if (m.goldMatched.has(j)) return;
    const s = g.item;
    const quotes = goldQuotes.filter((q) => shareAttr(q, s));
    const ours = predQuotes.filter((p) => quotes.some((q) => overlaps(p, q)));
    const example = inContext(text, s.start, s.end);
    if (ours.length === 0) {
      out.push({ group: 'quote not found', kind: speakerShape(text.slice(s.start, s.end)), example });
      return;
    }
    const other = ours.find((p) => p.mention && !overlaps(p.mention, s));
    if (other) {
      const took = `${text.slice(other.mention.start, other.mention.end)}`;
      out.push({ group: 'wrong speaker', kind: `gold ${speakerShape(text.slice(s.start, s.end))}, ours ${other.mention.kind}`, rule: attributionRule(other), example: `${example} ours: ${excerpt(took, 40)}` });
      return;
    }
    const shape = speakerShape(text.slice(s.start, s.end));
    const place = speakerPlace(starts, s, quotes);
    const quote = quotes.some((q) => q.mixed) ? 'partial quote in paraphrase' : 'direct quote';
    out.push({ group: 'missed', kind: `${shape}, ${place}${quote === 'direct quote' ? '' : ', partial quote'}`, shape, place, quote, example });
  });
  m.pred.forEach((p, i) => {
    if (m.predMatched.has(i)) return;
    const ours = predQuotes.find((q) => q.mention && q.mention.start === p.item.start && q.mention.end === p.item.end);
    out.push({ group: 'spurious', kind: spuriousKind(gold, predQuotes, p.item), rule: attributionRule(ours), example: inContext(text, p.item.start, p.item.end) });
  });
  return out;
}

function nonSpace(text, s, e) {
  let n = 0;
  for (let i = s; i < e; i++) if (!WS.test(text[i])) n++;
  return n;
}

/**
 * Extent errors of the speaker mentions that found their gold partner (overlap level), weighted by
 * non-space characters: the words gold has and we do not before or after ours (a title, an
 * appositive), and ours beyond gold's. Matched one to one as the scorer does.
 */
export function speakerExtentErrors(text, gold, pred) {
  const out = [];
  const m = matchOverlap(text, gold.speakers ?? [], pred.speakers ?? []);
  const pairs = pairsOf(text, m);
  for (const [g, p] of pairs) {
    const [gs, ge] = g.span;
    const [ps, pe] = p.span;
    const example = `[${excerpt(text.slice(ps, pe), 50)}] gold [${excerpt(text.slice(gs, ge), 70)}]`;
    const add = (kind, s, e) => {
      const chars = nonSpace(text, s, e);
      if (chars > 0) out.push({ group: kind.startsWith('gold') ? 'gold mention longer' : 'our mention longer', kind: `${kind}, ours ${p.item.kind ?? '?'}`, chars, example });
    };
    add('gold longer before ours (title, article, modifier)', gs, Math.min(ps, ge));
    add('gold longer after ours (appositive, party tag, clause)', Math.max(pe, gs), ge);
    add('ours longer before gold', ps, Math.min(gs, pe));
    add('ours longer after gold', Math.max(ge, ps), pe);
  }
  return out;
}

/** The matched pairs of a matchOverlap result, [gold, pred], by the same greedy rule. */
function pairsOf(text, m) {
  const pairs = [];
  for (let i = 0; i < m.pred.length; i++) {
    if (!m.predMatched.has(i)) continue;
    for (let j = 0; j < m.gold.length; j++) {
      if (!m.goldMatched.has(j)) continue;
      const n = sharedNonSpace(text, m.pred[i].span, m.gold[j].span);
      if (n > 0) pairs.push([n, i, j]);
    }
  }
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const taken = new Set();
  const goldTaken = new Set();
  const out = [];
  for (const [, i, j] of pairs) {
    if (taken.has(i) || goldTaken.has(j)) continue;
    taken.add(i);
    goldTaken.add(j);
    out.push([m.gold[j], m.pred[i]]);
  }
  return out;
}

function spuriousKind(gold, predQuotes, speaker) {
  const ours = predQuotes.filter((q) => q.mention && q.mention.start === speaker.start && q.mention.end === speaker.end);
  const goldQuotes = gold.quotes ?? [];
  const hit = ours.flatMap((q) => goldQuotes.filter((g) => overlaps(g, q)));
  const ignored = (gold.ignore?.quotes ?? []).some((r) => ours.some((q) => overlaps(r, q)));
  if (hit.length === 0) return ignored ? 'its quote is in an ignored region' : 'its quote is not a gold quote';
  const sourced = hit.some((g) => (gold.speakers ?? []).some((s) => shareAttr(s, g)));
  if (!sourced) return 'gold attribution has no source';
  return `the gold source is elsewhere (ours a ${speaker.kind ?? 'mention'})`;
}

// ---------------------------------------------------------------------------------------------
// Quotes

function ignoredShare(text, s, e, ignore) {
  let all = 0;
  let hit = 0;
  for (let i = s; i < e; i++) {
    if (WS.test(text[i])) continue;
    all++;
    if (ignore.some((r) => r.start <= i && i < r.end)) hit++;
  }
  return all === 0 ? 0 : hit / all;
}

/** The quotation mark just before a span (whitespace skipped): `“`, `"`, `''`, `‘`… or `none`. */
export function openingMark(text, start) {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (text[i] === "'" && text[i - 1] === "'") return "''";
  return QUOTE_MARK.test(text[i] ?? '') ? text[i] : 'none';
}

function quoteShape(text, s, e) {
  const body = text.slice(s, e);
  const words = body.split(/\s+/).filter(Boolean).length;
  const parts = [`opened by ${openingMark(text, s)}`];
  if (body.includes('\n')) parts.push('over a paragraph break');
  else if (words <= 3) parts.push(words === 1 ? 'one word' : '2-3 words');
  if (text.lastIndexOf('\n', s) < 0) parts.push('first line');
  return parts.join(', ');
}

/**
 * Quote errors at the exact level, as the scorer counts them (predictions mostly inside ignored
 * regions dropped): a predicted quote overlapping a gold one with other bounds is `boundary`, on
 * both sides; the others are `spurious` or `missed`, by opening mark and length.
 */
export function quoteErrors(text, gold, pred) {
  const out = [];
  const ignore = gold.ignore?.quotes ?? [];
  const g = normalisedSpans(text, gold.quotes ?? []);
  const p = normalisedSpans(text, pred.quotes ?? []).filter((x) => ignoredShare(text, x.span[0], x.span[1], ignore) < 0.5);
  const key = (x) => `${x.span[0]}:${x.span[1]}`;
  const goldKeys = new Set(g.map(key));
  const predKeys = new Set(p.map(key));
  const cross = (a, b) => a.span[0] < b.span[1] && b.span[0] < a.span[1];
  for (const x of p) {
    if (goldKeys.has(key(x))) continue;
    const over = g.find((y) => cross(x, y));
    const [s, e] = x.span;
    if (over) {
      const kind = s <= over.span[0] && e >= over.span[1] ? 'ours longer' : s >= over.span[0] && e <= over.span[1] ? 'ours shorter' : 'shifted';
      out.push({ group: 'boundary (a spurious and a missed)', kind, example: inContext(text, s, e, 30) });
    } else out.push({ group: 'spurious', kind: quoteShape(text, s, e), example: inContext(text, s, e, 40) });
  }
  for (const y of g) {
    if (predKeys.has(key(y)) || p.some((x) => cross(x, y))) continue;
    out.push({ group: 'missed', kind: quoteShape(text, y.span[0], y.span[1]), example: inContext(text, y.span[0], y.span[1], 40) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cues

const IRREGULAR = new Map([
  ['said', 'say'], ['told', 'tell'], ['wrote', 'write'], ['written', 'write'], ['writing', 'write'], ['writes', 'write'],
  ['thought', 'think'], ['spoke', 'speak'], ['spoken', 'speak'], ['went', 'go'], ['goes', 'go'], ['found', 'find'],
  ['shot', 'shoot'], ['made', 'make'], ['gave', 'give'], ['took', 'take'], ['felt', 'feel'], ['knew', 'know'], ['put', 'put'],
]);
// Words before the reporting verb inside a PolNeAR cue span ("has said", "also told", "went on to say").
const CUE_FILLER = new Set(['has', 'have', 'had', 'was', 'were', 'is', 'are', 'be', 'been', 'being', 'also', 'then', 'later', 'would', 'will', 'could', 'to', 'did', 'does', 'do', 'not', 'again', 'further', 'just', 'publicly', 'repeatedly', 'recently', 'reportedly', 'once', 'in', 'an', 'a', 'the', 's', 'who', 'which', 'and']);

/** The reporting word of a cue span, lower case: "has also said:" → "said", "According to" → "according". */
export function cueHead(span) {
  const words = span.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  return words.find((w) => !CUE_FILLER.has(w)) ?? words[0] ?? '';
}

/** A crude stem that puts the inflections of one verb together: said/says/saying → say, noted/notes → not. */
export function cueStem(word) {
  if (IRREGULAR.has(word)) return IRREGULAR.get(word);
  let w = word.length > 4 ? word.replace(/(ing|ied|ies|ed|es|s|e)$/, (m) => (m === 'ied' || m === 'ies' ? 'y' : '')) : word.replace(/(s|e)$/, '');
  if (/([b-df-hj-np-rtv-z])\1$/.test(w) && !/(ll|ss|dd)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/**
 * Missed gold cues and spurious predicted cues, by reporting verb. A miss is `wrong cue` when our
 * quote has another cue, `missed, quote not found` when we did not find its quote, else `missed`
 * split by whether `knownVerbs` (our lexicon, when given) has the verb.
 */
export function cueErrors(text, gold, pred, knownVerbs = null) {
  const out = [];
  const m = matchOverlap(text, gold.cues ?? [], pred.cues ?? []);
  const goldQuotes = gold.quotes ?? [];
  const predQuotes = pred.quotes ?? [];
  const entry = (group, c, width = 50) => {
    const head = cueHead(text.slice(c.start, c.end));
    return { group, kind: cueStem(head), form: head, example: inContext(text, c.start, c.end, width) };
  };
  m.gold.forEach((g, j) => {
    if (m.goldMatched.has(j)) return;
    const c = g.item;
    const quotes = goldQuotes.filter((q) => shareAttr(q, c));
    const ours = predQuotes.filter((p) => quotes.some((q) => overlaps(p, q)));
    const e = entry('missed', c);
    if (ours.length === 0) e.group = 'missed, quote not found';
    else if (ours.some((p) => p.cue && !overlaps(p.cue, c))) e.group = 'wrong cue (our quote has another)';
    else if (knownVerbs) e.group = knownVerbs.has(e.form) ? 'missed, verb in our lexicon' : 'missed, verb not in our lexicon';
    out.push(e);
  });
  m.pred.forEach((p, i) => {
    if (!m.predMatched.has(i)) out.push(entry('spurious', p.item));
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Boilerplate lines

const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE_LINE = new RegExp(`^((updated|posted|published|last updated|modified)\\b.*|.*\\b${MONTH}\\s+\\d{1,2}(,|\\b).*\\d{4}.*|\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}.*)$`, 'i');
const CAPTION = /\b(photo|photograph|image|getty|credit|AP Photo|illustration|pictured|caption|file photo|shutterstock|courtesy|\(AP\)|\(Reuters\))\b/i;
const BYLINE = /^(by|written by|author|posted by|reporting by|story by|words by)\b/i;
const LIST_ITEM = /^\s*([-–—•*·▪►▸◦●○■□✓✔→>]|\d{1,3}[.)]|[a-z][.)])\s+/u;
const LINK = /(https?:\/\/|www\.|\S+@\S+\.\w|^[@#]\w)/i;

/** The shape of a line, for grouping boilerplate errors: short line, caption, list item, byline, date… */
export function lineShape(line) {
  const t = line.trim();
  const words = t.split(/\s+/).filter(Boolean);
  if (words.length === 0) return 'blank';
  if (LINK.test(t)) return 'link, e-mail or handle';
  if (BYLINE.test(t)) return 'byline';
  if (DATE_LINE.test(t) && words.length <= 12) return 'date or timestamp';
  if (words.length > 60) return 'paragraph (60+ words)';
  if (CAPTION.test(t) && words.length <= 40) return 'caption or credit';
  if (LIST_ITEM.test(t)) return 'list item';
  if (QUOTE_MARK.test(t[0]) && words.length >= 4) return 'quotation';
  if (/[?]$/.test(t) && words.length <= 15) return 'question';
  if (words.length <= 3) return 'short line (1-3 words)';
  const capitalised = words.filter((w) => /^[\p{Lu}\d]/u.test(w)).length / words.length;
  if (words.length <= 12 && !/[.!?:"”]$/.test(t) && capitalised >= 0.6) return 'heading (title case, no end mark)';
  if (words.length <= 8) return 'short line (4-8 words)';
  if (/[.!?"”)]$/.test(t)) return 'sentence (9+ words)';
  return 'long line without end mark';
}

function charMask(length, spans) {
  const mask = new Uint8Array(length);
  for (const s of spans ?? []) for (let i = Math.max(0, s.start); i < Math.min(length, s.end); i++) mask[i] = 1;
  return mask;
}

/**
 * Boilerplate errors at character level, per line: predicted noise lines that are mostly gold
 * content (`false positive`) and gold noise lines we left (`missed`), each weighted by its
 * non-space characters and labelled by line shape and, for false positives, by our noise kind.
 */
export function noiseErrors(text, gold, pred) {
  const out = [];
  const goldNoise = charMask(text.length, gold.noise);
  const ignored = charMask(text.length, gold.ignore?.noise);
  const ours = charMask(text.length, pred.noise);
  const kindAt = new Map((pred.noise ?? []).map((n) => [n.start, n.kind]));
  const starts = lineStarts(text);
  for (let l = 0; l < starts.length; l++) {
    const s = starts[l];
    const e = l + 1 < starts.length ? starts[l + 1] - 1 : text.length;
    let fp = 0;
    let fn = 0;
    let all = 0;
    let ourStart = -1;
    for (let i = s; i < e; i++) {
      if (WS.test(text[i]) || ignored[i]) continue;
      all++;
      if (ours[i] && !goldNoise[i]) fp++;
      if (!ours[i] && goldNoise[i]) fn++;
      if (ours[i] && ourStart < 0) ourStart = i;
    }
    if (all === 0) continue;
    const line = text.slice(s, e);
    const site = gold.meta?.domain ?? gold.meta?.site ?? '';
    if (fp * 2 > all) out.push({ group: 'false positive', kind: lineShape(line), rule: ruleOf(kindAt, pred.noise, ourStart), chars: fp, site, example: excerpt(line) });
    if (fn * 2 > all) out.push({ group: 'missed', kind: lineShape(line), rule: '', chars: fn, site, example: excerpt(line) });
  }
  return out;
}

function ruleOf(kindAt, noise, offset) {
  if (kindAt.has(offset)) return kindAt.get(offset);
  const n = (noise ?? []).find((x) => x.start <= offset && offset < x.end);
  return n?.kind ?? '?';
}

// ---------------------------------------------------------------------------------------------
// Summaries

/** Errors counted by `${group}` then `kind` (weighted by `chars` when present), with a few examples each. */
export function tally(errors, key = (e) => e.kind) {
  const groups = new Map();
  for (const e of errors) {
    const g = groups.get(e.group) ?? new Map();
    groups.set(e.group, g);
    const k = key(e);
    const row = g.get(k) ?? { kind: k, count: 0, weight: 0, examples: [], forms: new Map() };
    g.set(k, row);
    row.count++;
    if (e.form !== undefined) row.forms.set(e.form, (row.forms.get(e.form) ?? 0) + 1);
    row.weight += e.chars ?? 1;
    row.examples.push(e.example);
  }
  const result = [];
  for (const [group, rows] of groups) {
    const sorted = [...rows.values()].sort((a, b) => b.weight - a.weight || b.count - a.count || a.kind.localeCompare(b.kind));
    result.push({ group, total: sorted.reduce((n, r) => n + r.count, 0), weight: sorted.reduce((n, r) => n + r.weight, 0), rows: sorted });
  }
  return result.sort((a, b) => b.total - a.total);
}

/** Picks `n` examples spread over the list (first, middle, last…) so one document does not fill them all. */
export function spread(examples, n) {
  if (examples.length <= n) return examples;
  const out = [];
  for (let i = 0; i < n; i++) out.push(examples[Math.floor((i * examples.length) / n)]);
  return out;
}

/** The tally as text: one line per kind with its count (and share), then up to `examples` examples. */
export function formatTally(title, tallied, { top = 12, examples = 3, unit = '' } = {}) {
  const lines = [`### ${title}`];
  if (tallied.length === 0) lines.push('', 'none');
  for (const g of tallied) {
    const weightNote = unit ? `, ${g.weight} ${unit}` : '';
    lines.push('', `**${g.group}**: ${g.total}${weightNote}`);
    for (const r of g.rows.slice(0, top)) {
      const pct = ((100 * r.weight) / g.weight).toFixed(0);
      const label = r.forms.size > 0 ? [...r.forms].sort((a, b) => b[1] - a[1]).map(([f]) => f || '(no word)').slice(0, 5).join(' / ') : r.kind;
      lines.push(`- ${label}: ${r.count}${unit ? ` (${r.weight} ${unit})` : ''}, ${pct}%`);
      for (const ex of spread(r.examples, examples)) lines.push(`    - ${ex}`);
    }
    if (g.rows.length > top) {
      const rest = g.rows.slice(top);
      const names = rest.slice(0, 40).map((r) => `${r.forms.size > 0 ? [...r.forms.keys()][0] || '(no word)' : r.kind} ${r.count}`);
      lines.push(`- … ${rest.length} more kinds, ${rest.reduce((n, r) => n + r.count, 0)} errors: ${names.join(', ')}${rest.length > 40 ? ', …' : ''}`);
    }
  }
  return lines.join('\n');
}
