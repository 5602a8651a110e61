// Three-way merge of a sidecar, as git's merge driver for `*.txt.annotations.yaml`: entries
// (tags and rejections) are matched by id. Added on either side: kept. Changed on one side: the
// change is taken. Changed differently on both sides (or changed on one, deleted on the other):
// a conflict, and nothing is dropped: the entry stays as ours (or as the surviving version) and a
// `conflict:` key holds the other version, which the sidecar parser accepts (unknown keys are
// allowed) and the editor can report. The merge works on the YAML documents, so comments and keys
// added by hand survive, as they do when the editor writes.
//
// When the article text differs between the sides, each side is first rewritten onto the merged
// text (re-anchored the way the editor does it), so positions compare and the result fits the text.

import { Document, isMap, isNode, isScalar, isSeq, parseDocument, YAMLSeq } from 'yaml';
import type { Node as YamlNode, Pair, ToStringOptions, YAMLMap } from 'yaml';
import { DATA_OPTIONS } from '../annotations/schema/yamlData';
import { loadAnnotations } from '../annotations/sidecar/load';
import { parseSidecar } from '../annotations/sidecar/parse';
import { serialiseSidecar } from '../annotations/sidecar/serialise';

const WRITE_OPTIONS: ToStringOptions = { lineWidth: 0, minContentWidth: 0 };
const LISTS = ['annotations', 'rejections'] as const;
/**
 * Fields that change without a person changing the tag (context is re-read on every save). A
 * `conflict:` record is content: settling it (removing it) on one side is a change that wins.
 */
const NOT_CONTENT = new Set(['id', 'prefix', 'suffix', 'created', 'modified']);
/** Top-level keys the product writes itself; other top-level keys were added by hand. */
const MANAGED_KEYS = new Set(['version', 'file', 'sha256', 'units', ...LISTS]);
/** A hash no text has: the editor then re-anchors every entry by its words when it opens the file. */
export const UNKNOWN_TEXT_SHA256 = '0'.repeat(64);

export interface MergeArticle {
  /** The merged article text (the work tree's), and the hex SHA-256 of `textForHashing(text)`. */
  readonly text: string;
  readonly sha256: string;
}

export interface SidecarMergeInput {
  /** The common ancestor; '' when the file was added on both sides. */
  readonly base: string;
  readonly ours: string;
  readonly theirs: string;
  /** Absent when the article is not in the work tree. */
  readonly article?: MergeArticle;
}

export interface SidecarConflict {
  readonly id: string;
  readonly reason: 'changed on both sides' | 'changed on one side, deleted on the other' | 'added on both sides differently';
}

export interface SidecarMergeResult {
  readonly text: string;
  readonly conflicts: readonly SidecarConflict[];
  /** Entries taken from their side (added or changed there). */
  readonly fromTheirs: number;
  /** Set when a side could not be read as a sidecar: the result then holds both files between conflict markers. */
  readonly unreadable?: string;
  /** The sides described different texts and no article was given to re-anchor to. */
  readonly reanchorPending: boolean;
}

export function mergeSidecars(input: SidecarMergeInput): SidecarMergeResult {
  const unreadable = [['ours', input.ours], ['theirs', input.theirs]].find(([, text]) => !parseSidecar(text ?? '').ok)?.[0];
  if (unreadable !== undefined) {
    return { text: withConflictMarkers(input.ours, input.theirs), conflicts: [], fromTheirs: 0, unreadable, reanchorPending: false };
  }
  const baseReadable = input.base.trim() !== '' && parseSidecar(input.base).ok;
  const rebase = (yaml: string): string => (input.article === undefined ? yaml : onto(yaml, input.article));
  // Each side was read as a sidecar above (bounded, each key once): parsed again as such.
  const [oursText, theirsText, baseText] = [rebase(input.ours), rebase(input.theirs), baseReadable ? rebase(input.base) : ''];
  const ours = parseDocument(oursText, DATA_OPTIONS);
  const theirs = parseDocument(theirsText, DATA_OPTIONS);
  const base = baseReadable ? parseDocument(baseText, DATA_OPTIONS) : new Document({});
  const conflicts: SidecarConflict[] = [];
  let fromTheirs = 0;
  for (const list of LISTS) {
    const merged = mergeList(entriesOf(base, list, baseText), entriesOf(ours, list, oursText), entriesOf(theirs, list, theirsText), ours, conflicts);
    fromTheirs += merged.fromTheirs;
    if (merged.items.length > 0 || (ours.contents as YAMLMap).has(list)) {
      const seq = new YAMLSeq();
      seq.items = merged.items;
      seq.flow = merged.items.length === 0;
      (ours.contents as YAMLMap).set(list, seq);
    }
  }
  mergeTopLevelKeys(base, ours, theirs);
  const sha = (doc: Document): unknown => (doc.contents as YAMLMap).get('sha256');
  const reanchorPending = input.article === undefined && sha(ours) !== sha(theirs);
  if (reanchorPending) (ours.contents as YAMLMap).set('sha256', UNKNOWN_TEXT_SHA256);
  return { text: ours.toString(WRITE_OPTIONS), conflicts, fromTheirs, reanchorPending };
}

