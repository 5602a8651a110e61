// Human-readable output of `source-annotator corpus`. Article text is shown with control and
// bidirectional characters escaped, so a crafted article cannot rewrite the terminal.
import * as fs from 'node:fs';
import type { CorpusPerson } from '../../core/corpus/people';
import type { QuoteGroup, QuoteVersion } from '../../core/corpus/quoteGroups';
import type { QuoteHit } from '../../core/corpus/quoteSearch';
import type { RepeatedLine } from '../../core/corpus/repeatedLines';
import type { CorpusReport } from '../../core/corpus/report';
import type { ArticleSummary } from '../../core/corpus/summary';
import { escapeControls } from '../../core/corpus/words';
import { lastAtOrBefore } from '../../core/text/sortedSearch';

const SHOWN_TEXT = 100;
/** The readable output stays readable on a large corpus; --json has everything. */
const SHOWN_PEOPLE = 200;
const SHOWN_GROUPS = 100;
const SHOWN_VERSIONS = 12;
const SHOWN_LINES_PER_FOLDER = 20;

/** The first `max` items rendered, then one line saying how many more there are. */
function capped<T>(items: readonly T[], max: number, render: (item: T) => string[], indent: string): string[] {
  const out = items.slice(0, max).flatMap(render);
  if (items.length > max) out.push(`${indent}… and ${items.length - max} more (--json lists all)`);
  return out;
}

/** Articles kept read at once: output visits them folder by folder, so a few suffice and memory stays flat. */
const CACHED_ARTICLES = 32;

/** Line numbers and line text of the articles the output points into, read again on demand. */
export class ArticleLines {
  private readonly cache = new Map<string, { text: string; starts: number[] } | null>();
  /** Article id (`file#N`) → the file and how the article is named after its place. */
  private readonly archived = new Map<string, { readonly file: string; readonly label: string }>();

  constructor(articles: readonly ArticleSummary[] = []) {
    for (const a of articles) {
      if (!a.origin) continue;
      const headline = a.origin.headline === undefined ? '' : ` “${shown(a.origin.headline)}”`;
      this.archived.set(a.path, { file: a.origin.file, label: ` (article ${a.origin.number}${headline})` });
    }
  }

  private load(path: string): { text: string; starts: number[] } | null {
    if (!this.cache.has(path)) {
      if (this.cache.size >= CACHED_ARTICLES) this.cache.delete(this.cache.keys().next().value ?? '');
      try {
        const text = fs.readFileSync(path, 'utf8');
        const starts = [0];
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
        this.cache.set(path, { text, starts });
      } catch {
        this.cache.set(path, null);
      }
    }
    return this.cache.get(path) ?? null;
  }

  /**
   * `path:line:column` (1-based) of an offset, or `path@offset` when the file cannot be read again;
   * for an article of an export, its file's place followed by the article's number and headline.
   */
  where(id: string, offset: number): string {
    const article = this.archived.get(id);
    const path = article?.file ?? id;
    return `${this.place(path, offset)}${article?.label ?? ''}`;
  }

  private place(path: string, offset: number): string {
    const f = this.load(path);
    if (!f) return `${escapeControls(path)}@${offset}`;
    const lo = lastAtOrBefore(f.starts, offset);
    return `${escapeControls(path)}:${lo + 1}:${offset - (f.starts[lo] ?? 0) + 1}`;
  }

  slice(id: string, start: number, end: number): string {
    return this.load(this.archived.get(id)?.file ?? id)?.text.slice(start, end) ?? '';
  }
}

function shown(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return escapeControls(flat.length > SHOWN_TEXT ? `${flat.slice(0, SHOWN_TEXT - 1)}…` : flat);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function personLine(p: CorpusPerson): string {
  const others = p.variants.filter((v) => v.name !== p.name).map((v) => `${escapeControls(v.name)} (${v.quotes})`);
  const kind = p.kind === 'organisation' ? ' [organisation]' : '';
  return `  ${escapeControls(p.name)}${kind}: ${plural(p.quotes, 'quote')} in ${plural(p.articles.length, 'article')}${others.length > 0 ? `; also written ${others.join(', ')}` : ''}`;
}

function versionLines(v: QuoteVersion, lines: ArticleLines): string[] {
  const who = v.speaker === null ? '' : ` (${escapeControls(v.speaker)})`;
  const out = [`    ${lines.where(v.path, v.start)}${who}: ${v.relation}`];
  for (const c of v.changes) out.push(`      “${escapeControls(c.removed)}” → “${escapeControls(c.added)}”`);
  return out;
}

function groupLines(g: QuoteGroup, lines: ArticleLines): string[] {
  const first = g.versions[0];
  if (!first) return [];
  return [`  “${shown(first.text)}” in ${plural(g.articles, 'article')}`, ...capped(g.versions, SHOWN_VERSIONS, (v) => versionLines(v, lines), '    ')];
}

function repeatedLines(list: readonly RepeatedLine[], lines: ArticleLines): string[] {
  const byFolder = new Map<string, RepeatedLine[]>();
  for (const r of list) {
    const rows = byFolder.get(r.folder);
    if (rows) rows.push(r);
    else byFolder.set(r.folder, [r]);
  }
  return [...byFolder].flatMap(([folder, rows]) => [
    `  ${escapeControls(folder)}`,
    ...capped(
      rows,
      SHOWN_LINES_PER_FOLDER,
      (r) => [`    ${r.count}× ${shown(lines.slice(r.example.path, r.example.start, r.example.end))}${r.alreadyNoise >= 0.5 ? ' (already boilerplate)' : ''}`],
      '    ',
    ),
  ]);
}

export function corpusText(report: CorpusReport, lines: ArticleLines): string {
  const persons = report.people.filter((p) => p.kind === 'person').length;
  const out = [
    `${plural(report.articles, 'article')}, ${plural(report.quotes, 'quote')}, ${plural(persons, 'person')}, ${plural(report.people.length - persons, 'organisation')}`,
    '',
    'People (most quoted first):',
    ...capped(report.people, SHOWN_PEOPLE, (p) => [personLine(p)], '  '),
    '',
    `Same quote in several articles (${report.quoteGroups.length}):`,
    ...capped(report.quoteGroups, SHOWN_GROUPS, (g) => groupLines(g, lines), '  '),
    '',
    `Repeated lines (in at least 3 articles of a folder: ${report.repeatedLines.length}):`,
    ...repeatedLines(report.repeatedLines, lines),
  ];
  return out.join('\n');
}

export function searchText(hits: readonly QuoteHit[], lines: ArticleLines): string {
  if (hits.length === 0) return 'no matching quotes';
  return hits
    .map((h) => {
      const who = h.person ?? h.speaker;
      return `${lines.where(h.path, h.start)}${who === null ? '' : ` (${escapeControls(who)})`}: “${shown(h.text)}”`;
    })
    .join('\n');
}
