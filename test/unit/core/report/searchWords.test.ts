// Quote search and the report's voice filter on ordinary news spellings.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { analyze } from '../../../../src/core/analysis/analyze';
import { QuoteSearchIndex } from '../../../../src/core/corpus/quoteSearch';
import { summariseArticle } from '../../../../src/core/corpus/summary';
import { fold } from '../../../../src/core/corpus/words';
import { buildReport } from '../../../../src/core/report/reportData';
import { reportBody } from '../../../../src/core/report/reportHtml';
import { repoRoot } from '../analysis/helpers';
import { withSpeakers } from '../corpus/corpusFixtures';

const summaryOf = (p: string, text: string) => summariseArticle(text, analyze(text), { path: p, folder: 'site' });

/** The voice filter's folding of what is typed, as the webview script (media/report/report.js) defines it. */
function scriptFold(): (text: string) => string {
  const script = fs.readFileSync(path.join(repoRoot(), 'media', 'report', 'report.js'), 'utf8');
  const table = /const SPECIAL_LETTERS = [^;]+;/.exec(script)?.[0];
  const fn = /function foldName\(text\) \{[\s\S]*?\n {2}\}/.exec(script)?.[0];
  assert.ok(table && fn, 'report.js defines SPECIAL_LETTERS and foldName');
  return vm.runInNewContext(`${table}\n${fn}\nfoldName;`) as (text: string) => string;
}

describe('quote search words', () => {
  it('finds "Ukraine" in a quote that says "Ukraine\'s", and "Ukraine’s" by its own words', () => {
    const s = summaryOf('site/a.txt', 'News\n\n"We will defend Ukraine\'s sovereignty and its borders to the end," said Maria Lopez.\n');
    const t = summaryOf('site/b.txt', 'News\n\n“Nobody will take Ukraine’s ports from it, not this year and not later,” said Maria Lopez.\n');
    assert.equal(s.quotes.length, 1);
    const index = new QuoteSearchIndex([s, t]);
    assert.equal(index.search({ words: 'Ukraine' }).length, 2);
    assert.equal(index.search({ words: 'Ukraine’s ports' })[0]?.path, 'site/b.txt');
  });
});

describe('report voice filter (media/report/report.js)', () => {
  const foldName = scriptFold();
  /** The voices the script shows for a typed filter: data-name holds what is typed, folded. */
  const shown = (html: string, filter: string): string[] =>
    [...html.matchAll(/<details class="voice" id="(voice-\d+)" data-name="([^"]*)"/g)].filter((m) => (m[2] ?? '').includes(foldName(filter.trim()))).map((m) => m[1] ?? '');

  it('folds what is typed as the report folds names', () => {
    for (const name of ['Erdoğan', 'ŁÓDŹ', 'Øster Straße', 'O’Neill', 'Ævar Þór', 'govern\u00adment', 'Zoë', 'plain words']) assert.equal(foldName(name), fold(name), name);
  });

  it('finds "Erdoğan" when the fact-checker types "erdogan"', () => {
    const html = reportBody(buildReport([withSpeakers('site/a.txt', ['Recep Tayyip Erdoğan'])], []), 'R', { mode: 'webview' });
    assert.deepEqual(shown(html, 'Erdogan'), ['voice-0']);
    assert.deepEqual(shown(html, 'Erdoğan'), ['voice-0']);
    assert.deepEqual(shown(html, 'Lopez'), []);
  });

  it('finds a person by a variant of the name the articles use ("Sergey" for "Sergei Lavrov"), and shows the variants', () => {
    const html = reportBody(buildReport([withSpeakers('site/a.txt', ['Sergei Lavrov']), withSpeakers('site/b.txt', ['Sergei Lavrov']), withSpeakers('site/c.txt', ['Sergey Lavrov'])], []), 'R', { mode: 'webview' });
    assert.match(html, /<span class="name">Sergei Lavrov<\/span>/);
    assert.match(html, /Also written Sergey Lavrov\./);
    assert.deepEqual(shown(html, 'sergey'), ['voice-0']);
  });
});