/** The sidecar rewritten for `article`'s text: unchanged when it already describes that text. */
function onto(yaml: string, article: MergeArticle): string {
  const parsed = parseSidecar(yaml);
  if (!parsed.ok || parsed.sidecar.sha256 === article.sha256) return yaml;
  return serialiseSidecar(yaml, loadAnnotations(parsed.sidecar, article.text, article.sha256).set, article.text);
}

/** An entry of one side, with how it is written there (its comments included). */
interface Entry {
  readonly node: YAMLMap;
  readonly written: string;
}

function entriesOf(document: Document, list: string, source: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  const seq = isMap(document.contents) ? document.contents.get(list, true) : undefined;
  if (!isSeq(seq)) return entries;
  for (const item of seq.items) {
    const id = isMap(item) ? item.get('id') : undefined;
    if (isMap(item) && typeof id === 'string') entries.set(id, { node: item, written: `${item.commentBefore ?? ''}\n${item.range ? source.slice(item.range[0], item.range[2]) : ''}` });
  }
  return entries;
}

/** What a person changes in an entry, comparable across sides. */
function content(entry: YAMLMap): string {
  const json = entry.toJSON() as Record<string, unknown>;
  return JSON.stringify(Object.keys(json).filter((k) => !NOT_CONTENT.has(k)).sort().map((k) => [k, json[k]]));
}

function mergeList(base: Map<string, Entry>, ours: Map<string, Entry>, theirs: Map<string, Entry>, target: Document, conflicts: SidecarConflict[]): { items: YAMLMap[]; fromTheirs: number } {
  const items: YAMLMap[] = [];
  let fromTheirs = 0;
  const ids = [...new Set([...ours.keys(), ...theirs.keys(), ...base.keys()])];
  for (const id of ids) {
    const [o, oe, be] = [base.get(id), ours.get(id), theirs.get(id)];
    const [a, b] = [oe?.node, be?.node];
    const same = (x: Entry | undefined, y: Entry | undefined): boolean => x !== undefined && y !== undefined && content(x.node) === content(y.node);
    if (a !== undefined && b !== undefined) {
      // The same values: ours, unless only theirs was written anew (a comment added there is kept).
      if (same(oe, be)) items.push(o !== undefined && oe?.written === o.written && be?.written !== o.written ? copyInto(b) : a);
      else if (o !== undefined && same(be, o)) items.push(a);
      else if (o !== undefined && same(oe, o)) {
        items.push(takeTheirs(a, b));
        fromTheirs++;
      } else {
        items.push(withConflict(target, a, { side: 'theirs', version: b }));
        conflicts.push({ id, reason: o === undefined ? 'added on both sides differently' : 'changed on both sides' });
      }
    } else if (a !== undefined) {
      if (o === undefined) items.push(a);
      else if (!same(oe, o)) {
        items.push(withConflict(target, a, { side: 'theirs', deleted: true }));
        conflicts.push({ id, reason: 'changed on one side, deleted on the other' });
      }
    } else if (b !== undefined) {
      if (o === undefined) {
        items.push(copyInto(b));
        fromTheirs++;
      } else if (!same(be, o)) {
        items.push(withConflict(target, copyInto(b), { side: 'ours', deleted: true }));
        conflicts.push({ id, reason: 'changed on one side, deleted on the other' });
        fromTheirs++;
      }
    }
  }
  items.sort(byPlace);
  return { items, fromTheirs };
}

function copyInto(entry: YAMLMap): YAMLMap {
  return entry.clone() as YAMLMap;
}

