// Reading a YAML file that holds data a person may edit by hand (a sidecar, the label
// configuration). Anchors and aliases are refused: an alias makes two entries share one node, so
// a rewrite changes both (a tag's text and note silently taken over by another), a value can hide
// from the checks made on the place it is used, and a few hundred bytes of nested aliases expand
// to gigabytes. Merge keys (`<<`) are refused too: YAML 1.1 tools merge them, YAML 1.2 tools keep
// them as a key, so the same file would mean two things. The size is bounded before parsing, so
// time and memory stay bounded whatever the file holds.

import type { Document, Node as YamlNode } from 'yaml';
import { isAlias, isScalar, LineCounter, parseDocument, visit } from 'yaml';

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
  // uniqueKeys (the default) refuses a key given twice; merge stays off so `<<` is a plain key
  // that the check below can report.
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: true, merge: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    return { ok: false, problems: document.errors.map((e) => ({ line: e.linePos?.[0].line ?? 1, column: e.linePos?.[0].col ?? 1, message: e.message.split('\n')[0] ?? e.message })) };
  }
  const problems = sharedNodeProblems(document, lines);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, document, lines };
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
  visit(document, {
    Alias: (_key, node) => {
      report(node, `The alias *${node.source} is not allowed here: write the value out in full (aliases would make entries share, and lose, data)`);
    },
    Node: (_key, node) => {
      if (!isAlias(node) && node.anchor !== undefined) {
        report(node, `The anchor &${node.anchor} is not allowed here: remove it (anchors and aliases are not used in this file)`);
      }
    },
    Pair: (_key, pair) => {
      if (isScalar(pair.key) && pair.key.value === '<<') {
        report(pair.key, 'The merge key `<<` is not allowed here: write the keys out in full');
      }
    },
  });
  const last = problems[problems.length - 1];
  if (hidden > 0 && last !== undefined) problems[problems.length - 1] = { ...last, message: `${last.message} (and ${hidden} more such problems)` };
  return problems;
}
