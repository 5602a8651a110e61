// The label configuration (`.source-annotator.yaml` at the workspace root). A bad entry is
// reported with its line and skipped, so one typo does not take away every other label.

import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter } from 'yaml';
import { nodeOffset, validateNode } from '../schema/jsonSchemaSubset';
import { parseYamlData } from '../schema/yamlData';
import type { JsonSchema } from '../schema/jsonSchemaSubset';
import labelConfigSchemaJson from './labelConfigSchema.json';
import { DEFAULT_LABELS, type AttributeType, type Label } from './labelDefaults';

// Imported from here by earlier code; they live apart so that reading them does not load yaml.
export { DEFAULT_LABELS, LABEL_CONFIG_FILE } from './labelDefaults';
export type { AttributeType, Label, LabelAttribute } from './labelDefaults';

export const labelConfigSchema: JsonSchema = labelConfigSchemaJson;

/** Label files longer than this are refused unread (about 2,500 labels; the defaults apply): parsing costs time in proportion, and nobody picks among more labels. */
export const MAX_LABEL_CONFIG_CHARACTERS = 250_000;

export interface LabelConfigProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** `error`: the entry was skipped. `warning`: the entry was used, with the offending part dropped. */
  readonly severity: 'error' | 'warning';
}

export interface LabelConfig {
  readonly labels: readonly Label[];
  readonly problems: readonly LabelConfigProblem[];
  /** True when the file named no labels (or could not be read) and the defaults apply. */
  readonly usesDefaults: boolean;
}

export function parseLabelConfig(yamlText: string): LabelConfig {
  const problems: LabelConfigProblem[] = [];
  const defaults = (): LabelConfig => ({ labels: DEFAULT_LABELS, problems, usesDefaults: true });
  const data = parseYamlData(yamlText, 'The label file', MAX_LABEL_CONFIG_CHARACTERS);
  if (!data.ok) {
    for (const p of asErrors(data.problems)) problems.push({ ...p, message: `${p.message}; the default labels are used` });
    return defaults();
  }
  const { document, lines } = data;
  const root = document.contents;
  if (root === null) return defaults();
  const context = { root: labelConfigSchema, document, lines };
  if (!isMap(root)) {
    for (const p of asErrors(validateNode(root, labelConfigSchema, { ...context, path: '' }))) problems.push(p);
    return defaults();
  }
  const list = root.get('labels', true);
  if (list === undefined) return defaults();
  if (!isSeq(list)) {
    for (const p of asErrors(validateNode(list, labelConfigSchema.properties?.['labels'] ?? {}, { ...context, path: 'labels' }))) problems.push(p);
    return defaults();
  }

  const labels: Label[] = [];
  const names = new Set<string>();
  const keys = new Set<string>();
  const labelSchema = labelConfigSchema.definitions?.['label'] ?? {};
  list.items.forEach((item, index) => {
    const entryProblems = validateNode(item, labelSchema, { ...context, path: `labels[${index}]`, fallbackOffset: nodeOffset(list, 0) });
    if (entryProblems.length > 0) {
      for (const p of asErrors(entryProblems)) problems.push({ ...p, message: `${p.message}; this label is skipped` });
      return;
    }
    const label = toLabel(item, document);
    const warn = (node: unknown, message: string): void => {
      const { line, col } = lines.linePos(nodeOffset(node, nodeOffset(item, 0)));
      problems.push({ line, column: col, message, severity: 'warning' });
    };
    if (names.has(label.name)) {
      problems.push({ ...at(lines, isMap(item) ? item.get('name', true) : item, `The label name "${label.name}" is used twice; the later one is skipped`), severity: 'error' });
      return;
    }
    const keyNode = isMap(item) ? item.get('key', true) : undefined;
    const keyTaken = label.key !== undefined && keys.has(label.key);
    if (keyTaken) warn(keyNode, `The key "${label.key ?? ''}" already picks another label; "${label.name}" gets no key`);
    names.add(label.name);
    if (label.key !== undefined) keys.add(label.key);
    labels.push(keyTaken ? { ...label, key: undefined } : label);
  });
  return { labels, problems, usesDefaults: false };
}

function at(lines: LineCounter, node: unknown, message: string): { line: number; column: number; message: string } {
  const { line, col } = lines.linePos(nodeOffset(node, 0));
  return { line, column: col, message };
}

function asErrors(problems: readonly { line: number; column: number; message: string }[]): LabelConfigProblem[] {
  return problems.map((p) => ({ ...p, severity: 'error' }));
}

interface RawLabel {
  name: string;
  description?: string;
  color?: string;
  key?: string;
  attributes?: { name: string; description?: string; type: AttributeType; required?: boolean }[];
}

/** Only called on a node the schema accepted, so the shape is known. */
function toLabel(node: unknown, document: Document): Label {
  const raw = (isMap(node) || isScalar(node) ? node.toJS(document) : {}) as RawLabel;
  return {
    name: raw.name,
    ...(raw.description === undefined ? {} : { description: raw.description }),
    ...(raw.color === undefined ? {} : { color: raw.color }),
    ...(raw.key === undefined ? {} : { key: raw.key }),
    attributes: (raw.attributes ?? []).map((a) => ({
      name: a.name,
      ...(a.description === undefined ? {} : { description: a.description }),
      type: a.type,
      required: a.required ?? false,
    })),
  };
}
