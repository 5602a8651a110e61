import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { barChart } from '../../../../src/core/report/barChart';
import { escapeHtml } from '../../../../src/core/report/html';
import type { ReportData } from '../../../../src/core/report/reportData';
import { buildReport } from '../../../../src/core/report/reportData';
import { reportBody, reportDocument } from '../../../../src/core/report/reportHtml';
import { summariseText } from '../corpus/corpusFixtures';
import { projectRoot } from '../../support/fixtureFiles';
import { fixtureSummaries } from './reportFixtures';

const CRAFTED = '<img src=x onerror=alert(1)>';

/** Every tag the markup opens, by name. */
function tagNames(html: string): Set<string> {
  return new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => (m[1] ?? '').toLowerCase()));
}

function craftedReport(): ReportData {
  const data = buildReport(fixtureSummaries(), []);
  const voice = data.voices[0];
  assert.ok(voice);
  const place = { path: `evil"${CRAFTED}.txt`, start: 0, end: 5, text: `"</q><script>alert(1)</script>` };
  return {
    ...data,
    voices: [{ ...voice, name: CRAFTED, places: [place] }],
    outlets: [{ name: `<b onmouseover=x>`, by: 'source', articles: 1, quotes: 1, attributedShare: 0.5, boilerplateShare: 0.25 }],
    tagging: { ...data.tagging, byAuthor: [{ name: CRAFTED, count: 2 }], flagged: [{ ...place, id: 'a', label: '<svg onload=x>', author: CRAFTED, status: 'active', flagged: true }] },
  };
}

describe('report markup', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  for (const mode of ['webview', 'file'] as const) {
    it(`keeps crafted names, paths and quotes inert (${mode})`, () => {
      const html = mode === 'file' ? reportDocument(craftedReport(), 'T <i>', '', { hrefFor: (p) => p }) : reportBody(craftedReport(), 'T <i>', { mode });
      const tags = tagNames(html);
      for (const bad of ['img', 'script', 'b', 'i']) assert.ok(!tags.has(bad), `<${bad}> made it into the markup`);
      // Text never holds a raw quote mark, so dropping quoted values leaves only real attribute names.
      const names = html.replace(/"[^"]*"/g, '""');
      assert.ok(!/<[^>]*\son[a-z]+\s*=/i.test(names), 'an event handler attribute');
      assert.ok(html.includes(escapeHtml(CRAFTED)));
      // SVG carries no style or script of its own: colours come from classes.
      assert.ok(!/<[^>]* style=/.test(html));
    });
  }

  it('isolates every name, quote, path and label, so a direction mark in one cannot turn the text around it', () => {
    const RLO = '\u202e';
    const data = buildReport(fixtureSummaries(), []);
    const voice = data.voices[0];
    assert.ok(voice);
    const place = { path: `a${RLO}b.txt`, start: 0, end: 5, text: `much ${RLO} money`, speaker: `Ana${RLO}` };
    const report: ReportData = {
      ...data,
      voices: [{ ...voice, name: `Bo${RLO}`, places: [place] }],
      tagging: { ...data.tagging, flagged: [{ ...place, id: 'a', label: `x${RLO}`, author: `ana${RLO}`, status: 'active', flagged: true }] },
    };
    const css = fs.readFileSync(path.join(projectRoot(), 'media', 'report', 'report.css'), 'utf8');
    const isolated = /([^{}]+)\{\s*unicode-bidi:\s*isolate;\s*\}/.exec(css.replace(/\/\*[^]*?\*\//g, ''))?.[1]?.split(',').map((sel) => sel.trim()) ?? [];
    const html = reportDocument(report, 'T', css, { hrefFor: (p) => p });
    const body = html.slice(html.indexOf('<body'));
    const marks = [...body.matchAll(new RegExp(RLO, 'g'))];
    assert.ok(marks.length >= 5);
    for (const m of marks) {
      // The innermost element the mark is written in.
      const before = body.slice(0, m.index);
      // In an attribute (an aria-label): read, not laid out.
      if (before.lastIndexOf('<') > before.lastIndexOf('>')) continue;
      const open = [...before.matchAll(/<(\/?)([a-z]+)([^>]*)>/g)].reduce<string[]>((stack, t) => (t[1] === '/' ? stack.slice(0, stack.lastIndexOf(t[2] ?? '')) : [...stack, `${t[2] ?? ''}${t[3] ?? ''}`]), []);
      const inner = open[open.length - 1] ?? '';
      // A tooltip or a label of the charts (an SVG text is laid out on its own): no other words beside it.
      if (inner === 'title' || inner.startsWith('text ')) continue;
      const cls = /class="([^"]+)"/.exec(inner)?.[1];
      const selector = cls ? `.${cls.split(' ')[0] ?? ''}` : (inner.split(' ')[0] ?? '');
      assert.ok(isolated.includes(selector), `${JSON.stringify(body.slice(Math.max(0, (m.index ?? 0) - 60), (m.index ?? 0) + 5))} is in <${inner}>, not isolated`);
    }
  });

  it('draws one bar per value and one legend swatch per series, scaled to the largest value', () => {
    const svg = barChart({
      title: 'T',
      series: [
        { className: 'series-a', label: 'quotes' },
        { className: 'series-b', label: 'articles' },
      ],
      rows: [
        { label: 'A', values: [10, 2], href: '#voice-0', data: { voice: '0' } },
        { label: 'B', values: [5, 0] },
      ],
    });
    const widths = [...svg.matchAll(/<rect class="bar series-[ab]" x="220" y="\d+" width="(\d+)" height="9"/g)].map((m) => Number(m[1]));
    assert.deepEqual(widths, [484, 97, 242, 0]);
    assert.equal((svg.match(/<rect /g) ?? []).length, 2 + 4);
    assert.match(svg, /<a class="row link" href="#voice-0" data-voice="0" aria-label="A: quotes 10, articles 2">/);
  });

  it('makes the file a whole document with inline CSS, relative links and no script', () => {
    const data = buildReport([summariseText('/corpus/site a/x.txt', '"We will rebuild the old bridge before winter comes," said Maria Lopez.\n', '/corpus/site a')], []);
    const html = reportDocument(data, 'Report', 'body{color:red}', { hrefFor: (p) => p.replace('/corpus/', '').replace(/ /g, '%20') });
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<style>body\{color:red\}<\/style>/);
    assert.match(html, /<a class="place" href="site%20a\/x.txt"><q>We will rebuild/);
    assert.ok(!html.includes('<script'));
    assert.ok(!html.includes('Copy as CSV') && !html.includes('save-html'));
  });

  it('gives the webview buttons that carry the place to open', () => {
    const html = reportBody(buildReport(fixtureSummaries(), []), 'R', { mode: 'webview' });
    assert.match(html, /<button type="button" class="place" data-path="siteA\/a1.txt" data-start="15" data-end="66">/);
    assert.match(html, /<button type="button" class="copy-csv" data-table="voices">Copy as CSV<\/button>/);
    assert.match(html, /id="voice-filter"/);
  });
});