/** Their version's values on our node: our comments and hand-added keys stay, theirs are added. */
function takeTheirs(ours: YAMLMap, theirs: YAMLMap): YAMLMap {
  for (const pair of theirs.items) {
    const key = isScalar(pair.key) ? pair.key.value : pair.key;
    const value = pair.value as YamlNode | null;
    ours.set(key, value === null ? null : (value.clone()));
  }
  // Ours is unchanged since the base, so a key theirs lacks is one they removed (a note, say).
  for (const pair of [...ours.items]) {
    const key = isScalar(pair.key) ? pair.key.value : pair.key;
    if (!theirs.has(key) && !(typeof key === 'string' && NOT_CONTENT.has(key))) ours.delete(key);
  }
  return ours;
}

type ConflictSide = { side: 'theirs'; version: YAMLMap } | { side: 'theirs' | 'ours'; deleted: true };

/** Keeps `kept` and records the other side's version under `conflict:`. */
function withConflict(target: Document, kept: YAMLMap, other: ConflictSide): YAMLMap {
  const record: Record<string, unknown> = { side: other.side };
  if ('deleted' in other) record['deleted'] = true;
  else {
    const theirs = other.version.toJSON() as Record<string, unknown>;
    for (const [key, value] of Object.entries(theirs)) if (key !== 'id' && key !== 'prefix' && key !== 'suffix' && key !== 'conflict') record[key] = value;
  }
  const node = target.createNode(record) as YAMLMap;
  for (const key of ['start', 'end', 'attributes']) {
    const child = node.get(key, true);
    if (isMap(child)) child.flow = true;
  }
  kept.set('conflict', node);
  return kept;
}

function byPlace(a: YAMLMap, b: YAMLMap): number {
  const place = (entry: YAMLMap, key: string): [number, number] => {
    const p = entry.get(key, true);
    return isMap(p) ? [Number(p.get('line')), Number(p.get('character'))] : [0, 0];
  };
  const [al, ac] = place(a, 'start');
  const [bl, bc] = place(b, 'start');
  const [ael, aec] = place(a, 'end');
  const [bel, bec] = place(b, 'end');
  return al - bl || ac - bc || ael - bel || aec - bec || String(a.get('id')).localeCompare(String(b.get('id')));
}

/**
 * The keys added by hand at the top of the file, merged three ways: one changed, added or removed
 * on one side only takes that side's change; changed on both, ours stays.
 */
function mergeTopLevelKeys(base: Document, ours: Document, theirs: Document): void {
  if (!isMap(ours.contents) || !isMap(theirs.contents)) return;
  const keyOf = (key: unknown): unknown => (isScalar(key) ? key.value : key);
  // One map per side: asking a mapping for each key would read all of its keys each time.
  const pairsOf = (doc: Document): Map<unknown, Pair> => new Map(isMap(doc.contents) ? doc.contents.items.map((pair) => [keyOf(pair.key), pair] as const) : []);
  const [o, a, b] = [pairsOf(base), pairsOf(ours), pairsOf(theirs)];
  const valueOf = (pair: Pair | undefined): string | undefined => (pair === undefined ? undefined : JSON.stringify(isNode(pair.value) ? pair.value.toJSON() : pair.value));
  const oursMap = ours.contents;
  for (const [key, pair] of b) {
    if (typeof key === 'string' && MANAGED_KEYS.has(key)) continue;
    const [was, mine, theirsNow] = [valueOf(o.get(key)), valueOf(a.get(key)), valueOf(pair)];
    if (theirsNow === was || theirsNow === mine) continue;
    if (mine !== was) continue; // changed (or removed) on our side too: ours stays
    const ourPair = a.get(key);
    if (ourPair === undefined) oursMap.items.push(pair.clone());
    else ourPair.value = isNode(pair.value) ? pair.value.clone() : pair.value;
  }
  // Removed on their side, unchanged on ours.
  const removed = new Set([...a].filter(([key, pair]) => !(typeof key === 'string' && MANAGED_KEYS.has(key)) && !b.has(key) && o.has(key) && valueOf(o.get(key)) === valueOf(pair)).map(([, pair]) => pair));
  if (removed.size > 0) oursMap.items = oursMap.items.filter((pair) => !removed.has(pair));
}

function withConflictMarkers(ours: string, theirs: string): string {
  const line = (text: string): string => (text.endsWith('\n') || text === '' ? text : `${text}\n`);
  return `<<<<<<< ours\n${line(ours)}=======\n${line(theirs)}>>>>>>> theirs\n`;
}
