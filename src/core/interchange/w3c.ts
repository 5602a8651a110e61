// W3C Web Annotation Data Model (JSON-LD): one AnnotationCollection per article, one Annotation per
// tag. The label is a `tagging` body, the note a `commenting` body; the target names the article
// and selects the words twice, by quote (exact, prefix, suffix) and by position (code points, as the
// model requires). An orphaned tag has no position, only its quote, and says so in `sa:status`.

import { attributeRecord, isObject, optional, spanPlacing } from './jsonValues';
import { articleStem, exportedText } from './exportTags';
import type { ExportFile, ExportResult, ExportArticle, ImportedDocument, ImportedTag, ImportProblem, InputFile, ParsedImport } from './types';
import type { Annotation } from '../annotations/model/types';
import { derivedAnnotationId } from '../annotations/model/ids';
import type { ExportTag } from './exportTags';

const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const OWN_VOCABULARY = 'https://source-annotator.invalid/ns#';
/** Characters of context in a TextQuoteSelector, as the sidecar keeps. */
const QUOTE_CONTEXT = 32;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export function exportW3c(articles: readonly ExportArticle[]): ExportResult {
  const files: ExportFile[] = articles.map((article) => {
    const exported = exportedText(article);
    const items = [
      ...exported.placed.map((tag) => webAnnotation(article.name, tag.annotation, quoteOf(exported.text, tag), { start: tag.startCodePoint, end: tag.endCodePoint })),
      ...[...exported.orphaned, ...exported.rejected].map((a) => webAnnotation(article.name, a, { exact: a.text, prefix: a.prefix, suffix: a.suffix }, undefined)),
    ];
    const collection = {
      '@context': [ANNO_CONTEXT, { sa: OWN_VOCABULARY }],
      id: `urn:source-annotator:collection:${encodeURIComponent(article.name)}`,
      type: 'AnnotationCollection',
      label: `Tags of ${article.name}`,
      total: items.length,
      first: { type: 'AnnotationPage', startIndex: 0, items },
    };
    return { path: `${articleStem(article.name)}.jsonld`, content: `${JSON.stringify(collection, null, 2)}\n` };
  });
  return { files, skipped: 0 };
}

