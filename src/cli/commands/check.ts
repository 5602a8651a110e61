// `source-annotator check`: validates sidecars and label configurations like a compiler, one
// `path:line:column: message` per problem, so it can guard commits of a corpus kept in git.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap } from 'yaml';
import { parseYamlData } from '../../core/annotations/schema/yamlData';
import { MAX_SIDECAR_CHARACTERS } from '../../core/annotations/sidecar/types';
import { parseLabelConfig } from '../../core/annotations/labels/labelConfig';
import { loadAnnotations } from '../../core/annotations/sidecar/load';
import { parseSidecarOf } from '../../core/annotations/sidecar/parse';
import { articleSha256, editorText } from '../articleText';
import { describeError, errorCode } from '../fileErrors';
import { NotUtf8Error, notRegularFile, readRegularFile, readYamlFile } from '../../base/regularFile';
import type { CliCommand, CliIo } from '../io';
import { UsageError } from '../io';
import { collectTargets } from '../sidecarTargets';
import type { SidecarTarget } from '../sidecarTargets';
import { escapeForTerminal as show } from '../terminalText';

export const CHECK_USAGE = `Usage: source-annotator check [files or folders...]

Validates annotation sidecars (*.txt.annotations.yaml) against their schema and rules, reports a
sidecar whose article is missing (an error) or changed since it was written (a warning), and
validates the label configuration (.source-annotator.yaml) at the root of each folder given (or
named itself). Folders are searched recursively; an article named itself stands for its sidecar.
With no arguments, the current folder.

Prints one line per problem: path:line:column: error|warning: message.

Exit status: 0 when everything is valid (warnings allowed), 1 when a problem was found or an input
could not be read, 2 on a usage error.`;

