// A news-archive export of any size in the LexisNexis plain-text layout ("N of M DOCUMENTS",
// metadata lines, "LOAD-DATE:"), written from invented names and sentences by a seeded generator:
// the same size gives the same text on every run and machine, and no real archive text is used.
// The benches (incremental.mjs, the editor bench) measure a 5 MB export with it.

const SOURCES = ['The Harbour Gazette', 'Northern Ledger', 'Valley Courier', 'The Evening Mercury', 'Coastal Times', 'Midland Herald'];
const SECTIONS = ['NEWS', 'BUSINESS', 'POLITICS', 'LOCAL', 'ENVIRONMENT'];
const CITIES = ['PORTSMOUTH', 'LEEDS', 'CARDIFF', 'NORWICH', 'ABERDEEN', 'EXETER'];
const FIRST = ['Maria', 'Tom', 'Adeyemi', 'Gwen', 'Lukas', 'Priya', 'Hannah', 'Samuel', 'Ines', 'Oliver'];
const LAST = ['Lindqvist', 'Eriksen', 'Okafor', 'Price', 'Novak', 'Sharma', 'Brennan', 'Achebe', 'Moreau', 'Walsh'];
const ROLES = ['a councillor', 'the chief executive', 'a spokeswoman for the regulator', 'the harbourmaster', 'a local resident', 'the committee chair'];
const SUBJECTS = ['the sea wall', 'the rail timetable', 'the new school', 'the harbour dredging', 'the housing plan', 'the flood defences'];
const VERBS = ['said', 'told reporters', 'added', 'insisted', 'warned'];
const CLAIMS = [
  'We have waited long enough for a decision',
  'This was not an act of nature',
  'The figures speak for themselves',
  'Nobody was consulted before the vote',
  'We will publish the full report next month',
  'The cost has doubled since the first estimate',
];
const NARRATIVE = [
  'The council voted on Monday after a debate that lasted most of the evening.',
  'Work on {s} is due to start in the spring, according to the published schedule.',
  'Residents had argued for a cheaper scheme for more than two years.',
  'The regulator said it would review {s} before the end of the year.',
  'Figures released last week showed a sharp rise in complaints about {s}.',
  'Opposition members walked out before the final vote on {s}.',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** mulberry32: a small seeded generator, so the export is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Invented {
  readonly header: (index: number, count: number) => string;
  readonly body: string;
  readonly footer: string;
}

function inventArticle(random: () => number, n: number): Invented {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const source = pick(SOURCES);
  const day = new Date(Date.UTC(2024, 0, 1) + n * 86_400_000 * 0.37);
  const date = `${MONTHS[day.getUTCMonth()]} ${day.getUTCDate()}, ${day.getUTCFullYear()}`;
  const subject = pick(SUBJECTS);
  const paragraphs: string[] = [];
  for (let p = 0, count = 6 + Math.floor(random() * 8); p < count; p++) {
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const roll = random();
    if (roll < 0.35) paragraphs.push(`"${pick(CLAIMS)}," ${pick(VERBS)} ${name}, ${pick(ROLES)}.`);
    else if (roll < 0.55) paragraphs.push(`${name}, ${pick(ROLES)}, said: "${pick(CLAIMS)} about ${subject}."`);
    else if (roll < 0.65) paragraphs.push(`"${pick(CLAIMS)}," she added.`);
    else paragraphs.push(pick(NARRATIVE).replace('{s}', subject) + ' ' + pick(NARRATIVE).replace('{s}', subject));
  }
  const body = paragraphs.join('\n\n');
  const words = body.split(/\s+/).length;
  const headline = `${subject[0]?.toUpperCase() ?? ''}${subject.slice(1)}: ${pick(CLAIMS).toLowerCase()}`;
  return {
    header: (index, count) =>
      `${' '.repeat(31)}${index} of ${count} DOCUMENTS\n\n\n${' '.repeat(26)}${source}\n\n${' '.repeat(24)}${date} ${WEEKDAYS[day.getUTCDay()]}\n\n${headline}\n\nBYLINE: ${pick(FIRST)} ${pick(LAST)}\n\nSECTION: ${pick(SECTIONS)}; Pg. ${1 + Math.floor(random() * 30)}\n\nLENGTH: ${words} words\n\nDATELINE: ${pick(CITIES)}\n\n`,
    body,
    footer: `\n\n\nLOAD-DATE: ${date}\n\nLANGUAGE: ENGLISH\n\nPUBLICATION-TYPE: Newspaper\n\nCopyright ${day.getUTCFullYear()} ${source}\n`,
  };
}

/** An export of about `bytes` characters, and where each article's body lies in it. */
export function syntheticArchive(bytes: number, seed = 14): { readonly text: string; readonly bodies: readonly { readonly start: number; readonly end: number }[] } {
  const random = seeded(seed);
  const articles: Invented[] = [];
  for (let size = 0; size < bytes; ) {
    const a = inventArticle(random, articles.length);
    articles.push(a);
    size += a.body.length + a.footer.length + 260;
  }
  const parts: string[] = [];
  const bodies: { start: number; end: number }[] = [];
  let at = 0;
  articles.forEach((a, i) => {
    const header = a.header(i + 1, articles.length);
    bodies.push({ start: at + header.length, end: at + header.length + a.body.length });
    parts.push(header, a.body, a.footer);
    at += header.length + a.body.length + a.footer.length;
  });
  return { text: parts.join(''), bodies };
}
