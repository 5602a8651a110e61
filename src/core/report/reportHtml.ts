// The report's markup, shared by the webview (buttons that post `open` messages, a filter, Copy as
// CSV) and the command line's file (plain links to the articles, no script needed to read it).
import { barChart } from './barChart';
import type { ReportTableId } from './csv';
import { clip, escapeHtml, percent, plural } from './html';
import type { ArticlePlace, ListedTag, Outlet, ReportData, SharedStatement, Voice } from './reportData';
import { fold } from '../corpus/words';

export interface ReportMarkupOptions {
  /** `webview`: interactive controls for the panel's script; `file`: a self-contained document. */
  readonly mode: 'webview' | 'file';
  /** The link to an article in `file` mode (a relative path); unused in `webview` mode. */
  readonly hrefFor?: (path: string) => string;
  /** How an article path reads (relative to the report's folder). */
  readonly displayPath?: (path: string) => string;
}

const CHART_VOICES = 25;
const CHART_OUTLETS = 30;

function place(p: ArticlePlace, inner: string, o: ReportMarkupOptions): string {
  if (o.mode === 'webview') {
    return `<button type="button" class="place" data-path="${escapeHtml(p.path)}" data-start="${p.start}" data-end="${p.end}">${inner}</button>`;
  }
  const href = o.hrefFor ? o.hrefFor(p.path) : p.path;
  return `<a class="place" href="${escapeHtml(href)}">${inner}</a>`;
}

function shownPath(path: string, o: ReportMarkupOptions): string {
  return escapeHtml(o.displayPath ? o.displayPath(path) : path);
}

function tableTools(id: ReportTableId, o: ReportMarkupOptions): string {
  return o.mode === 'webview' ? `<button type="button" class="copy-csv" data-table="${id}">Copy as CSV</button>` : '';
}

function quoteItem(p: ArticlePlace, o: ReportMarkupOptions): string {
  return `<li>${place(p, `<q>${escapeHtml(clip(p.text, 300))}</q>`, o)} <span class="where">${shownPath(p.path, o)}</span></li>`;
}

/**
 * What the voice filter matches a typed name against: the name and its other spellings, folded as
 * the filter folds what is typed (media/report/report.js), so that "erdogan" finds "Erdoğan" and
 * "sergey" finds "Sergei Lavrov", whom some articles call Sergey.
 */
function filterText(v: Voice): string {
  return [v.name, ...v.spellings].map(fold).join('\n');
}

function voiceDetails(v: Voice, i: number, o: ReportMarkupOptions): string {
  const more = v.quotes > v.places.length ? `<p class="note">${v.places.length} of ${v.quotes} quotes shown.</p>` : '';
  const spellings = v.spellings.length > 0 ? `<p class="note">Also written ${v.spellings.map((n) => escapeHtml(n)).join(', ')}.</p>` : '';
  return `<details class="voice" id="voice-${i}" data-name="${escapeHtml(filterText(v))}"><summary><span class="name">${escapeHtml(v.name)}</span> <span class="kind">${v.kind}</span> <span class="counts">${plural(v.quotes, 'quote')} · ${plural(v.articles, 'article')}</span></summary>${spellings}<ul class="quotes">${v.places.map((p) => quoteItem(p, o)).join('')}</ul>${more}</details>`;
}

function voicesSection(data: ReportData, o: ReportMarkupOptions): string {
  const chart = barChart({
    title: 'Most quoted people and organisations',
    series: [
      { className: 'series-a', label: 'quotes' },
      { className: 'series-b', label: 'articles quoting them' },
    ],
    rows: data.voices.slice(0, CHART_VOICES).map((v, i) => ({ label: v.name, values: [v.quotes, v.articles], href: `#voice-${i}`, data: { voice: String(i) } })),
  });
  const filter = o.mode === 'webview' ? `<label class="filter">Filter <input type="search" id="voice-filter" placeholder="name"></label>` : '';
  const empty = data.voices.length === 0 ? '<p class="note">No quoted speakers found.</p>' : '';
  const listed = data.voiceCount > data.voices.length ? `<p class="note">The ${data.voices.length} most quoted of ${data.voiceCount} are listed.</p>` : '';
  return `<section id="voices"><h2>Voices</h2><p class="note">The most quoted people and organisations. Select a bar or a name to list the quotes; a quote opens the article there.</p>${empty}${data.voices.length > 0 ? chart : ''}<div class="tools">${filter}${tableTools('voices', o)}</div><div id="voice-list">${data.voices.map((v, i) => voiceDetails(v, i, o)).join('')}</div>${listed}</section>`;
}

