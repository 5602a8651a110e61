// Updating a parsed YAML document in place, so a rewrite touches only what changed: comments,
// blank lines, quoting and keys a person added by hand stay exactly where they were.

import type { Document, Node as YamlNode } from 'yaml';
import { isMap, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

export type PlainValue = string | number | boolean | PlainObject | undefined;
export interface PlainObject {
  readonly [key: string]: PlainValue;
}

export interface MapUpdateOptions {
  /** Remove keys not in `desired` (for maps whose every key is data, such as `attributes`). */
  readonly removeOthers?: (path: string) => boolean;
  /** Maps to write in flow style (`{ line: 3, character: 0 }`) when newly created. */
  readonly flow?: (path: string) => boolean;
}

/** Sets `map` to `desired`: known keys in `desired`'s order, unknown keys left where they are. */
export function updateMap(document: Document, map: YAMLMap, desired: PlainObject, options: MapUpdateOptions, path = ''): void {
  const desiredKeys = Object.keys(desired);
  for (const [index, key] of desiredKeys.entries()) {
    const value = desired[key];
    const childPath = path === '' ? key : `${path}.${key}`;
    if (value === undefined) {
      map.delete(key);
      continue;
    }
    const existing = map.get(key, true);
    if (typeof value === 'object') {
      if (isMap(existing)) {
        updateMap(document, existing, value, options, childPath);
        continue;
      }
    } else if (isScalar(existing)) {
      if (existing.value !== value) {
        existing.value = value;
        // The old quoting style may not fit the new value; choose again.
        setStyle(existing);
      }
      continue;
    }
    const node = createNode(document, value, options, childPath);
    if (map.has(key)) {
      map.set(key, node);
    } else {
      insertAfterPrecedingKey(map, new Pair(document.createNode(key), node), desiredKeys.slice(0, index));
    }
  }
  if (options.removeOthers?.(path) === true) {
    map.items = map.items.filter((pair) => isScalar(pair.key) && String(pair.key.value) in desired && desired[String(pair.key.value)] !== undefined);
  }
}

/**
 * Makes the list under `key` hold one map per desired entry, matched by `id`: existing entries are
 * updated in place (keeping their comments), new ones created, missing ones removed, and all put
 * in the order of `desired`.
 */
export function syncListById(document: Document, root: YAMLMap, key: string, desired: readonly PlainObject[], options: MapUpdateOptions): void {
  const existing = root.get(key, true);
  const seq = isSeq(existing) ? existing : new YAMLSeq();
  const byId = new Map<string, YAMLMap>();
  for (const item of seq.items) {
    if (!isMap(item)) continue;
    const id = item.get('id');
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, item);
  }
  seq.items = desired.map((entry) => {
    const rawId = entry['id'];
    const id = typeof rawId === 'string' ? rawId : '';
    const item = byId.get(id);
    if (item !== undefined) {
      updateMap(document, item, entry, options, key);
      return item;
    }
    const created = createNode(document, entry, options, key) as YAMLMap;
    return created;
  });
  // An empty list reads best as `[]`; a filled one as one block per entry.
  seq.flow = seq.items.length === 0;
  if (!isSeq(existing)) root.set(key, seq);
}

/**
 * Strings with line breaks are written double-quoted with `\n`, so every value stays on one line:
 * easy to read in a diff, and no invisible trailing spaces at the end of a block.
 */
function setStyle(node: Scalar): Scalar {
  if (typeof node.value === 'string' && node.value.includes('\n')) node.type = Scalar.QUOTE_DOUBLE;
  else delete node.type;
  return node;
}

function createNode(document: Document, value: Exclude<PlainValue, undefined>, options: MapUpdateOptions, path: string): YamlNode {
  if (typeof value !== 'object') return setStyle(document.createNode(value));
  const map = new YAMLMap();
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined) continue;
    map.items.push(new Pair(document.createNode(key), createNode(document, child, options, `${path}.${key}`)));
  }
  map.flow = options.flow?.(path) === true || map.items.length === 0;
  return map;
}

function insertAfterPrecedingKey(map: YAMLMap, pair: Pair, precedingKeys: readonly string[]): void {
  for (let i = precedingKeys.length - 1; i >= 0; i--) {
    const index = map.items.findIndex((p) => isScalar(p.key) && p.key.value === precedingKeys[i]);
    if (index >= 0) {
      map.items.splice(index + 1, 0, pair);
      return;
    }
  }
  map.items.unshift(pair);
}
