// brat standoff: `<name>.ann` beside `<name>.txt`, offsets in code points of the text file.
// `T` lines carry the label and the place (fragments separated by `;`, which is how a tag crossing
// a line break is written, since brat draws a span one line at a time), `A` lines the attributes,
// `#` lines (AnnotatorNotes) the note. brat has no author or date: import takes `--author`.

import type { AttributeValue } from '../annotations/model/types';
import type { Label } from '../annotations/labels/labelConfig';
import { articleStem, exportedText } from './exportTags';
import { withoutByteOrderMarks } from './inputFiles';
import type { ExportTag } from './exportTags';
import type { ExportArticle, ExportFile, ExportResult, ImportedTag, ImportProblem, InputFile, ParsedImport } from './types';

/**
 * brat names (labels, attributes, values) are single tokens of its configuration: spaces, and the
 * characters its configuration reads as syntax (`|`, `,`, `:`, `=`, `;`, `<`, `>`, `[`, `]`), become
 * `_`, as does a first character that would make the line a comment or mark the type (`#`, `!`, `-`).
 */
export function bratToken(name: string): string {
  const token = name
    .trim()
    .replace(/[\s|,:=;<>[\]]+/g, '_')
    .replace(/^[#!-]/, '_');
  return token === '' ? '_' : token;
}

/** Notes are one line in brat: line breaks, tabs and backslashes are escaped. */
function escapeNote(note: string): string {
  return note.replace(/\\/g, '\\\\').replace(/\r\n|\r|\n/g, '\\n').replace(/\t/g, '\\t');
}

function unescapeNote(note: string): string {
  return note.replace(/\\(\\|n|t)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
}

/** [start, end) cut at every line break into the non-empty pieces between them (UTF-16 offsets). */
export function lineFragments(text: string, start: number, end: number): [number, number][] {
  const fragments: [number, number][] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    const code = i < end ? text.charCodeAt(i) : -1;
    if (code !== 10 && code !== 13 && i < end) continue;
    if (i > from) fragments.push([from, i]);
    from = i + 1;
  }
  return fragments;
}

export function exportBrat(articles: readonly ExportArticle[], labels: readonly Label[]): ExportResult {
  const files: ExportFile[] = [];
  let skipped = 0;
  const attributeValues = new Map<string, Set<string>>();
  for (const article of articles) {
    const exported = exportedText(article);
    skipped += exported.orphaned.length + exported.rejected.length;
    const counters = { attribute: 0, note: 0 };
    const lines = exported.placed.flatMap((tag, i) => bratLines(exported.text, tag, i + 1, (u) => exported.index.toCodePoints(u), counters, attributeValues));
    const stem = articleStem(article.name);
    files.push({ path: `${stem}.txt`, content: exported.text }, { path: `${stem}.ann`, content: lines.map((l) => `${l}\n`).join('') });
  }
  const labelNames = [...new Set([...labels.map((l) => l.name), ...articles.flatMap((a) => a.set.annotations.map((t) => t.label))])];
  files.push({ path: 'annotation.conf', content: bratConfig(labelNames, attributeValues) });
  // Labels of tags (not of the configuration alone) that brat's single tokens change: said, since an import gives them back changed.
  const tagged = new Set(articles.flatMap((a) => a.set.annotations.map((t) => t.label)));
  const renamed = [...tagged].filter((name) => bratToken(name) !== name).map((from) => ({ from, to: bratToken(from) }));
  return { files, skipped, ...(renamed.length > 0 ? { renamed } : {}) };
}

function bratLines(
  text: string,
  tag: ExportTag,
  n: number,
  toCodePoints: (utf16: number) => number,
  counters: { attribute: number; note: number },
  attributeValues: Map<string, Set<string>>,
): string[] {
  const fragments = lineFragments(text, tag.start, tag.end);
  const pieces = fragments.length > 0 ? fragments : [[tag.start, tag.end] as [number, number]];
  const places = pieces.map(([s, e]) => `${toCodePoints(s)} ${toCodePoints(e)}`).join(';');
  // A tag of line breaks only (from a line's end to the next line's start) has no words: its text
  // field stays empty rather than break the line in two.
  const words = fragments.map(([s, e]) => text.slice(s, e)).join(' ');
  const a = tag.annotation;
  const lines = [`T${n}\t${bratToken(a.label)} ${places}\t${words}`];
  for (const [name, value] of Object.entries(a.attributes)) {
    const key = bratToken(name);
    const shown = bratToken(String(value));
    lines.push(`A${++counters.attribute}\t${key} T${n} ${shown}`);
    attributeValues.set(key, (attributeValues.get(key) ?? new Set<string>()).add(shown));
  }
  if (a.note !== undefined && a.note !== '') lines.push(`#${++counters.note}\tAnnotatorNotes T${n}\t${escapeNote(a.note)}`);
  return lines;
}

/** The `annotation.conf` brat needs to show the labels and attributes. */
function bratConfig(labelNames: readonly string[], attributeValues: ReadonlyMap<string, ReadonlySet<string>>): string {
  const attributes = [...attributeValues].map(([name, values]) => `${name}\tArg:<ENTITY>, Value:${[...values].sort().join('|')}`);
  return ['[entities]', ...labelNames.map(bratToken), '', '[relations]', '', '[events]', '', '[attributes]', ...attributes, ''].join('\n');
}

// The words and notes run to the line's end with the `s` flag: a U+2028 or U+2029 inside them is
// text (lines are cut at line feeds only), which `.` alone would not match.
const T_LINE = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t(.*))?$/s;
const A_LINE = /^(?:A|M)\d+\t(\S+) (T\d+)(?: (\S+))?\s*$/;
const NOTE_LINE = /^#\d+\tAnnotatorNotes (T\d+)\t(.*)$/s;

/**
 * Reads `.ann` files; `texts` maps an `.ann` path to the text of the `.txt` beside it (offsets are
 * checked against it). Lines of kinds we do not model (relations, events, normalizations) are
 * reported once per file and skipped.
 */
export function parseBrat(givenFiles: readonly InputFile[], texts: ReadonlyMap<string, string>): ParsedImport {
  const problems: ImportProblem[] = [];
  const annFiles = withoutByteOrderMarks(givenFiles);
  const documents = annFiles.map((file) => {
    const spans = new Map<string, { label: string; start: number; end: number; line: number; words: string | undefined }>();
    const attributes = new Map<string, Record<string, AttributeValue>>();
    const notes = new Map<string, string>();
    /** Lines of attributes and notes, by the id they name: one naming no tag of the file is reported. */
    const referring: { id: string; line: number; kind: string }[] = [];
    let unsupported = 0;
    const report = (line: number, message: string): number => problems.push({ file: file.path, line, message });
    // brat cuts a tag at each line break into fragments: joined again, they are the tag. Fragments
    // with words between them are another thing, said in a problem (unknown without the text).
    const fileText = texts.get(file.path);
    let points: string[] | undefined;
    const onlySpaceBetween = (fragments: readonly string[]): boolean => {
      if (fileText === undefined) return false;
      points ??= [...fileText];
      const pairs = fragments.map((f) => f.split(' ').map(Number) as [number, number]).sort((x, y) => x[0] - y[0]);
      for (let k = 1; k < pairs.length; k++) {
        const gap = points.slice((pairs[k - 1] as [number, number])[1], (pairs[k] as [number, number])[0]).join('');
        if (gap.trim() !== '') return false;
      }
      return true;
    };
    file.content.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() === '') return;
      const t = T_LINE.exec(line);
      const a = t ? null : A_LINE.exec(line);
      const note = t || a ? null : NOTE_LINE.exec(line);
      if (t) {
        const id = t[1] ?? '';
        const first = spans.get(id);
        if (first !== undefined) {
          report(i + 1, `${id} is given again; this line is skipped (the first, line ${first.line}, is kept)`);
          return;
        }
        // A loop, not Math.min(...numbers): a line may hold any number of fragments.
        let start = Infinity;
        let end = -Infinity;
        const fragments = (t[3] ?? '').split(';');
        for (const fragment of fragments) {
          const [from, to] = fragment.split(' ').map(Number) as [number, number];
          if (from > to) report(i + 1, `${id}: a fragment ends before it starts (${fragment}); read as ${to} ${from}`);
          start = Math.min(start, from, to);
          end = Math.max(end, from, to);
        }
        if (fragments.length > 1 && !onlySpaceBetween(fragments)) report(i + 1, `${id} has ${fragments.length} discontinuous fragments; imported as one tag from ${start} to ${end}, the words between them included`);
        // The words the line gives are the tag's, checked against the article: a span of one fragment
        // only (brat joins fragments' words with a space, which the text between them need not be).
        spans.set(id, { label: t[2] ?? '', start, end, line: i + 1, words: fragments.length === 1 && t[4] !== undefined && t[4] !== '' ? t[4] : undefined });
      } else if (a) {
        const record = attributes.get(a[2] ?? '') ?? {};
        if (Object.hasOwn(record, a[1] ?? '')) report(i + 1, `${a[2] ?? ''}: the attribute ${a[1] ?? ''} is given again; the last value is kept`);
        record[a[1] ?? ''] = a[3] === undefined ? true : a[3] === 'true' ? true : a[3] === 'false' ? false : a[3];
        attributes.set(a[2] ?? '', record);
        referring.push({ id: a[2] ?? '', line: i + 1, kind: 'attribute' });
      } else if (note) {
        // Two notes on one tag (two annotators' remarks) are both kept, one under the other.
        const earlier = notes.get(note[1] ?? '');
        const text = unescapeNote(note[2] ?? '');
        notes.set(note[1] ?? '', earlier === undefined ? text : `${earlier}\n${text}`);
        referring.push({ id: note[1] ?? '', line: i + 1, kind: 'note' });
      } else if (/^T\d+\t/.test(line)) {
        // A text-bound line this reader cannot take is a tag lost: said on its line, not counted with relations.
        report(i + 1, `${line.slice(0, line.indexOf('\t'))} is not a text-bound tag this reader can take (label, then offsets "start end", then its words); skipped`);
      } else if (/^[A-Z#*]/.test(line)) {
        unsupported++;
      } else {
        report(i + 1, 'not a brat standoff line; skipped');
      }
    });
    for (const r of referring) if (!spans.has(r.id)) report(r.line, `the ${r.kind} of ${r.id}, which this file does not define; skipped`);
    if (unsupported > 0) problems.push({ file: file.path, message: `${unsupported} relation, event or other lines are not tags and were skipped` });
    const tags = [...spans].map(([id, span]): ImportedTag => {
      const note = notes.get(id);
      const attrs = attributes.get(id);
      return { start: span.start, end: span.end, unit: 'codePoints', label: span.label, ...(span.words === undefined ? {} : { text: span.words }), ...(note === undefined ? {} : { note }), ...(attrs === undefined ? {} : { attributes: attrs }) };
    });
    const name = file.path.replace(/\\/g, '/').replace(/\.ann$/i, '.txt');
    const text = texts.get(file.path);
    if (text === undefined && tags.length > 0) problems.push({ file: file.path, message: `no ${name.split('/').pop() ?? name} beside it: its offsets are checked against the words each line gives, in the article it is imported into` });
    return { name, ...(text === undefined ? {} : { text }), tags };
  });
  return { documents, problems };
}