interface Quote {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

function quoteOf(text: string, tag: ExportTag): Quote {
  return { exact: tag.covered, prefix: wholeCharacters(text.slice(Math.max(0, tag.start - QUOTE_CONTEXT), tag.start), 'start'), suffix: wholeCharacters(text.slice(tag.end, tag.end + QUOTE_CONTEXT), 'end') };
}

function wholeCharacters(context: string, cutEdge: 'start' | 'end'): string {
  const edge = cutEdge === 'start' ? context.charCodeAt(0) : context.charCodeAt(context.length - 1);
  if (cutEdge === 'start' && edge >= 0xdc00 && edge <= 0xdfff) return context.slice(1);
  if (cutEdge === 'end' && edge >= 0xd800 && edge <= 0xdbff) return context.slice(0, -1);
  return context;
}

function webAnnotation(source: string, a: Annotation, quote: Quote, position: { start: number; end: number } | undefined): Json {
  const body: Json[] = [{ type: 'TextualBody', purpose: 'tagging', value: a.label }];
  if (a.note !== undefined && a.note !== '') body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' });
  const selector: Json[] = [{ type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }];
  if (position !== undefined) selector.push({ type: 'TextPositionSelector', start: position.start, end: position.end });
  const annotation: { [key: string]: Json } = {
    id: `urn:source-annotator:annotation:${a.id}`,
    type: 'Annotation',
    motivation: 'tagging',
    body,
    target: { source, selector },
  };
  if (a.author !== '') annotation['creator'] = { type: 'Person', name: a.author };
  if (a.created !== '') annotation['created'] = a.created;
  if (a.modified !== '') annotation['modified'] = a.modified;
  if (a.status !== 'active') annotation['sa:status'] = a.status;
  if (Object.keys(a.attributes).length > 0) annotation['sa:attributes'] = { ...a.attributes };
  return annotation;
}

/** Reads collections, pages, single annotations or arrays of them; groups the tags by target source. */
export function parseW3c(files: readonly InputFile[]): ParsedImport {
  const problems: ImportProblem[] = [];
  const bySource = new Map<string, ImportedTag[]>();
  for (const file of files) {
    let data: unknown;
    try {
      data = JSON.parse(file.content);
    } catch (e) {
      problems.push({ file: file.path, message: `not JSON: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    const found = annotationsIn(data);
    if (found.length === 0) problems.push({ file: file.path, message: 'no Web Annotation in it (an object of type Annotation, or a Hypothesis row); nothing imported from it' });
    for (const [n, item] of found.entries()) {
      const read = readAnnotation(item, n + 1);
      if (typeof read === 'string') {
        problems.push({ file: file.path, message: read });
        continue;
      }
      if (read.problem !== undefined) problems.push({ file: file.path, message: read.problem });
      const list = bySource.get(read.source);
      if (list === undefined) bySource.set(read.source, [read.tag]);
      else list.push(read.tag);
    }
  }
  const documents: ImportedDocument[] = [...bySource].map(([name, tags]) => ({ name, tags }));
  return { documents, problems };
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/**
 * The annotations of a file, in order: in lists (nested as deep as the file goes: a walk with its
 * own stack, not a call per level), a collection's first page, and each page's items and next page.
 */
function annotationsIn(data: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  // What is left to read, the next at the end.
  const pending: unknown[] = [data];
  while (pending.length > 0) {
    const value = pending.pop();
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) pending.push(value[i]);
      continue;
    }
    if (!isObject(value)) continue;
    // JSON-LD may write the type as `@type`, and compacted with the `oa:` prefix.
    const type = asList(value['type'] ?? value['@type']).map((t) => (typeof t === 'string' ? t.replace(/^oa:/, '') : t));
    if (type.includes('Annotation')) found.push(value);
    else if (value['type'] === undefined && value['@type'] === undefined && Array.isArray(value['rows'])) pending.push(value['rows']);
    else if (value['type'] === undefined && value['@type'] === undefined && Array.isArray(value['tags']) && value['target'] !== undefined) {
      // A Hypothesis row: each of its tags is a tag on its target, its text the note.
      for (const [k, tag] of value['tags'].entries()) {
        if (typeof tag !== 'string') continue;
        const id = typeof value['id'] === 'string' ? (k === 0 ? value['id'] : `${value['id']}\u0000${tag}`) : undefined;
        const user = typeof value['user'] === 'string' ? value['user'].replace(/^acct:/, '').replace(/@[^@]*$/, '') : undefined;
        found.push({
          type: 'Annotation',
          ...(id === undefined ? {} : { id }),
          ...(user === undefined ? {} : { creator: user }),
          body: [{ purpose: 'tagging', value: tag }, ...(typeof value['text'] === 'string' && value['text'] !== '' ? [{ purpose: 'commenting', value: value['text'] }] : [])],
          target: value['target'],
          ...(typeof value['created'] === 'string' ? { created: value['created'] } : {}),
          ...(typeof value['updated'] === 'string' ? { modified: value['updated'] } : {}),
        });
      }
    }
    else if (type.includes('AnnotationCollection')) pending.push(value['first']);
    else if (type.includes('AnnotationPage')) {
      if (isObject(value['next'])) pending.push(value['next']);
      pending.push(value['items']);
    }
  }
  return found;
}

/** One annotation's tag, or why it is skipped; `problem` says what was read otherwise than the file says. */
function readAnnotation(item: Record<string, unknown>, ordinal: number): { source: string; tag: ImportedTag; problem?: string } | string {
  const bodies = asList(item['body']).filter(isObject);
  // A body without a purpose takes the annotation's motivation.
  const tagging = asList(item['motivation']).some((m) => m === 'tagging' || m === 'oa:tagging');
  const purpose = (b: Record<string, unknown>): unknown => b['purpose'] ?? (tagging ? 'tagging' : undefined);
  const label = bodies.find((b) => purpose(b) === 'tagging' && typeof b['value'] === 'string')?.['value'];
  const note = bodies.find((b) => b['purpose'] === 'commenting' && typeof b['value'] === 'string')?.['value'];
  const target = asList(item['target']).find(isObject);
  const source = target?.['source'];
  const named = item['id'] ?? item['@id'];
  const what = typeof named === 'string' && named !== '' ? `annotation ${named}` : `annotation ${ordinal} of the file`;
  if (typeof label !== 'string' || typeof source !== 'string') return `${what} has no tagging body or no target source; skipped`;
  const selectors = asList(target?.['selector']).filter(isObject);
  const quote = selectors.find((s) => s['type'] === 'TextQuoteSelector');
  const position = selectors.find((s) => s['type'] === 'TextPositionSelector');
  const creator = asList(item['creator'])[0];
  const author = typeof creator === 'string' ? creator : isObject(creator) && typeof creator['name'] === 'string' ? creator['name'] : undefined;
  // Our own ids come back as they were; another tool's id is made into one of ours as a whole (the
  // last digits of ids are often shared: version-1 UUIDs made on one machine end in its address).
  const given = item['id'] ?? item['@id'];
  const id = typeof given !== 'string' || given === '' ? undefined : (/^urn:source-annotator:(?:annotation:)?([0-9a-f]{12})$/.exec(given)?.[1] ?? derivedAnnotationId(given));
  const status = item['sa:status'];
  const attributes = item['sa:attributes'];
  const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const exact = str(quote?.['exact']);
  // An orphaned tag has no place; any other needs offsets or words to be placed by.
  const placing = position === undefined ? (exact !== undefined || status === 'orphaned' ? {} : { skip: `${what} has no TextPositionSelector nor TextQuoteSelector to place it by; skipped` }) : spanPlacing(position['start'], position['end'], exact, `${what}'s TextPositionSelector`);
  if ('skip' in placing) return placing.skip;
  const tag: ImportedTag = {
    unit: 'codePoints',
    label,
    ...placing.at,
    ...optional({ text: str(quote?.['exact']), prefix: str(quote?.['prefix']), suffix: str(quote?.['suffix']), note: str(note), author, id, created: str(item['created']), modified: str(item['modified']) }),
    ...(status === 'orphaned' || status === 'rejected' || status === 'active' ? { status: status } : {}),
    ...(isObject(attributes) ? { attributes: attributeRecord(attributes) } : {}),
  };
  return placing.problem === undefined ? { source, tag } : { source, tag, problem: placing.problem };
}

