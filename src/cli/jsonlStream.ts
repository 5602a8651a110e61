// Analyses a stream of JSON lines `{"id": …, "text": "…"}` into a stream of JSON lines, one analysis
// per input line with the same id (`{"id": …, "quotes": […], …}`), in constant memory: a line is
// read, analysed, written and dropped, and output waits when the reader is slow. A bad line gives an
// error line `{"id": … or null, "line": n, "error": "…"}` and the stream goes on.
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { analyze } from '../core/analysis/analyze';
import type { Analysis } from '../core/analysis/types';

export interface JsonlOptions {
  /** Longer lines are skipped with an error line instead of being held in memory. */
  readonly maxLineChars?: number;
  /** The analysis to run (the engine's analyze() by default). */
  readonly analyse?: (text: string) => Analysis;
}

export interface JsonlStats {
  readonly analysed: number;
  readonly errors: number;
}

const DEFAULT_MAX_LINE_CHARS = 64 * 1024 * 1024;

type LineEvent = { readonly line: number; readonly text: string } | { readonly line: number; readonly tooLong: true };

/** The lines of a text stream (LF or CRLF), each at most `max` characters; longer ones are reported, not kept. */
async function* readLines(input: Readable, max: number): AsyncGenerator<LineEvent> {
  input.setEncoding('utf8');
  let buffer = '';
  let skipping = false;
  let line = 0;
  for await (const chunk of input as AsyncIterable<string>) {
    let from = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', from)) {
      line++;
      if (skipping || buffer.length + nl - from > max) yield { line, tooLong: true };
      else yield { line, text: (buffer + chunk.slice(from, nl)).replace(/\r$/, '') };
      buffer = '';
      skipping = false;
      from = nl + 1;
    }
    if (!skipping) buffer += chunk.slice(from);
    if (buffer.length > max) {
      buffer = '';
      skipping = true;
    }
  }
  if (skipping) yield { line: line + 1, tooLong: true };
  else if (buffer !== '') yield { line: line + 1, text: buffer.replace(/\r$/, '') };
}

function idOf(value: unknown): string | number | null {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null;
  const id: unknown = value.id;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

/** The output line for one input line: its analysis, or an error object. Never throws. */
export function analyseJsonlLine(text: string, line: number, analyse: (text: string) => Analysis = analyze): { readonly json: string; readonly ok: boolean } {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (e) {
    return { json: JSON.stringify({ id: null, line, error: `not JSON: ${e instanceof Error ? e.message : String(e)}` }), ok: false };
  }
  const id = idOf(record);
  const body = typeof record === 'object' && record !== null ? (record as { text?: unknown }).text : undefined;
  if (id === null) return { json: JSON.stringify({ id: null, line, error: 'missing "id" (a string or a number)' }), ok: false };
  if (typeof body !== 'string') return { json: JSON.stringify({ id, line, error: 'missing "text" (a string)' }), ok: false };
  try {
    return { json: JSON.stringify({ id, ...analyse(body) }), ok: true };
  } catch (e) {
    return { json: JSON.stringify({ id, line, error: `analysis failed: ${e instanceof Error ? e.message : String(e)}` }), ok: false };
  }
}

/** Reads JSON lines from `input` and writes one result line per non-blank input line to `output`. */
export async function analyseJsonlStream(input: Readable, output: Writable, options: JsonlOptions = {}): Promise<JsonlStats> {
  const max = options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS;
  let analysed = 0;
  let errors = 0;
  for await (const event of readLines(input, max)) {
    let json: string;
    if ('tooLong' in event) {
      json = JSON.stringify({ id: null, line: event.line, error: `line longer than ${max} characters` });
      errors++;
    } else {
      if (event.text.trim() === '') continue;
      const r = analyseJsonlLine(event.text, event.line, options.analyse);
      json = r.json;
      if (r.ok) analysed++;
      else errors++;
    }
    if (!output.write(`${json}\n`)) await once(output, 'drain');
  }
  return { analysed, errors };
}
