// Generates syntaxes/source-text.tmLanguage.json: node syntaxes/source-text.grammar.mjs syntaxes/source-text.tmLanguage.json
// The quote rules are near-identical per mark style, so they are written once here.
import { writeFileSync } from 'node:fs';

const S = '.source-text';
const WORD = '[\\p{L}\\p{M}\\p{N}]';
const NOT_AFTER_WORD = `(?<!${WORD})`;
const NOT_BEFORE_WORD = `(?!${WORD})`;
// What may follow an apostrophe-like mark without it being an opening quote:
// contractions (isn 't, 's, 'll ...), rock 'n' roll, abbreviated years ('90s, '99).
const CONTRACTION = `(?!(?i:s|t|d|m|ll|re|ve|em)${NOT_BEFORE_WORD}|n['’]${NOT_BEFORE_WORD}|\\d\\ds?(?![\\p{L}\\p{M}\\p{N}'’]))`;

/** Quote styles, in priority order (`''` before `'`). */
const styles = [
  { key: 'double-apostrophes', scope: 'string.quoted.double.apostrophes', open: `${NOT_AFTER_WORD}(?<!')('')(?=[^\\s'])`, close: `('')${NOT_BEFORE_WORD}`, closeAhead: `''${NOT_BEFORE_WORD}` },
  { key: 'double-straight', scope: 'string.quoted.double', open: `${NOT_AFTER_WORD}(")(?=\\S)`, close: `(")${NOT_BEFORE_WORD}`, closeAhead: `"${NOT_BEFORE_WORD}` },
  { key: 'single-straight', scope: 'string.quoted.single', open: `${NOT_AFTER_WORD}(?<!')(')${CONTRACTION}(?=[^\\s'])`, close: `(')${NOT_BEFORE_WORD}`, closeAhead: `'${NOT_BEFORE_WORD}` },
  { key: 'double-curly', scope: 'string.quoted.double.curly', open: '(“)', close: '(”)', closeAhead: '”' },
  { key: 'single-curly', scope: 'string.quoted.single.curly', open: `${NOT_AFTER_WORD}(‘)${CONTRACTION}(?=[^\\s‘’])`, close: `(’)${NOT_BEFORE_WORD}`, closeAhead: `’${NOT_BEFORE_WORD}` },
  { key: 'double-low', scope: 'string.quoted.double.low', open: '(„)', close: '([“”])', closeAhead: '[“”]' },
  { key: 'double-guillemet', scope: 'string.quoted.double.guillemet', open: '(«)', close: '(»)', closeAhead: '»' },
  { key: 'single-guillemet', scope: 'string.quoted.single.guillemet', open: '(‹)', close: '(›)', closeAhead: '›' },
];

const repository = {};

function quoteRule(style, name, end, patterns) {
  return {
    name: `${style.scope}${S}`,
    begin: style.open,
    beginCaptures: { 1: { name: `punctuation.definition.string.begin${S}` } },
    end,
    endCaptures: { 1: { name: `punctuation.definition.string.end${S}` } },
    patterns,
  };
}

// Top-level quotes: may contain one level of quotes in any other style. A nested quote also
// ends (without consuming it) where its outer quote's closing mark stands, so a stray mark
// inside a quotation can't swallow the outer close.
repository.quotes = { patterns: styles.map((s) => ({ include: `#quote-${s.key}` })) };
for (const outer of styles) {
  const inner = styles.filter((s) => s !== outer);
  repository[`quote-${outer.key}`] = quoteRule(
    outer,
    outer.key,
    `${outer.close}|$`,
    [...inner.map((s) => ({ include: `#quote-${s.key}-in-${outer.key}` })), { include: '#links' }],
  );
  for (const s of inner) {
    repository[`quote-${s.key}-in-${outer.key}`] = quoteRule(s, s.key, `${s.close}|(?=${outer.closeAhead})|$`, [{ include: '#links' }]);
  }
}