/** A source as the archive writes it; a folder as paths are shown. */
function outletLabel(outlet: Outlet, o: ReportMarkupOptions): string {
  return outlet.by === 'folder' && o.displayPath ? o.displayPath(outlet.name) : outlet.name;
}

function outletsSection(data: ReportData, o: ReportMarkupOptions): string {
  const perArticle = (quotes: number, articles: number): number => Math.round((quotes / Math.max(1, articles)) * 10) / 10;
  const chart = barChart({
    title: 'Quotes per article, per outlet',
    series: [{ className: 'series-c', label: 'quotes per article' }],
    rows: data.outlets.slice(0, CHART_OUTLETS).map((x) => ({ label: outletLabel(x, o), values: [perArticle(x.quotes, x.articles)] })),
  });
  const rows = data.outlets
    .map((x) => `<tr><td>${escapeHtml(outletLabel(x, o))}</td><td>${x.by}</td><td class="n">${x.articles}</td><td class="n">${x.quotes}</td><td class="n">${perArticle(x.quotes, x.articles)}</td><td class="n">${percent(x.attributedShare)}</td><td class="n">${percent(x.boilerplateShare)}</td></tr>`)
    .join('');
  return `<section id="outlets"><h2>Outlets</h2><p class="note">Per source an archive export names for its articles, else per folder (usually one site): how much it quotes, how often a quote has a speaker, how much of its text is boilerplate.</p>${data.outlets.length > 0 ? chart : ''}<div class="tools">${tableTools('outlets', o)}</div><table id="table-outlets"><thead><tr><th>Outlet</th><th>By</th><th>Articles</th><th>Quotes</th><th>Quotes per article</th><th>With a speaker</th><th>Boilerplate</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function changesOf(v: SharedStatement['versions'][number]): string {
  if (v.relation === 'identical') return '<span class="relation">same words</span>';
  const words = v.changes
    .slice(0, 8)
    .map((c) => `${c.removed ? `<del>${escapeHtml(clip(c.removed, 80))}</del>` : ''}${c.added ? `<ins>${escapeHtml(clip(c.added, 80))}</ins>` : ''}`)
    .join(' ');
  return `<span class="relation">${v.relation}</span> ${words}`;
}

function statementItem(s: SharedStatement, o: ReportMarkupOptions): string {
  const [reference, ...others] = s.versions;
  if (!reference) return '';
  const versions = others.map((v) => `<li>${place(v, shownPath(v.path, o), o)} ${v.speaker ? `<span class="speaker">${escapeHtml(v.speaker)}</span> ` : ''}${changesOf(v)}</li>`).join('');
  const listed = s.versionCount > s.versions.length ? `<li class="note">${s.versions.length} of ${s.versionCount} versions listed.</li>` : '';
  return `<li class="statement"><p>${place(reference, `<q>${escapeHtml(clip(reference.text, 300))}</q>`, o)}</p><p class="counts">${plural(s.articles, 'article')} · ${plural(s.outlets, 'outlet')}${reference.speaker ? ` · <span class="speaker">${escapeHtml(reference.speaker)}</span>` : ''} · first in ${shownPath(reference.path, o)}</p><ul class="versions">${versions}${listed}</ul></li>`;
}

function statementsSection(data: ReportData, o: ReportMarkupOptions): string {
  const body = data.statements.length === 0 ? '<p class="note">No statement is quoted by more than one article.</p>' : `<ol class="statements">${data.statements.map((s) => statementItem(s, o)).join('')}</ol>`;
  return `<section id="statements"><h2>Shared statements</h2><p class="note">Statements quoted by several articles, most outlets first, with how each version's wording differs from the first.</p><div class="tools">${tableTools('statements', o)}</div>${body}</section>`;
}

const CHART_MONTHS = 60;

