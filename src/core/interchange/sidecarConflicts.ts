// Finding the conflicts the merge driver left in a sidecar (`conflict:` under an entry), with
// their lines, so the editor can report each one as a Problem and offer to keep either version.

import { isMap, isScalar, isSeq } from 'yaml';
import { parseYamlData } from '../annotations/schema/yamlData';
import { MAX_SIDECAR_CHARACTERS } from '../annotations/sidecar/types';

export interface RecordedConflict {
  readonly id: string;
  /** 1-based line of the `conflict:` key in the sidecar. */
  readonly line: number;
  /** The side whose version is held under `conflict:` (the entry itself is the other side's). */
  readonly side: 'ours' | 'theirs';
  /** That side deleted the entry (rather than changing it). */
  readonly deleted: boolean;
  /** Author of the held version, when it has one. */
  readonly author?: string;
  readonly label?: string;
  readonly note?: string;
  /** The version the entry itself holds (the other side's), as a person tells them apart. */
  readonly entry: { readonly author?: string; readonly label?: string; readonly note?: string };
}

function described(fields: Record<string, unknown>): { author?: string; label?: string; note?: string } {
  return {
    ...(typeof fields['author'] === 'string' ? { author: fields['author'] } : {}),
    ...(typeof fields['label'] === 'string' ? { label: fields['label'] } : {}),
    ...(typeof fields['note'] === 'string' ? { note: fields['note'] } : {}),
  };
}

export function recordedConflicts(yamlText: string): RecordedConflict[] {
  // Read as a sidecar is (bounded in size and nesting, each key once): a file that cannot be one holds no conflict to show.
  const data = parseYamlData(yamlText, 'A sidecar', MAX_SIDECAR_CHARACTERS);
  const found: RecordedConflict[] = [];
  if (!data.ok) return found;
  const { document, lines } = data;
  if (!isMap(document.contents)) return found;
  for (const list of ['annotations', 'rejections']) {
    const seq = document.contents.get(list, true);
    if (!isSeq(seq)) continue;
    for (const entry of seq.items) {
      if (!isMap(entry)) continue;
      const pair = entry.items.find((p) => isScalar(p.key) && p.key.value === 'conflict');
      if (pair === undefined || !isMap(pair.value)) continue;
      const held = pair.value.toJSON() as Record<string, unknown>;
      const offset = isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
      found.push({
        id: String(entry.get('id')),
        line: lines.linePos(offset).line,
        side: held['side'] === 'ours' ? 'ours' : 'theirs',
        deleted: held['deleted'] === true,
        ...described(held),
        entry: described(entry.toJSON() as Record<string, unknown>),
      });
    }
  }
  return found;
}