const URL_CHAR = '[^\\s<>"“”‘’«»‹›„\\\\^`{|}]';
const URL_LAST = '[^\\s<>"“”‘’«»‹›„\\\\^`{|}.,;:!?\'’)\\]]';
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]*[\\p{L}\\p{N}])?';


const SEPARATOR = '[ \\t]*((?::|--?)(?=[ \\t\\u00a0]|$)|[—–])';
const AGENCY = '[ \\t]*(\\()([^()]{1,40})(\\))';
// ", Ukraine", ", D.C.", ", Feb 25", ", Feb. 25, 2020"
const REGION = '(?:,[ ]\\p{Lu}[\\p{L}\\p{M}.]*(?:,?[ ][\\p{Lu}\\p{N}][\\p{L}\\p{M}\\p{N}.]*){0,3})?';
const DATELINE_CAPTURES = {
  1: { name: `entity.name.type.dateline${S}` },
  2: { name: `punctuation.definition.agency.begin${S}` },
  3: { name: `entity.name.type.agency${S}` },
  4: { name: `punctuation.definition.agency.end${S}` },
  5: { name: `punctuation.separator.dateline${S}` },
};
const DATELINE_CAPS = {
  name: `meta.dateline${S}`,
  match:
    '^[ \\t\\u00a0]*(' +
    '(?:' +
    // ALL-CAPS place of up to four words: the first of at least three characters ("OK -" is no
    // dateline), the others of at least two ("ST. PETERSBURG")
    "\\p{Lu}[\\p{Lu}\\p{M}'’.\\-]+[\\p{Lu}\\p{M}.](?:[ ]\\p{Lu}[\\p{Lu}\\p{M}'’.\\-]*[\\p{Lu}\\p{M}.]){0,3}" +
    REGION +
    // a source with a domain: PanARMENIAN.Net, News.am
    '|\\p{L}[\\p{L}\\p{M}\\p{N}\\-]*(?:\\.\\p{L}[\\p{L}\\p{M}\\p{N}]+)+' +
    // mixed case with an upper-case run: PanARMENIAN
    '|\\p{Lu}\\p{Ll}+\\p{Lu}{2,}\\p{L}*' +
    '))' +
    `(?:${AGENCY})?` +
    SEPARATOR,
  captures: DATELINE_CAPTURES,
};
const DATELINE_TITLE = {
  name: `meta.dateline${S}`,
  // Only with an agency that looks like one (an upper-case run, or a known title-case name) and a
  // dash, so "Lavrov (Russia): no" and "Russia (and Turkey) - no" stay plain.
  match:
    `^[ \\t\\u00a0]*(\\p{Lu}\\p{Ll}+(?:[ -]\\p{Lu}\\p{Ll}+){0,2}${REGION})` +
    "[ \\t]*(\\()((?=[^()]*\\p{Lu}{2})[^()]{1,40}|Reuters|Xinhua|Sputnik|Bloomberg|Interfax|Anadolu|dpa)(\\))" +
    '[ \\t]*((?:--?)(?=[ \\t\\u00a0]|$)|[—–])',
  captures: DATELINE_CAPTURES,
};

