// Reading a YAML file that holds data a person may edit by hand (a sidecar, the label
// configuration). Anchors and aliases are refused: an alias makes two entries share one node, so
// a rewrite changes both (a tag's text and note silently taken over by another), a value can hide
// from the checks made on the place it is used, and a few hundred bytes of nested aliases expand
// to gigabytes. Merge keys (`<<`) are refused too: YAML 1.1 tools merge them, YAML 1.2 tools keep
// them as a key, so the same file would mean two things. The size is bounded before parsing, and
// so is nesting (the YAML reader builds each level by a call of its own: a file of a few thousand
// `[` or `- ` would exhaust the stack, and can abort the process), so time and memory stay bounded
// whatever the file holds.

import type { Document, Node as YamlNode } from 'yaml';
import { CST, isAlias, isNode, isScalar, Lexer, LineCounter, parseDocument, visit } from 'yaml';

export interface YamlDataProblem {
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  readonly message: string;
}

export type YamlDataResult =
  | { readonly ok: true; readonly document: Document; readonly lines: LineCounter }
  | { readonly ok: false; readonly problems: readonly YamlDataProblem[] };

/**
 * How such a file is parsed once it is known to be data (by parseYamlData, or because the product
 * wrote it): `<<` a plain key, keys given twice found by the linear check of parseYamlData (the
 * reader's own compares each key with every key before it), the YAML 1.1 types left unread.
 */
export const DATA_OPTIONS = { merge: false, uniqueKeys: false, resolveKnownTags: false } as const;

/** Problems of one kind (say, aliases) beyond this many are summed up in the last message. */
const MAX_REPORTED = 20;

/**
 * @param what how the file is named in messages, e.g. `A sidecar`
 * @param maxCharacters files longer than this are refused unread
 */
export function parseYamlData(text: string, what: string, maxCharacters: number): YamlDataResult {
  if (text.length > maxCharacters) {
    const message = `${what} may hold at most ${maxCharacters.toLocaleString('en')} characters; this one has ${text.length.toLocaleString('en')}, so it is not read (and never overwritten)`;
    return { ok: false, problems: [{ line: 1, column: 1, message }] };
  }
  const lines = new LineCounter();
  const deep = firstTooDeep(text);
  if (deep !== null) {
    const lineStart = text.lastIndexOf('\n', deep - 1) + 1;
    const line = text.slice(0, lineStart).split('\n').length;
    return { ok: false, problems: [{ line, column: deep - lineStart + 1, message: `${what} may nest at most ${MAX_NESTING} levels of lists and mappings (indentation included); this one may nest deeper here, so it is not read (and never overwritten)` }] };
  }
  // merge stays off so that `<<` is a plain key the check below can report. Keys given twice are
  // found below too, in one pass: the reader's own check (uniqueKeys) compares each key with every
  // key before it (a sidecar of 150,000 keys took minutes). The YAML 1.1 types (!!omap, !!set,
  // !!pairs, !!binary, !!timestamp) are no data of these files, and building an !!omap compares
  // each entry with all before it: their tags are left unread.
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: true, ...DATA_OPTIONS });
  if (document.errors.length > 0) {
    return { ok: false, problems: document.errors.map((e) => ({ line: e.linePos?.[0].line ?? 1, column: e.linePos?.[0].col ?? 1, message: e.message.split('\n')[0] ?? e.message })) };
  }
  const problems = sharedNodeProblems(document, lines);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, document, lines };
}

/**
 * A bound on nesting far above any file the product reads (a sidecar nests five levels, indented
 * two columns each) and far below what exhausts the stack.
 */
export const MAX_NESTING = 200;

/**
 * The offset where a list or mapping may nest deeper than MAX_NESTING, or null. Read from the YAML
 * reader's tokens (its first stage, a linear scan that can stop at the first excess): the depth at a
 * token is at most the open `[`/`{` around it, plus the line's indentation (a nested block is
 * indented further), plus the `-`, `?` and `:` of blocks before it on its line (`- - x` nests on one
 * line; inside brackets they nest nothing, so a file written as JSON on one line is read).
 */
function firstTooDeep(text: string): number | null {
  let flow = 0;
  let indicators = 0;
  let indent = 0;
  let atLineStart = true;
  let offset = 0;
  for (const source of new Lexer().lex(text)) {
    // Markers the lexer adds for the next stage, not characters of the file.
    if (source === CST.DOCUMENT || source === CST.FLOW_END || source === CST.SCALAR) continue;
    const type = CST.tokenType(source);
    if (type === 'newline') {
      atLineStart = true;
      indent = 0;
      indicators = 0;
    } else if (type === 'space' && atLineStart) {
      indent = source.length;
      atLineStart = false;
    } else {
      atLineStart = false;
      if (type === 'flow-seq-start' || type === 'flow-map-start') flow++;
      else if (type === 'flow-seq-end' || type === 'flow-map-end') flow = Math.max(0, flow - 1);
      else if (flow === 0 && (type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind')) indicators++;
      if (flow + indicators + indent > MAX_NESTING) return offset;
    }
    offset += source.length;
  }
  return null;
}

function sharedNodeProblems(document: Document, lines: LineCounter): YamlDataProblem[] {
  const problems: YamlDataProblem[] = [];
  let hidden = 0;
  const report = (node: YamlNode | null | undefined, message: string): void => {
    if (problems.length >= MAX_REPORTED) {
      hidden++;
      return;
    }
    const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
    problems.push({ line, column: col, message });
  };
  const anchor = (node: YamlNode): void => {
    if (!isAlias(node) && node.anchor !== undefined) {
      report(node, `The anchor &${node.anchor} is not allowed here: remove it (anchors and aliases are not used in this file)`);
    }
  };
  visit(document, {
    Alias: (_key, node) => {
      report(node, `The alias *${node.source} is not allowed here: write the value out in full (aliases would make entries share, and lose, data)`);
    },
    Node: (_key, node) => anchor(node),
    // A mapping is visited here, not by Node above: its anchor is checked here too.
    Map: (_key, map) => {
      anchor(map);
      const seen = new Set<string>();
      for (const pair of map.items) {
        // A key is told by its type and value, as YAML compares them (1 and "1" are two keys).
        const key = isScalar(pair.key) ? `${typeof pair.key.value}:${String(pair.key.value)}` : pair.key === null ? 'null:' : undefined;
        if (key === undefined) {
          // `? [a, b]`: a list or mapping as a key, which reading would turn into the string "[ a, b ]".
          report(isNode(pair.key) ? pair.key : map, 'A list or mapping is not allowed as a key: write the key as a word or a string');
          continue;
        }
        if (seen.has(key)) report(isScalar(pair.key) ? pair.key : map, `The key ${isScalar(pair.key) ? JSON.stringify(String(pair.key.value)) : 'null'} is given twice in one mapping: keep one (a reader would take either)`);
        seen.add(key);
      }
    },
    Pair: (_key, pair) => {
      // Plain only: a quoted "<<" is an ordinary key to every YAML reader.
      if (isScalar(pair.key) && pair.key.value === '<<' && (pair.key.type === undefined || pair.key.type === 'PLAIN')) {
        report(pair.key, 'The merge key `<<` is not allowed here: write the keys out in full');
      }
    },
  });
  const last = problems[problems.length - 1];
  if (hidden > 0 && last !== undefined) problems[problems.length - 1] = { ...last, message: `${last.message} (and ${hidden} more such problems)` };
  return problems;
}
