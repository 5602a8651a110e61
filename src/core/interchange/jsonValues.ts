// Reading untyped JSON from exchange files without trusting its shape.

import type { AttributeValue } from '../annotations/model/types';

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Only the keys whose value is defined, so optional fields stay absent. */
export function optional<T extends Record<string, unknown>>(values: T): Partial<{ [K in keyof T]: Exclude<T[K], undefined> }> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<{ [K in keyof T]: Exclude<T[K], undefined> }>;
}

export function attributeRecord(raw: Record<string, unknown>): Record<string, AttributeValue> {
  const record: Record<string, AttributeValue> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') record[key] = value;
  }
  return record;
}

/** What a JSON value is, for a message: "12345", "a list", "an object". */
function shapeOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isObject(value)) return 'an object';
  return JSON.stringify(value) ?? String(value);
}

/**
 * Messages for the fields of an exchange file's tag that are there but of the wrong type, each of
 * which the reader leaves out (`strings`: the keys read as strings; `attributes`: the key of the
 * attributes object): a note given as a number is reported, not silently lost.
 */
export function wrongTypes(span: Record<string, unknown>, what: string, strings: readonly string[], attributes?: string): string[] {
  const out: string[] = [];
  for (const key of strings) {
    const value = span[key];
    if (value !== undefined && value !== null && typeof value !== 'string') out.push(`${what}: its ${key} is ${shapeOf(value)}, not a string; left out`);
  }
  const attrs = attributes === undefined ? undefined : span[attributes];
  if (attrs !== undefined && attrs !== null) {
    if (!isObject(attrs)) out.push(`${what}: its ${attributes ?? ''} are ${shapeOf(attrs)}, not an object of names and values; left out`);
    else {
      for (const [key, value] of Object.entries(attrs)) {
        if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') out.push(`${what}: its attribute ${JSON.stringify(key)} is ${shapeOf(value)}, not a string, number or true/false; left out`);
      }
    }
  }
  return out;
}

export function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A character offset: a whole number from 0 up (a string, a fraction or a negative number is none). */
export function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * How an exchange file's span with offsets `start` and `end` and words `text` can be placed: by
 * its offsets (`at`), by its words alone when the offsets are not whole numbers, end before they
 * start or run past the text they count in (`length` code points, when the file gives that text)
 * (said in `problem`), or not at all (`skip` says why). `what` names the span in the message.
 */
export function spanPlacing(start: unknown, end: unknown, text: string | undefined, what: string, length?: number): { readonly at?: { start: number; end: number }; readonly problem?: string } | { readonly skip: string } {
  const given = `start ${JSON.stringify(start) ?? 'missing'}, end ${JSON.stringify(end) ?? 'missing'}`;
  let wrong: string;
  if (!isOffset(start) || !isOffset(end)) wrong = `offsets are not whole numbers (${given})`;
  else if (end < start) wrong = `it ends before it starts (${given})`;
  else if (length !== undefined && end > length) wrong = `its offsets run past the end of its text (${given}, the text has ${length} characters)`;
  else return { at: { start, end } };
  if (text !== undefined && text !== '') return { problem: `${what}: ${wrong}; placed by its words` };
  return { skip: `${what}: ${wrong} and it states no words; skipped` };
}
