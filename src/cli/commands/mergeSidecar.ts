// `source-annotator merge-sidecar %O %A %B %P`: git's merge driver for sidecars. Writes the merge
// into %A (git's contract) and exits 1 when a conflict is left for a person to settle.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SIDECAR_SUFFIX } from '../../core/annotations/sidecar/types';
import { mergeSidecars } from '../../core/interchange/mergeSidecars';
import type { MergeArticle } from '../../core/interchange/mergeSidecars';
import { describeError, errorCode } from '../fileErrors';
import { whyNotRead } from '../inputWalker';
import { readYamlFile } from '../../base/regularFile';
import type { CliCommand, CliIo } from '../io';
import { UsageError } from '../io';
import { sha256Of } from './interchangeFiles';
import { writeFileAtomically } from '../../base/atomicWrite';

export const MERGE_SIDECAR_USAGE = `Usage: source-annotator merge-sidecar BASE OURS THEIRS [PATH]

The git merge driver for *.txt.annotations.yaml (set it up with \`source-annotator git-setup\`):
git runs it as \`merge-sidecar %O %A %B %P\`. Tags are matched by id: added on either side, kept;
changed on one side, the change is taken; changed differently on both sides, ours stays and a
\`conflict:\` key under it holds theirs (exit status 1, so git reports the conflict). When the
article text differs between the sides, tags are re-anchored to the merged article (PATH without
${SIDECAR_SUFFIX}).`;

/**
 * One side's text ('' for a side that does not exist), or why it cannot be read: a FIFO or a device
 * would block or never end, and a side read as empty because it could not be read would be merged
 * away (our tags lost from %A).
 */
function readSide(file: string): { text: string } | { problem: string } {
  try {
    return { text: readYamlFile(file) };
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return { text: '' };
    return { problem: `${file}: ${whyNotRead(e)}` };
  }
}

/** `git` in the current folder (git runs drivers at the top of the work tree); undefined on failure. */
function git(args: readonly string[], input?: string): string | undefined {
  const r = spawnSync('git', args, { encoding: 'utf8', maxBuffer: 1 << 28, ...(input === undefined ? {} : { input }) });
  return r.status === 0 ? r.stdout : undefined;
}

/**
 * The article text the merge will leave in the work tree. git writes the merged files only after
 * all drivers ran, so the work tree still holds ours: theirs comes from the commit git names in
 * its GITHEAD_<sha> variable, the base from the merge base, and when both sides changed the text
 * it is merged as git would (git merge-file). Undefined when the text merge itself conflicts.
 */
function mergedArticle(sidecarPath: string | undefined): MergeArticle | undefined {
  if (sidecarPath === undefined || !sidecarPath.endsWith(SIDECAR_SUFFIX)) return undefined;
  const articlePath = sidecarPath.slice(0, -SIDECAR_SUFFIX.length);
  const relative = articlePath.split(path.sep).join('/');
  const ours = readOrUndefined(articlePath) ?? git(['show', `HEAD:${relative}`]);
  const theirsCommit = Object.keys(process.env).map((k) => /^GITHEAD_([0-9a-f]{40,64})$/.exec(k)?.[1]).find((sha) => sha !== undefined);
  const theirs = theirsCommit === undefined ? undefined : git(['show', `${theirsCommit}:${relative}`]);
  const pick = (text: string | undefined): MergeArticle | undefined => (text === undefined ? undefined : { text, sha256: sha256Of(text) });
  if (theirs === undefined || ours === undefined || ours === theirs) return pick(ours ?? theirs);
  const mergeBase = theirsCommit === undefined ? undefined : git(['merge-base', 'HEAD', theirsCommit])?.trim();
  const base = mergeBase === undefined ? undefined : git(['show', `${mergeBase}:${relative}`]);
  if (base === ours) return pick(theirs);
  if (base === theirs) return pick(ours);
  return pick(mergeFile(ours, base ?? '', theirs));
}

function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function mergeFile(ours: string, base: string, theirs: string): string | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'source-annotator-merge-'));
  try {
    const files = (['ours', 'base', 'theirs'] as const).map((name, i) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, [ours, base, theirs][i] ?? '');
      return file;
    });
    return git(['merge-file', '-p', ...files]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function runMergeSidecar(argv: readonly string[], io: CliIo): Promise<number> {
  const [basePath, oursPath, theirsPath, sidecarPath] = argv;
  if (basePath === undefined || oursPath === undefined || theirsPath === undefined || argv.length > 4) throw new UsageError('expected BASE OURS THEIRS [PATH]');
  const shown = sidecarPath ?? oursPath;
  const sides = [readSide(basePath), readSide(oursPath), readSide(theirsPath)];
  const unreadable = sides.flatMap((side) => ('problem' in side ? [side.problem] : []));
  if (unreadable.length > 0) {
    // Nothing is written: %A keeps our version as it is, and git reports the conflict.
    for (const problem of unreadable) io.err(`${shown}: ${problem}`);
    io.err(`${shown}: not merged; our version is left as it was`);
    return Promise.resolve(1);
  }
  const [base, ours, theirs] = sides.map((side) => ('text' in side ? side.text : '')) as [string, string, string];
  const article = mergedArticle(sidecarPath);
  const result = mergeSidecars({ base, ours, theirs, ...(article === undefined ? {} : { article }) });
  try {
    // %A is replaced only if nothing changed it since it was read; a link stays a link, the mode is kept.
    writeFileAtomically(oursPath, result.text, { durable: true, unchangedSince: ours });
  } catch (e) {
    io.err(`${shown}: cannot write the merge: ${describeError(e)}; our version is left as it was`);
    return Promise.resolve(1);
  }
  if (result.unreadable !== undefined) {
    io.err(`${shown}: ${result.unreadable === 'ours' ? 'our' : 'their'} version is not a readable sidecar; both versions are left between conflict markers`);
    return Promise.resolve(1);
  }
  if (result.reanchorPending) io.err(`${shown}: the two sides describe different texts and the article is not in the work tree; tags will be re-anchored when it is opened`);
  for (const conflict of result.conflicts) io.err(`${shown}: tag ${conflict.id} ${conflict.reason}; both versions are kept (see its conflict: key)`);
  io.err(`${shown}: merged, ${result.fromTheirs} entries taken from theirs, ${result.conflicts.length} conflicts`);
  return Promise.resolve(result.conflicts.length > 0 ? 1 : 0);
}

export const mergeSidecarCommand: CliCommand = {
  summary: 'git merge driver for sidecars: three-way merge by tag id (see git-setup)',
  usage: MERGE_SIDECAR_USAGE,
  run: runMergeSidecar,
};
