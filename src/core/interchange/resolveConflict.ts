// Settling a conflict the merge driver left in a sidecar: keep the entry as it is (drop its
// `conflict:` key), or take the version held under `conflict:` (its fields replace the entry's, or
// the entry goes when that version is a deletion). The edit goes through the YAML document, so
// comments, other entries and keys added by hand stay exactly as they were.

import { isMap, isScalar, isSeq } from 'yaml';
import { parseYamlData } from '../annotations/schema/yamlData';
import { MAX_SIDECAR_CHARACTERS } from '../annotations/sidecar/types';
import type { Node as YamlNode, ToStringOptions, YAMLMap } from 'yaml';

const WRITE_OPTIONS: ToStringOptions = { lineWidth: 0, minContentWidth: 0 };
/** Fields the held version never carries (the merge driver leaves them out) and so never removes. */
const KEPT_FIELDS = new Set(['id', 'prefix', 'suffix']);
/** Fields of the `conflict:` record that describe it rather than the entry. */
const RECORD_FIELDS = new Set(['side', 'deleted']);

export type ConflictSide = 'ours' | 'theirs';

export type ConflictResolution = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** The sidecar text with the conflict of entry `id` settled by keeping `keep`'s version. */
export function resolveConflict(yamlText: string, id: string, keep: ConflictSide): ConflictResolution {
  const data = parseYamlData(yamlText, 'A sidecar', MAX_SIDECAR_CHARACTERS);
  if (!data.ok) return { ok: false, reason: `the sidecar cannot be read (line ${data.problems[0]?.line ?? 1}: ${data.problems[0]?.message ?? 'not YAML'})` };
  const { document } = data;
  if (!isMap(document.contents)) return { ok: false, reason: 'the sidecar is not readable YAML' };
  for (const list of ['annotations', 'rejections']) {
    const seq = document.contents.get(list, true);
    if (!isSeq(seq)) continue;
    const index = seq.items.findIndex((item) => isMap(item) && String(item.get('id')) === id && isMap(item.get('conflict', true)));
    const entry = seq.items[index];
    if (!isMap(entry)) continue;
    const held: unknown = entry.get('conflict', true);
    if (!isMap(held)) continue;
    const heldSide = held.get('side') === 'ours' ? 'ours' : 'theirs';
    entry.delete('conflict');
    if (keep === heldSide) {
      if (held.get('deleted') === true) seq.items.splice(index, 1);
      else takeHeldVersion(entry, held);
    }
    return { ok: true, text: document.toString(WRITE_OPTIONS) };
  }
  return { ok: false, reason: `no entry ${id} with a conflict` };
}

/** The held version's fields on the entry's node, and the entry's fields that version lacks removed. */
function takeHeldVersion(entry: YAMLMap, held: YAMLMap): void {
  const heldKeys = new Set<unknown>();
  for (const pair of held.items) {
    const key = isScalar(pair.key) ? pair.key.value : pair.key;
    if (typeof key === 'string' && RECORD_FIELDS.has(key)) continue;
    heldKeys.add(key);
    const value = pair.value as YamlNode | null;
    entry.set(key, value === null ? null : value.clone());
  }
  for (const pair of [...entry.items]) {
    const key = isScalar(pair.key) ? pair.key.value : pair.key;
    if (!heldKeys.has(key) && !(typeof key === 'string' && KEPT_FIELDS.has(key))) entry.delete(key);
  }
}
