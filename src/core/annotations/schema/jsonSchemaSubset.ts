// A small validator for the part of JSON Schema (draft-07) our schema files use, run over the
// parsed YAML nodes rather than plain values so every problem carries the line of the offending
// node. It reads the very schema files that are contributed to the YAML extension, so the editor's
// squiggles and our own load errors cannot drift apart. Keywords outside SUPPORTED_KEYWORDS are
// refused by a unit test, so a schema edit cannot silently weaken validation.

import type { Document, LineCounter, YAMLMap } from 'yaml';
import { isAlias, isMap, isScalar, isSeq } from 'yaml';

type JsonPrimitive = string | number | boolean | null;

export interface JsonSchema {
  readonly $schema?: string;
  readonly $id?: string;
  readonly $ref?: string;
  readonly title?: string;
  readonly description?: string;
  readonly markdownDescription?: string;
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly enum?: readonly JsonPrimitive[];
  readonly const?: JsonPrimitive;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly default?: unknown;
  readonly definitions?: Readonly<Record<string, JsonSchema>>;
}

export const SUPPORTED_KEYWORDS: readonly string[] = [
  '$schema', '$id', '$ref', 'title', 'description', 'markdownDescription', 'type', 'properties', 'required',
  'additionalProperties', 'items', 'enum', 'const', 'pattern', 'minimum', 'maximum', 'minLength', 'maxLength',
  'default', 'definitions',
];

export interface SchemaProblem {
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  readonly message: string;
}

interface Walk {
  readonly root: JsonSchema;
  readonly document: Document;
  readonly lines: LineCounter;
  readonly problems: SchemaProblem[];
}

/** Validates `node` (a node of `document`) against `schema`; `root` resolves `$ref`s. */
export function validateNode(
  node: unknown,
  schema: JsonSchema,
  context: { readonly root: JsonSchema; readonly document: Document; readonly lines: LineCounter; readonly path: string; readonly fallbackOffset?: number },
): SchemaProblem[] {
  const walk: Walk = { root: context.root, document: context.document, lines: context.lines, problems: [] };
  check(walk, node, schema, context.path, context.fallbackOffset ?? 0);
  return walk.problems;
}

function resolveRef(root: JsonSchema, schema: JsonSchema): JsonSchema {
  if (schema.$ref === undefined) return schema;
  const name = /^#\/definitions\/(.+)$/.exec(schema.$ref)?.[1];
  const target = name === undefined ? undefined : root.definitions?.[name];
  if (target === undefined) throw new Error(`Unresolvable schema reference ${schema.$ref}`);
  return resolveRef(root, target);
}

export function nodeOffset(node: unknown, fallback: number): number {
  const range = (node as { range?: readonly number[] | null } | null)?.range;
  return range?.[0] ?? fallback;
}

function report(walk: Walk, offset: number, message: string): void {
  const { line, col } = walk.lines.linePos(offset);
  walk.problems.push({ line, column: col, message });
}

function typeOf(node: unknown): { type: string; value?: JsonPrimitive } {
  if (isMap(node)) return { type: 'object' };
  if (isSeq(node)) return { type: 'array' };
  if (isScalar(node)) {
    const value = node.value;
    if (value === null || value === undefined) return { type: 'null', value: null };
    if (typeof value === 'string' || typeof value === 'boolean') return { type: typeof value, value };
    if (typeof value === 'number') return { type: Number.isInteger(value) ? 'integer' : 'number', value };
    return { type: 'unknown' };
  }
  return { type: node === null || node === undefined ? 'null' : 'unknown' };
}

function matchesType(actual: string, expected: string): boolean {
  return actual === expected || (expected === 'number' && actual === 'integer');
}

function describe(path: string): string {
  return path === '' ? 'the file' : `\`${path}\``;
}

function check(walk: Walk, rawNode: unknown, rawSchema: JsonSchema, path: string, parentOffset: number): void {
  const schema = resolveRef(walk.root, rawSchema);
  const node: unknown = isAlias(rawNode) ? rawNode.resolve(walk.document) : rawNode;
  const offset = nodeOffset(rawNode, parentOffset);
  const { type, value } = typeOf(node);

  if (schema.type !== undefined) {
    const expected = typeof schema.type === 'string' ? [schema.type] : schema.type;
    if (!expected.some((t) => matchesType(type, t))) {
      report(walk, offset, `${describe(path)} must be ${expected.map(article).join(' or ')}, not ${article(type)}`);
      return;
    }
  }
  if (schema.const !== undefined && value !== schema.const) {
    report(walk, offset, `${describe(path)} must be ${JSON.stringify(schema.const)}`);
  }
  if (schema.enum !== undefined && !schema.enum.some((allowed) => allowed === value)) {
    report(walk, offset, `${describe(path)} must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  }
  if (typeof value === 'string') checkString(walk, value, schema, path, offset);
  if (typeof value === 'number') checkNumber(walk, value, schema, path, offset);
  if (isMap(node)) checkObject(walk, node, schema, path, offset);
  if (isSeq(node) && schema.items !== undefined) {
    node.items.forEach((item, index) => check(walk, item, schema.items ?? {}, `${path}[${index}]`, offset));
  }
}

function checkString(walk: Walk, value: string, schema: JsonSchema, path: string, offset: number): void {
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
    report(walk, offset, `${describe(path)} has the wrong form (${JSON.stringify(value)})`);
  }
  if (schema.minLength !== undefined && [...value].length < schema.minLength) {
    report(walk, offset, `${describe(path)} must have at least ${schema.minLength} character(s)`);
  }
  if (schema.maxLength !== undefined && [...value].length > schema.maxLength) {
    report(walk, offset, `${describe(path)} must have at most ${schema.maxLength} character(s)`);
  }
}

function checkNumber(walk: Walk, value: number, schema: JsonSchema, path: string, offset: number): void {
  // YAML's `.nan` compares false with every bound, so a bounded number must say it is no number.
  if (Number.isNaN(value) && (schema.minimum !== undefined || schema.maximum !== undefined)) report(walk, offset, `${describe(path)} must be a number, not .nan`);
  if (schema.minimum !== undefined && value < schema.minimum) report(walk, offset, `${describe(path)} must be at least ${schema.minimum}`);
  if (schema.maximum !== undefined && value > schema.maximum) report(walk, offset, `${describe(path)} must be at most ${schema.maximum}`);
}

function checkObject(walk: Walk, node: YAMLMap, schema: JsonSchema, path: string, offset: number): void {
  const seen = new Set<string>();
  for (const pair of node.items) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const keyOffset = nodeOffset(keyNode, offset);
    seen.add(key);
    const childPath = path === '' ? key : `${path}.${key}`;
    const propertySchema = schema.properties?.[key];
    if (propertySchema !== undefined) {
      check(walk, pair.value, propertySchema, childPath, keyOffset);
    } else if (schema.additionalProperties === false) {
      report(walk, keyOffset, `${describe(childPath)} is not a known key here`);
    } else if (typeof schema.additionalProperties === 'object') {
      check(walk, pair.value, schema.additionalProperties, childPath, keyOffset);
    }
  }
  for (const key of schema.required ?? []) {
    if (!seen.has(key)) report(walk, offset, `${describe(path)} lacks the required key \`${key}\``);
  }
}

function article(type: string): string {
  const names: Record<string, string> = {
    object: 'a mapping', array: 'a list', string: 'a string', integer: 'a whole number', number: 'a number',
    boolean: 'true or false', null: 'empty',
  };
  return names[type] ?? type;
}
