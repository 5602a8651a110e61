// `source-annotator reanchor`: after articles changed outside the editor (a re-scrape, a script, a
// merge), finds every tag again with the editor's algorithm and rewrites the sidecars the way the
// editor would, so the corpus in git stays consistent without opening each file.
import * as path from 'node:path';
import { LineIndex } from '../../core/annotations/anchoring/positions';
import type { LineCharacter } from '../../core/annotations/anchoring/positions';
import type { AnchorOutcome } from '../../core/annotations/sidecar/load';
import { loadAnnotations } from '../../core/annotations/sidecar/load';
import { parseSidecar, parseSidecarOf } from '../../core/annotations/sidecar/parse';
import { serialiseSidecar } from '../../core/annotations/sidecar/serialise';
import type { StoredSidecar } from '../../core/annotations/sidecar/types';
import { articleSha256, editorText } from '../articleText';
import { writeFileAtomically } from '../../base/atomicWrite';
import { describeError } from '../fileErrors';
import { readRegularFile, readYamlFile } from '../../base/regularFile';
import type { CliCommand, CliIo } from '../io';
import { UsageError } from '../io';
import { collectTargets } from '../sidecarTargets';
import type { SidecarTarget } from '../sidecarTargets';
import { escapeForTerminal as show } from '../terminalText';

export const REANCHOR_USAGE = `Usage: source-annotator reanchor [--dry-run] [files or folders...]

For each sidecar (*.txt.annotations.yaml) whose article changed since it was written (its sha256
differs), finds every tag again with the same algorithm as the editor and rewrites the sidecar
atomically, byte for byte as the editor would. Prints per sidecar how many tags were kept in
place, moved, need a person's review, and were orphaned (their passage is gone; they are kept).
A sidecar that is not valid is left untouched and its problems are printed.
Folders are searched recursively; an article named itself stands for its sidecar. With no
arguments, the current folder.

Options:
  --dry-run   report what would change, write nothing

Exit status: 0 when every sidecar is up to date or was rewritten, 1 when a sidecar has problems
or a file could not be read or written, 2 on a usage error.`;

export interface ReanchorCounts {
  kept: number;
  moved: number;
  review: number;
  orphaned: number;
}

export interface ReanchorResult {
  /** The new sidecar text, or undefined when the article did not change. */
  readonly content: string | undefined;
  readonly counts: ReanchorCounts;
  /** Entries to show a person: found but not surely, or newly orphaned. */
  readonly attention: readonly string[];
}

type Parsed = Extract<ReturnType<typeof parseSidecar>, { ok: true }>;

const samePosition = (a: LineCharacter, b: LineCharacter): boolean => a.line === b.line && a.character === b.character;

function quoted(passage: string): string {
  const one = passage.replace(/\s+/g, ' ');
  return `“${show(one.length > 60 ? `${one.slice(0, 59)}…` : one)}”`;
}

/** Re-anchors one parsed sidecar on the article text; pure, so it is tested without files. */
export function reanchorSidecar(sidecarText: string, sidecar: StoredSidecar, articleFileText: string, articleName: string): ReanchorResult {
  const text = editorText(articleFileText);
  const sha256 = articleSha256(text);
  const counts: ReanchorCounts = { kept: 0, moved: 0, review: 0, orphaned: 0 };
  const loaded = loadAnnotations(sidecar, text, sha256);
  if (sha256 === sidecar.sha256 && loaded.misplaced.length === 0) return { content: undefined, counts, attention: [] };
  const lines = new LineIndex(text);
  const stored = [...sidecar.annotations, ...sidecar.rejections];
  const placed = [...loaded.set.annotations, ...loaded.set.rejections];
  const attention: string[] = [];
  placed.forEach((entry, i) => {
    const before = stored[i];
    const outcome: AnchorOutcome | undefined = loaded.outcomes[i];
    const what = show('label' in entry ? `tag ${entry.id} (${entry.label})` : `dismissed ${entry.kind} ${entry.id}`);
    if (entry.status === 'orphaned') {
      counts.orphaned++;
      // Orphaned with its words still somewhere in the text: where it was could not be told (copies
      // of the words, or too little of its surroundings left), which the message says as it is.
      const why = entry.text !== '' && text.includes(entry.text) ? 'is still in the text, but which place was tagged could not be told; tag it again there' : 'is no longer in the text';
      if (before?.status !== 'orphaned') attention.push(`orphaned ${what}: ${quoted(entry.text)} ${why}`);
    } else if (outcome?.needsReview) {
      counts.review++;
      const found = quoted(text.slice(entry.start, entry.end));
      attention.push(`review ${what} at line ${lines.positionAt(entry.start).line}: ${found} was found, but not surely`);
    } else if (before && samePosition(before.start, lines.positionAt(entry.start)) && samePosition(before.end, lines.positionAt(entry.end))) counts.kept++;
    else counts.moved++;
  });
  const content = serialiseSidecar(sidecarText, { ...loaded.set, file: articleName }, text);
  return { content, counts, attention };
}