export interface Diagnostic {
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** 1-based line and column of the value of `key` in a YAML mapping, or 1:1 (also when the text cannot be read as a sidecar). */
function keyPosition(yamlText: string, key: string): { line: number; column: number } {
  const data = parseYamlData(yamlText, 'A sidecar', MAX_SIDECAR_CHARACTERS);
  if (!data.ok) return { line: 1, column: 1 };
  const { document, lines } = data;
  const root = document.contents;
  const node = isMap(root) ? root.get(key, true) : undefined;
  const offset = (node as { range?: [number, number, number] } | undefined)?.range?.[0];
  if (offset === undefined) return { line: 1, column: 1 };
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/** Where the entry with `id` is in the sidecar's text (its `id:` line), else line 1. */
function idPosition(yamlText: string, id: string): { line: number; column: number } {
  const at = new RegExp(`^[ \\t-]*id: *["']?${id}["']?[ \\t]*$`, 'm').exec(yamlText);
  if (!at) return { line: 1, column: 1 };
  const before = yamlText.slice(0, at.index);
  return { line: before.split('\n').length, column: 1 };
}

/** The article's text, or why the article of a sidecar cannot be used. */
function readArticle(articlePath: string): { text: string } | { problem: string } {
  const name = path.basename(articlePath);
  try {
    const stats = fs.statSync(articlePath);
    if (!stats.isFile()) return { problem: `its article ${name} is ${notRegularFile(stats)}` };
    return { text: readRegularFile(articlePath) };
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return { problem: `its article ${name} is missing (renamed or deleted?); the tags have no text to point at` };
    return { problem: `its article ${name} cannot be read: ${describeError(e)}` };
  }
}

/** The problems of one sidecar's text, with the article it belongs to. */
export function checkSidecarText(yamlText: string, articlePath: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // An empty sidecar is what the editor reads as "no tags yet".
  const article = readArticle(articlePath);
  const articleFile = { fileName: path.basename(articlePath), sha256: 'problem' in article ? '' : articleSha256(editorText(article.text)) };
  const parsed = yamlText.trim() === '' ? undefined : parseSidecarOf(yamlText, articleFile);
  // One push per error: a spread of a few hundred thousand errors would overflow the call stack.
  if (parsed && !parsed.ok) for (const e of parsed.errors) diagnostics.push({ ...e, severity: 'error' as const });
  if ('problem' in article) diagnostics.push({ ...keyPosition(yamlText, 'file'), severity: 'error', message: article.problem });
  else if (parsed?.ok && parsed.sidecar.sha256 !== articleFile.sha256) {
    // Not wrong (the editor re-anchors when the article is opened), but worth committing together.
    diagnostics.push({ ...keyPosition(yamlText, 'sha256'), severity: 'warning', message: 'the article changed since this sidecar was written; `source-annotator reanchor` updates it' });
  } else if (parsed?.ok) {
    // The article is the one the sidecar names, yet a tag's words are not at its place (a hand edit, a merge).
    const { misplaced } = loadAnnotations(parsed.sidecar, editorText(article.text), articleFile.sha256);
    for (const id of misplaced) {
      diagnostics.push({ ...idPosition(yamlText, id), severity: 'warning', message: `the words of ${id} are not the article's text at its start and end; the editor finds it by its words, and \`source-annotator reanchor\` records where` });
    }
  }
  return diagnostics;
}

export function checkLabelConfigText(yamlText: string): Diagnostic[] {
  return parseLabelConfig(yamlText).problems.map((p) => ({ line: p.line, column: p.column, severity: p.severity, message: p.message }));
}

/** Problems listed for one file; the count of the others follows them. */
const MAX_LINES_PER_FILE = 200;

function checkFile(filePath: string, check: (text: string) => Diagnostic[], io: CliIo): { errors: number; warnings: number } {
  let text: string;
  try {
    text = readYamlFile(filePath);
  } catch (e) {
    // Bytes that are not UTF-8 are reported where the first one stands.
    const at = e instanceof NotUtf8Error ? `${e.fault.line}:${e.fault.column}` : '1:1';
    io.out(`${show(filePath)}:${at}: error: cannot read: ${describeError(e)}`);
    return { errors: 1, warnings: 0 };
  }
  let diagnostics: Diagnostic[];
  try {
    diagnostics = check(text);
  } catch (e) {
    io.out(`${show(filePath)}:1:1: error: internal error while checking: ${show(describeError(e))}`);
    return { errors: 1, warnings: 0 };
  }
  // The YAML parser repeats the position in its message; the line starts with it already.
  const message = (d: Diagnostic): string => show(d.message.replace(/ at line \d+, column \d+:?$/, ''));
  // A file broken all through would print a line per entry: the first ones say what is wrong, a count the rest.
  for (const d of diagnostics.slice(0, MAX_LINES_PER_FILE)) io.out(`${show(filePath)}:${d.line}:${d.column}: ${d.severity}: ${message(d)}`);
  if (diagnostics.length > MAX_LINES_PER_FILE) io.out(`${show(filePath)}: … and ${(diagnostics.length - MAX_LINES_PER_FILE).toLocaleString('en')} more problems not listed`);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}

function runCheck(argv: readonly string[], io: CliIo): Promise<number> {
  // No options of its own: `--` only marks where file names that start with `-` begin.
  const end = argv.indexOf('--');
  const before = end === -1 ? argv : argv.slice(0, end);
  const unknown = before.find((a) => a.startsWith('-') && a !== '-');
  if (unknown !== undefined) throw new UsageError(`unknown option "${unknown}"`);
  const inputs = end === -1 ? [...argv] : [...before, ...argv.slice(end + 1)];
  let files = 0;
  let failedFiles = 0;
  let errors = 0;
  let warnings = 0;
  for (const target of collectTargets(inputs, { labelConfigs: true })) {
    if (target.kind === 'untagged') continue;
    if (target.kind === 'problem') {
      io.out(`${show(target.path)}:1:1: error: ${show(target.message)}`);
      // A file that could not be checked is one of those checked, and failed: the summary adds up.
      files++;
      errors++;
      failedFiles++;
      continue;
    }
    files++;
    const counts =
      target.kind === 'labelConfig'
        ? checkFile(target.path, checkLabelConfigText, io)
        : checkFile(target.sidecarPath, (text) => checkSidecarText(text, (target satisfies SidecarTarget).articlePath), io);
    errors += counts.errors;
    warnings += counts.warnings;
    if (counts.errors > 0) failedFiles++;
  }
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const found = errors + warnings === 0 ? 'no problems' : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  io.err(`checked ${plural(files, 'file')}: ${found}${failedFiles > 0 ? ` (${plural(failedFiles, 'file')} failed)` : ''}`);
  return Promise.resolve(errors > 0 ? 1 : 0);
}

export const checkCommand: CliCommand = {
  summary: 'validate sidecars and the label configuration (for pre-commit hooks)',
  usage: CHECK_USAGE,
  run: runCheck,
};