function timelineSection(data: ReportData, o: ReportMarkupOptions): string {
  const { months, undated, outside } = data.timeline;
  const dated = months.reduce((n, m) => n + m.articles, 0);
  const outsideNote = outside > 0 ? ` ${plural(outside, 'article')} dated outside these ${plural(months.length, 'month')} (a date far from all others, perhaps mistyped) ${outside === 1 ? 'is' : 'are'} not shown.` : '';
  const undatedNote = `${outsideNote}${undated > 0 ? ` ${plural(undated, 'article')} without a date (ordinary article files carry none) ${undated === 1 ? 'is' : 'are'} not shown.` : ''}`;
  if (months.length === 0) return `<section id="timeline"><h2>Timeline</h2><p class="note">No article has a publication date the report can read: dates come from the metadata of archive exports.${undatedNote}</p></section>`;
  const chart = barChart({
    title: 'Articles and quotes per month',
    series: [
      { className: 'series-a', label: 'articles' },
      { className: 'series-b', label: 'quotes' },
    ],
    rows: months.slice(-CHART_MONTHS).map((m) => ({ label: m.month, values: [m.articles, m.quotes] })),
  });
  const rows = months.map((m) => `<tr><td>${m.month}</td><td class="n">${m.articles}</td><td class="n">${m.quotes}</td></tr>`).join('');
  return `<section id="timeline"><h2>Timeline</h2><p class="note">${plural(dated, 'article')} by the publication date in their archive metadata.${undatedNote}</p>${chart}<div class="tools">${tableTools('timeline', o)}</div><table id="table-timeline"><thead><tr><th>Month</th><th>Articles</th><th>Quotes</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function tagList(id: 'flagged' | 'orphaned', title: string, tags: readonly ListedTag[], count: number, o: ReportMarkupOptions): string {
  if (tags.length === 0) return `<h3>${title}</h3><p class="note">None.</p>`;
  const listed = count > tags.length ? `<p class="note">The first ${tags.length} of ${count} are listed.</p>` : '';
  const items = tags.map((t) => `<li>${place(t, `<span class="label-name">${escapeHtml(t.label)}</span> <q>${escapeHtml(clip(t.text, 200))}</q>`, o)} <span class="where">${shownPath(t.path, o)} · ${escapeHtml(t.author)}</span></li>`).join('');
  return `<h3>${title}</h3><div class="tools">${tableTools(id, o)}</div><ul class="tags" id="list-${id}">${items}</ul>${listed}`;
}

function taggingSection(data: ReportData, o: ReportMarkupOptions): string {
  const t = data.tagging;
  const countChart = (title: string, rows: ReportData['tagging']['byLabel']): string =>
    rows.length === 0 ? '<p class="note">No tags yet.</p>' : barChart({ title, series: [{ className: 'series-a', label: 'tags' }], rows: rows.slice(0, 20).map((r) => ({ label: r.name, values: [r.count] })) });
  const unreadable = t.unreadable.length === 0 ? '' : `<h3>Sidecars that could not be read</h3><ul class="tags">${t.unreadable.map((u) => `<li>${shownPath(u.path, o)}: ${escapeHtml(u.error)}</li>`).join('')}</ul>`;
  return `<section id="tagging"><h2>Tagging progress</h2><dl class="figures"><div><dt>Articles with tags</dt><dd>${t.tagged}</dd></div><div><dt>Without tags</dt><dd>${t.untagged}</dd></div><div><dt>Detections accepted</dt><dd>${t.accepted}</dd></div><div><dt>Detections rejected</dt><dd>${t.rejected}</dd></div><div><dt>Flagged for review</dt><dd>${t.flaggedCount}</dd></div><div><dt>Orphaned</dt><dd>${t.orphanedCount}</dd></div></dl><h3>Tags per label</h3><div class="tools">${tableTools('labels', o)}</div>${countChart('Tags per label', t.byLabel)}<h3>Tags per author</h3><div class="tools">${tableTools('authors', o)}</div>${countChart('Tags per author', t.byAuthor)}${tagList('flagged', 'Flagged tags', t.flagged, t.flaggedCount, o)}${tagList('orphaned', 'Orphaned tags', t.orphaned, t.orphanedCount, o)}${unreadable}</section>`;
}

/** The report's body: a header with the totals, then the sections. */
export function reportBody(data: ReportData, title: string, o: ReportMarkupOptions): string {
  const save = o.mode === 'webview' ? '<button type="button" id="save-html">Save as HTML</button>' : '';
  const nav = '<nav><a href="#voices">Voices</a> <a href="#outlets">Outlets</a> <a href="#statements">Shared statements</a> <a href="#timeline">Timeline</a> <a href="#tagging">Tagging progress</a></nav>';
  return `<header><h1>${escapeHtml(title)}</h1><p class="totals">${plural(data.articles, 'article')} · ${plural(data.quotes, 'quote')} · ${plural(data.voiceCount, 'voice')} · ${plural(data.outlets.length, 'outlet')}</p>${save}${nav}</header><main>${voicesSection(data, o)}${outletsSection(data, o)}${statementsSection(data, o)}${timelineSection(data, o)}${taggingSection(data, o)}</main>`;
}

/** The whole report as one self-contained HTML document (inline CSS and SVG, no script). */
export function reportDocument(data: ReportData, title: string, css: string, o: Omit<ReportMarkupOptions, 'mode'>): string {
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${css}</style></head><body class="report-file">${reportBody(data, title, { ...o, mode: 'file' })}</body></html>\n`;
}