interface Options {
  readonly dryRun: boolean;
  readonly inputs: string[];
}

function parseArgs(argv: readonly string[]): Options {
  const inputs: string[] = [];
  let dryRun = false;
  let operandsOnly = false;
  for (const arg of argv) {
    if (operandsOnly || arg === '-' || !arg.startsWith('-')) inputs.push(arg);
    else if (arg === '--') operandsOnly = true;
    else if (arg === '--dry-run' || arg === '-n') dryRun = true;
    else throw new UsageError(`unknown option "${arg}"`);
  }
  return { dryRun, inputs };
}

function describeCounts(c: ReanchorCounts): string {
  return `${c.kept} kept, ${c.moved} moved, ${c.review} to review, ${c.orphaned} orphaned`;
}

type Outcome = 'unchanged' | 'rewritten' | 'failed';

function reanchorOne(target: SidecarTarget, options: Options, io: CliIo): Outcome {
  const where = show(target.sidecarPath);
  let sidecarText: string;
  let articleText: string;
  try {
    sidecarText = readYamlFile(target.sidecarPath);
  } catch (e) {
    io.err(`source-annotator: cannot read ${where}: ${describeError(e)}`);
    return 'failed';
  }
  if (sidecarText.trim() === '') return 'unchanged';
  try {
    articleText = readRegularFile(target.articlePath);
  } catch (e) {
    io.err(`source-annotator: ${where}: cannot read its article ${show(target.articlePath)}: ${describeError(e)}; left untouched`);
    return 'failed';
  }
  const parsed = parseSidecarOf(sidecarText, { fileName: path.basename(target.articlePath), sha256: articleSha256(editorText(articleText)) });
  if (!parsed.ok) {
    for (const e of parsed.errors) io.err(`${where}:${e.line}:${e.column}: error: ${show(e.message)}`);
    io.err(`source-annotator: ${where}: not valid; left untouched`);
    return 'failed';
  }
  return rewrite(target, sidecarText, parsed, articleText, options, io);
}

function rewrite(target: SidecarTarget, sidecarText: string, parsed: Parsed, articleText: string, options: Options, io: CliIo): Outcome {
  const where = show(target.sidecarPath);
  let result: ReanchorResult;
  try {
    result = reanchorSidecar(sidecarText, parsed.sidecar, articleText, path.basename(target.articlePath));
  } catch (e) {
    io.err(`source-annotator: ${where}: internal error while re-anchoring: ${describeError(e)}; left untouched`);
    return 'failed';
  }
  if (result.content === undefined || result.content === sidecarText) return 'unchanged';
  // The rewrite is checked like a hand edit would be: a sidecar with problems is never written.
  const recheck = parseSidecar(result.content);
  if (!recheck.ok) {
    const first = recheck.errors[0];
    io.err(`source-annotator: ${where}: the re-anchored sidecar would not be valid (line ${first?.line ?? 1}: ${show(first?.message ?? '')}); left untouched`);
    return 'failed';
  }
  if (!options.dryRun) {
    try {
      writeFileAtomically(target.sidecarPath, result.content, { durable: true, unchangedSince: sidecarText });
    } catch (e) {
      io.err(`source-annotator: cannot write ${where}: ${describeError(e)}; the previous file is intact`);
      return 'failed';
    }
  }
  io.out(`${where}: ${describeCounts(result.counts)}${options.dryRun ? ' (dry run: not written)' : ''}`);
  for (const line of result.attention) io.out(`  ${line}`);
  return 'rewritten';
}

function runReanchor(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseArgs(argv);
  const tally: Record<Outcome, number> = { unchanged: 0, rewritten: 0, failed: 0 };
  for (const target of collectTargets(options.inputs, { labelConfigs: false })) {
    if (target.kind === 'untagged' || target.kind === 'labelConfig') continue;
    if (target.kind === 'problem') {
      io.err(`source-annotator: ${show(target.path)}: ${show(target.message)}`);
      tally.failed++;
      continue;
    }
    tally[reanchorOne(target, options, io)]++;
  }
  const verb = options.dryRun ? 'would rewrite' : 'rewrote';
  io.err(`${verb} ${tally.rewritten}, ${tally.unchanged} up to date, ${tally.failed} failed`);
  return Promise.resolve(tally.failed > 0 ? 1 : 0);
}

export const reanchorCommand: CliCommand = {
  summary: 'find tags again in articles changed outside the editor and update their sidecars',
  usage: REANCHOR_USAGE,
  run: runReanchor,
};