Object.assign(repository, {
  document: {
    comment: 'Opens on the first non-blank line and never closes, so \\G marks the headline only there.',
    begin: '^(?=\\s*\\S)',
    end: '(?!)',
    patterns: [{ include: '#headline' }, { include: '#body' }],
  },
  headline: {
    comment: 'The first non-empty line of the file.',
    name: `markup.heading${S}`,
    contentName: `entity.name.section${S}`,
    begin: '\\G',
    end: '$',
    patterns: [{ include: '#inline' }],
  },
  body: {
    patterns: [{ include: '#comment-marker' }, { include: '#dateline' }, { include: '#inline' }],
  },
  inline: {
    patterns: [{ include: '#quotes' }, { include: '#links' }],
  },
  links: {
    patterns: [{ include: '#email' }, { include: '#url' }, { include: '#handle' }, { include: '#hashtag' }],
  },
  'comment-marker': {
    patterns: [
      {
        comment: 'Numbered reader comment: "  1. ", "2) "',
        match: '^[ \\t\\u00a0]*((\\d{1,3})([.)]))(?=[ \\t\\u00a0]|$)',
        captures: {
          1: { name: `markup.list.numbered${S}` },
          2: { name: `constant.numeric.integer${S}` },
          3: { name: `punctuation.definition.list.numbered${S}` },
        },
      },
      {
        comment: 'Numbered reader comment: "#3"',
        match: '^[ \\t\\u00a0]*((#)(\\d{1,4}))(?![\\p{L}\\p{M}\\p{N}_])',
        captures: {
          1: { name: `markup.list.numbered${S}` },
          2: { name: `punctuation.definition.list.numbered${S}` },
          3: { name: `constant.numeric.integer${S}` },
        },
      },
    ],
  },
  dateline: {
    comment:
      'At the start of a paragraph (a line): an upper-case place ("GENEVA", "KYIV, Ukraine", "BEIRUT, Feb 25") or a source name with a domain ("PanARMENIAN.Net"), an optional "(Agency)", then ":" or a dash; or a title-case place that an "(Agency)" must follow ("Moscow (AFP) -").',
    patterns: [DATELINE_CAPS, DATELINE_TITLE],
  },
  email: {
    name: `markup.underline.link.email${S}`,
    match: `(?<![\\p{L}\\p{M}\\p{N}._%+\\-@])(?i:mailto:)?[\\p{L}\\p{N}._%+\\-]+@${LABEL}(?:\\.${LABEL})*\\.\\p{L}{2,24}(?![\\p{L}\\p{M}\\p{N}\\-@])`,
  },
  url: {
    patterns: [
      {
        comment: 'Scheme or www. URLs',
        name: `markup.underline.link${S}`,
        match: `(?<![\\p{L}\\p{M}\\p{N}@.])(?i:(?:https?|ftp)://|www\\.)(?:${URL_CHAR}*${URL_LAST})?`,
      },
      {
        comment: 'Bare domain with a path: rupt.ly/subscribe',
        name: `markup.underline.link${S}`,
        match: `(?<![\\p{L}\\p{M}\\p{N}@.\\-/])${LABEL}(?:\\.${LABEL})*\\.\\p{L}{2,24}/(?:${URL_CHAR}*${URL_LAST})?`,
      },
    ],
  },
  handle: {
    name: `entity.name.tag.handle${S}`,
    match: '(?<![\\p{L}\\p{M}\\p{N}_.@/])(@)(?=[\\p{N}_]*\\p{L})[\\p{L}\\p{M}\\p{N}_]+(?:\\.[\\p{L}\\p{M}\\p{N}_]+)*',
    captures: { 1: { name: `punctuation.definition.handle${S}` } },
  },
  hashtag: {
    name: `entity.name.tag.hashtag${S}`,
    match: '(?<![\\p{L}\\p{M}\\p{N}_&#/])(#)(?=[\\p{N}_]*\\p{L})[\\p{L}\\p{M}\\p{N}_]+',
    captures: { 1: { name: `punctuation.definition.hashtag${S}` } },
  },
});

// Structure first, then quotes, then the small single-line rules.
const order = ['document', 'headline', 'body', 'inline', 'comment-marker', 'dateline', 'links', 'url', 'email', 'handle', 'hashtag', 'quotes'];
const ordered = {};
for (const k of order) ordered[k] = repository[k];
for (const [k, v] of Object.entries(repository)) if (!(k in ordered)) ordered[k] = v;

const grammar = {
  information_for_contributors: [
    'Source Text: scraped news articles (one per .txt). TextMate works line by line, and a scraped',
    'article has one paragraph per line, so every quotation closes at its closing mark or at the end',
    'of its line: an unbalanced mark never colours past its paragraph. Quote rules named',
    '"quote-X-in-Y" are quotes of style X nested in style Y; they also stop before Y\'s closing mark.',
  ],
  name: 'Source Text',
  scopeName: 'text.source-text',
  patterns: [{ include: '#document' }],
  repository: ordered,
};

writeFileSync(process.argv[2], JSON.stringify(grammar, null, 2) + '\n');
