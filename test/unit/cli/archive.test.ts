// The commands that analyse treat each article of an archive export as an article: its own id
// (`file#N`), its metadata in their rows, and article counts that count articles, not files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readProjectFile } from '../support/fixtureFiles';
import { COUNCIL_EXPORT, lexisNexisExport } from '../core/archive/lexisNexisExport';
import { makeTempFolder, run } from './cliHarness';

interface ArticleRow {
  file: string;
  article?: string;
  number?: number;
  start?: number;
  end?: number;
  fields?: Record<string, string>;
  quotes: { start: number; end: number; speakerId: string | null }[];
  speakers: { id: string; name: string }[];
  articles?: unknown;
}

const rows = (out: string): ArticleRow[] => out.trim().split('\n').map((l) => JSON.parse(l) as ArticleRow);

const CUSTOM = 'Tram line to reopen\n\n“We are nearly done,” said Ines Moreau, the works manager.\n\n=====\nBakery wins prize\n\n“Flour, water and time,” said Karl Brandt, the baker.\n\n=====\nStorm closes bridge\n\nThe bridge stays shut until Friday.\n';

describe('archive exports on the command line', () => {
  let tmp = '';
  beforeEach(() => {
    tmp = makeTempFolder();
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe('analyze', () => {
    const refused: [string, RegExp][] = [
      ['(', /^source-annotator analyze: The separator pattern "\(" is not a valid regular expression/],
      ['^\\s*$', /^source-annotator analyze: The separator pattern .* matches a blank line/],
      ['^(?=S)(a+)+$', /^source-annotator analyze: The separator pattern .* could take exponential time .* look-around or back-reference/],
      ['', /^source-annotator analyze: --separator needs a regular expression$/m],
    ];
    for (const [pattern, message] of refused) {
      it(`refuses --separator ${JSON.stringify(pattern)} as a usage error with one clear line`, async () => {
        const r = await run(['analyze', '--separator', pattern, tmp]);
        assert.equal(r.status, 2);
        assert.equal(r.out, '');
        const [first] = r.err.split('\n');
        assert.match(first ?? '', message);
        for (const command of ['corpus', 'report', 'export']) {
          const other = await run([command, ...(command === 'export' ? ['--format', 'csv', '--out', tmp] : []), `--separator=${pattern}`, tmp]);
          assert.equal(other.status, 2, `${command}: ${other.err}`);
        }
      });
    }

    for (const jobs of ['1', '2']) {
      it(`gives one JSON line per article of an export, with its id, place and fields (--jobs ${jobs})`, async () => {
        const file = path.join(tmp, 'ln.txt');
        const text = readProjectFile('test', 'fixtures', 'archive', 'lexisnexis.txt');
        fs.writeFileSync(file, text);
        fs.writeFileSync(path.join(tmp, 'plain.txt'), readProjectFile('test', 'fixtures', 'archive', 'ordinary-end-of-document.txt'));
        const r = await run(['analyze', '--json', '--jobs', jobs, tmp]);
        assert.equal(r.status, 0, r.err);
        const lines = rows(r.out);
        assert.deepEqual(lines.map((l) => l.article ?? l.file), [`${file}#1`, `${file}#2`, `${file}#3`, path.join(tmp, 'plain.txt')]);
        const second = lines[1];
        assert.equal(second?.number, 2);
        assert.deepEqual([second?.fields?.['source'], second?.fields?.['date'], second?.fields?.['byline'], second?.fields?.['headline']], ['Northern Ledger', 'March 5, 2024 Tuesday', 'Tom Eriksen', 'Rail operator fined over winter cancellations']);
        for (const l of lines.slice(0, 3)) {
          for (const q of l.quotes) assert.ok(q.start >= (l.start ?? -1) && q.end <= (l.end ?? -1), 'offsets are the file’s, inside the article');
          for (const q of l.quotes) if (q.speakerId !== null) assert.ok(l.speakers.some((s) => s.id === q.speakerId));
        }
        assert.equal(text.slice(second?.quotes[0]?.start, second?.quotes[0]?.end), 'This was not an act of nature,');
        assert.equal(lines[3]?.article, undefined, 'an ordinary file is one line as before');
        assert.equal(lines[3]?.articles, undefined);
      });
    }

    it('cuts a file at a custom separator, and not without it', async () => {
      const file = path.join(tmp, 'clips.txt');
      fs.writeFileSync(file, CUSTOM);
      const cut = rows((await run(['analyze', '--json', '--separator', '^={5,}$', file])).out);
      assert.deepEqual(cut.map((l) => [l.article, l.fields?.['headline']]), [
        [`${file}#1`, 'Tram line to reopen'],
        [`${file}#2`, 'Bakery wins prize'],
        [`${file}#3`, 'Storm closes bridge'],
      ]);
      assert.deepEqual(cut.map((l) => l.speakers.map((s) => s.name)), [['Ines Moreau'], ['Karl Brandt'], []]);
      const whole = rows((await run(['analyze', '--json', file])).out);
      assert.equal(whole.length, 1);
      const summary = await run(['analyze', '--separator=^={5,}$', file]);
      assert.match(summary.out, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#2 “Bakery wins prize”\n  1 quotes, 1 speakers`, 'm'));
    });

    it('prints each article of an export with its headline, source and date', async () => {
      const file = path.join(tmp, 'nu.txt');
      fs.writeFileSync(file, readProjectFile('test', 'fixtures', 'archive', 'nexis-uni.txt'));
      const r = await run(['analyze', file]);
      assert.equal(r.status, 0, r.err);
      assert.match(r.out, /nu\.txt#1 “Wind farm plan clears final hurdle” \(The Coastal Observer, April 2, 2024 Tuesday\)\n {2}1 quotes, 1 speakers/);
      assert.match(r.out, /nu\.txt#2 “Hospital waiting lists fall for third month” \(Midlands Daily Record, April 3, 2024 Wednesday\)/);
    });
  });

  describe('corpus and report', () => {
    beforeEach(() => {
      fs.mkdirSync(path.join(tmp, 'exports'));
      fs.writeFileSync(path.join(tmp, 'exports', 'council.txt'), lexisNexisExport(COUNCIL_EXPORT));
      fs.mkdirSync(path.join(tmp, 'web'));
      fs.writeFileSync(path.join(tmp, 'web', 'abernethy.txt'), 'Sea wall\n\n“Nobody on the eastern shore should fear the next winter storm,” said Ruth Abernethy.\n');
    });

    it('corpus counts articles and names each article of an export', async () => {
      const r = await run(['corpus', '--json', '--jobs', '2', tmp]);
      assert.equal(r.status, 0, r.err);
      const report = JSON.parse(r.out) as { articles: number; people: { name: string; articles: string[] }[]; quoteGroups: { articles: number; versions: { path: string }[] }[] };
      assert.equal(report.articles, 4);
      const council = path.join(tmp, 'exports', 'council.txt');
      assert.deepEqual(report.people.find((p) => /Abernethy/.test(p.name))?.articles, [`${council}#1`, `${council}#3`, path.join(tmp, 'web', 'abernethy.txt')]);
      assert.equal(report.quoteGroups[0]?.articles, 3);
      const text = await run(['corpus', '--jobs', '1', tmp]);
      assert.match(text.out, /^4 articles, /);
      assert.match(text.out, /Abernethy: 3 quotes in 3 articles/);
      const search = await run(['corpus', '--jobs', '1', '--search', 'boardroom', tmp]);
      assert.match(search.out, /council\.txt:\d+:\d+ \(article 2 “Rail operator fined over winter cancellations”\): “The cancellations were a choice made in the boardroom,”/);
    });

    it('report counts articles, draws the timeline from their dates and links an article to its file', async () => {
      const out = path.join(tmp, 'report.html');
      const r = await run(['report', '--jobs', '1', '--out', out, tmp]);
      assert.equal(r.status, 0, r.err);
      assert.match(r.err, /report of 4 articles written/);
      const html = fs.readFileSync(out, 'utf8');
      assert.match(html, /4 articles · /);
      assert.match(html, /<section id="timeline">.*3 articles by the publication date.*<td>2024-04<\/td><td class="n">2<\/td>/s);
      assert.match(html, /<a class="place" href="exports\/council\.txt"><q>Nobody on the eastern shore should fear/);
      assert.doesNotMatch(html, /href="[^"]*%23/, 'no link to a file named with its article number');
    });
  });

  it('export: CSV rows name the article of each tag and its metadata', async () => {
    const text = readProjectFile('test', 'fixtures', 'archive', 'factiva.txt');
    const file = path.join(tmp, 'factiva.txt');
    fs.writeFileSync(file, text);
    const out = path.join(tmp, 'out');
    const r = await run(['export', '--format', 'csv', '--out', out, file]);
    assert.equal(r.status, 0, r.err);
    assert.match(r.out, /exported 0 tags of 3 articles as csv/);
    const header = fs.readFileSync(path.join(out, 'annotations.csv'), 'utf8').split('\r\n')[0];
    assert.match(header ?? '', /,article,source,date,byline,headline,section$/);
  });
});
