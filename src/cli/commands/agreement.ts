// `source-annotator agreement`: how far annotators agree, per label and overall: span F1 (exact and
// overlap) and Krippendorff's αu, between the authors within the sidecars or between two copies of
// a corpus.
import { escapeForTerminal as show } from '../terminalText';
import { jsonText } from '../terminalText';
import * as fs from 'node:fs';
import type { Annotation } from '../../core/annotations/model/types';
import { pairAgreement } from '../../core/interchange/spanAgreement';
import type { ComparedArticle, LabelAgreement, PairAgreement, Span } from '../../core/interchange/spanAgreement';
import type { CliCommand, CliIo } from '../io';
import { UsageError } from '../io';
import { collectArticles, describeSidecarErrors, readArticle, readSidecar, splitOptions } from './interchangeFiles';

export const AGREEMENT_USAGE = `Usage: source-annotator agreement [--by author] [--json] [files or folders...]
       source-annotator agreement [--json] DIR_A DIR_B

Agreement between annotators, per label and overall: span F1 with exact boundaries and with
overlap (same label, one-to-one), Krippendorff's unitized alpha (αu), and the spans matched and
unmatched on each side.
  --by author   compare the authors of the tags within the sidecars (the default): each pair of
                authors over the articles both tagged
  DIR_A DIR_B   compare two copies of a corpus (two folders): articles matched by relative path
  --json        one JSON object instead of tables
Only active tags count (not orphaned or rejected ones).`;

interface Annotated {
  readonly name: string;
  readonly length: number;
  readonly annotations: readonly Annotation[];
}

interface Comparison {
  readonly first: string;
  readonly second: string;
  readonly result: PairAgreement;
}

function spans(annotations: readonly Annotation[], author?: string): Span[] {
  return annotations.filter((a) => a.status === 'active' && (author === undefined || a.author === author)).map((a) => ({ start: a.start, end: a.end, label: a.label }));
}

/** Every article's active tags; a sidecar with problems is reported and its article left out. */
function readCorpus(inputs: readonly string[], io: CliIo): { articles: Annotated[]; failed: boolean } {
  const { articles, problems } = collectArticles(inputs);
  let failed = problems.length > 0;
  const report = (line: string): void => {
    io.err(`source-annotator: ${line}`);
    failed = true;
  };
  for (const line of problems) io.err(`source-annotator: ${line}`);
  const read: Annotated[] = [];
  for (const article of articles) {
    const text = readArticle(article, report);
    if (text === undefined) continue;
    const sidecar = readSidecar(article.absolute, text);
    if (sidecar.kind === 'bad') {
      io.err(`${describeSidecarErrors(sidecar)}\n${show(article.name)}: left out, its sidecar has problems`);
      failed = true;
      continue;
    }
    read.push({ name: article.name, length: text.length, annotations: sidecar.kind === 'ok' ? sidecar.set.annotations : [] });
  }
  return { articles: read, failed };
}

function byAuthor(articles: readonly Annotated[]): Comparison[] {
  const authors = [...new Set(articles.flatMap((a) => a.annotations.filter((t) => t.status === 'active').map((t) => t.author)))].sort();
  const comparisons: Comparison[] = [];
  for (const [i, first] of authors.entries()) {
    for (const second of authors.slice(i + 1)) {
      const tagged = (a: Annotated, author: string): boolean => a.annotations.some((t) => t.status === 'active' && t.author === author);
      const shared = articles.filter((a) => tagged(a, first) && tagged(a, second));
      const compared: ComparedArticle[] = shared.map((a) => ({ name: a.name, length: a.length, first: spans(a.annotations, first), second: spans(a.annotations, second) }));
      comparisons.push({ first, second, result: pairAgreement(compared) });
    }
  }
  return comparisons;
}

function twoCopies(first: readonly Annotated[], second: readonly Annotated[], io: CliIo): ComparedArticle[] {
  const other = new Map(second.map((a) => [a.name, a]));
  const compared: ComparedArticle[] = [];
  for (const a of first) {
    const b = other.get(a.name);
    if (b === undefined) continue;
    if (b.length !== a.length) io.err(`${a.name}: the two copies differ in length; compared by offsets as they are`);
    compared.push({ name: a.name, length: Math.max(a.length, b.length), first: spans(a.annotations), second: spans(b.annotations) });
  }
  const unmatched = first.length + second.length - 2 * compared.length;
  if (unmatched > 0) io.err(`${unmatched} articles are in only one of the two folders and were left out`);
  return compared;
}

const number = (value: number): string => (Number.isNaN(value) ? '–' : value.toFixed(3));

function table(comparison: Comparison): string {
  const { first, second, result } = comparison;
  const header = ['label', 'exact F1', 'overlap F1', 'αu', 'matched', `only ${first}`, `only ${second}`];
  const row = (name: string, a: LabelAgreement): string[] => [name, number(a.exact.f1), number(a.overlap.f1), number(a.alpha), String(a.overlap.matched), String(a.overlap.onlyFirst), String(a.overlap.onlySecond)];
  const rows = [header, ...Object.entries(result.labels).map(([label, a]) => row(label, a)), row('all labels', result.overall)];
  const widths = header.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const lines = rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  '));
  return `${first} vs ${second}: ${result.articles} articles\n${lines.join('\n')}\n(matched and only-one-side counts at the overlap level)`;
}

/** NaN (nothing to compare) becomes null in JSON. */
function toJson(comparisons: readonly Comparison[]): string {
  return jsonText({ pairs: comparisons.map((c) => ({ first: c.first, second: c.second, ...c.result })) }, (_, v: unknown) => (typeof v === 'number' && Number.isNaN(v) ? null : v), 2);
}

function runAgreement(argv: readonly string[], io: CliIo): Promise<number> {
  const options = splitOptions(argv, ['--by'], ['--json']);
  if (options.unknown.length > 0) throw new UsageError(options.unknown.join('; '));
  const by = options.values.get('--by');
  if (by !== undefined && by !== 'author') throw new UsageError('--by takes only "author"');
  const folders = options.positional.length === 2 && options.positional.every((p) => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() === true);
  let comparisons: Comparison[];
  let failed: boolean;
  if (by === undefined && folders) {
    const [dirA = '', dirB = ''] = options.positional;
    const a = readCorpus([dirA], io);
    const b = readCorpus([dirB], io);
    failed = a.failed || b.failed;
    comparisons = [{ first: dirA, second: dirB, result: pairAgreement(twoCopies(a.articles, b.articles, io)) }];
  } else {
    const corpus = readCorpus(options.positional.length > 0 ? options.positional : ['.'], io);
    failed = corpus.failed;
    comparisons = byAuthor(corpus.articles);
    if (comparisons.length === 0) io.err('fewer than two authors have tags here: nothing to compare');
  }
  io.out(options.flags.has('--json') ? toJson(comparisons) : comparisons.map(table).join('\n\n'));
  return Promise.resolve(failed ? 1 : 0);
}

export const agreementCommand: CliCommand = {
  summary: "agreement between annotators: span F1 and Krippendorff's alpha per label",
  usage: AGREEMENT_USAGE,
  run: runAgreement,
};
