// A corpus of a few hundred articles for the report's pictures: eight sites (folders), each with
// its own header and footer, articles mixing paragraphs of the seeds with quotes of thirty people
// and organisations quoted at very different rates, some statements repeated across sites.
import * as vscode from 'vscode';

const SITES = ['daily-ledger', 'northern-post', 'wire-service', 'city-herald', 'morning-star', 'coast-times', 'valley-news', 'the-observer'];
const VOICES = [
  'Maria Lopez, the mayor',
  'the Ministry of Health',
  'Sergei Lavrov, the foreign minister',
  'Amina Diallo, a UN spokeswoman',
  'John Carter, the opposition leader',
  'the World Health Organization',
  'Priya Nair, an economist at the central bank',
  'Tomás Herrera, a union representative',
  'the European Commission',
  'Lena Fischer, a climate scientist',
  'Ahmed Karimi, the police chief',
  'Grace Okafor, a hospital director',
  'the Red Cross',
  'David Chen, a trade negotiator',
  'Olga Petrova, a school principal',
  'Kwame Mensah, a farmer',
  'the National Weather Service',
  'Sofia Rossi, a lawyer',
  'Hiroshi Tanaka, an engineer',
  'Fatima Zahra, a student leader',
];
const STATEMENTS = [
  'We will rebuild the old bridge before the winter comes',
  'The budget is balanced for the first time in ten years',
  'Hospitals are running out of beds in the northern provinces',
  'There can be no peace without justice for the victims',
  'Prices of bread and flour will rise again from June',
  'We are urging all parties to allow civilians to move to safety',
  'The talks were frank, difficult and in the end productive',
  'Nobody should have to choose between heating and eating',
  'The data show a clear rise in temperatures over the decade',
  'We expect heavy snow across the northern valleys tonight',
  'Our members will strike unless the offer is improved',
  'The investigation is ongoing and we ask for patience',
];
const CUES = ['said', 'told reporters', 'said in a statement', 'added', 'warned'];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Writes `count` articles under `root` (one folder per site) from the seed paragraphs. */
export async function writeReportCorpus(root: vscode.Uri, seeds: readonly string[], count: number): Promise<void> {
  const rnd = random(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  // Zipf-like: the first voices are quoted far more often than the last.
  const voice = (): string => VOICES[Math.min(VOICES.length - 1, Math.floor(VOICES.length * rnd() * rnd()))] ?? '';
  const paragraphs = seeds.flatMap((t) => t.split(/\n\s*\n/)).filter((p) => p.trim().length > 60 && !/["“”]/.test(p));
  const encoder = new TextEncoder();
  const writes: Thenable<void>[] = [];
  for (let n = 0; n < count; n++) {
    const site = SITES[n % SITES.length] ?? 'site';
    const body: string[] = [];
    const quotes = 1 + Math.floor(rnd() * (3 + (n % SITES.length)));
    for (let q = 0; q < quotes; q++) {
      const words = rnd() < 0.5 ? pick(STATEMENTS) : `${pick(STATEMENTS).split(' ').slice(0, 6).join(' ')} and ${pick(STATEMENTS).toLowerCase()}`;
      body.push(`"${words}," ${voice()}, ${pick(CUES)} on ${pick(['Monday', 'Tuesday', 'Friday'])}.`);
      body.push(pick(paragraphs));
    }
    const text = [`${site.replace('-', ' ').toUpperCase()} | Home | World | Politics`, `Story ${n}`, ...body, `Copyright 2026 ${site}. All rights reserved.`, `Share this article on social media`].join('\n\n');
    writes.push(vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, site, `story-${String(n).padStart(4, '0')}.txt`), encoder.encode(`${text}\n`)));
  }
  await Promise.all(writes);
}
