// Running the command line in tests: in-process through main() (fast, exact output), or as the
// bundled `dist/cli.js` in a child process when the behaviour is the process's own (exit status,
// closed pipes, file descriptors).
import type { SpawnSyncOptions } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { textForHashing } from '../../../src/core/annotations/anchoring/capture';
import { createAnnotation, createRejection } from '../../../src/core/annotations/model/create';
import { serialiseSidecar } from '../../../src/core/annotations/sidecar/serialise';
import { repoRoot } from '../support/repoRoot';

export interface Run {
  status: number;
  out: string;
  err: string;
}

export async function run(args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

export function cliPath(): string {
  const cli = path.join(repoRoot(), 'dist', 'cli.js');
  if (!fs.existsSync(cli)) throw new Error('dist/cli.js is built before the unit tests');
  return cli;
}

/** Runs dist/cli.js; a hang fails the test through the timeout instead of blocking the suite. */
export function spawnCli(args: string[], options: SpawnSyncOptions = {}): Run {
  const r = spawnSync(process.execPath, [cliPath(), ...args], { encoding: 'utf8', timeout: 15_000, ...options });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, out: String(r.stdout ?? ''), err: String(r.stderr ?? '') };
}

export function seedsFolder(): string {
  return path.join(repoRoot(), 'test', 'fixtures', 'workspace', 'seeds');
}

export function makeTempFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sa-cli-'));
}

export function sha256Of(text: string): string {
  return createHash('sha256').update(textForHashing(text), 'utf8').digest('hex');
}

export const NOW = '2024-05-01T09:30:00.000Z';

export const ARTICLE = [
  'Lavrov in Geneva',
  '',
  '“The international community is required to block extremists,” Lavrov said.',
  '',
  'Geneva talks resume on Monday, officials said.',
  '',
].join('\n');

/** A sidecar as the editor writes it: a speaker tag, a quote tag and one dismissed detection. */
export function sidecarFor(text: string, file = 'article.txt'): string {
  const quoteStart = text.indexOf('The international');
  const quoteEnd = text.indexOf('extremists') + 'extremists'.length;
  const speaker = text.indexOf('Lavrov said');
  const talks = text.indexOf('Geneva talks');
  return serialiseSidecar(
    undefined,
    {
      file,
      sha256: sha256Of(text),
      annotations: [
        createAnnotation(text, { id: '00000000000a', label: 'quote', start: quoteStart, end: quoteEnd, author: 'ana', now: NOW }),
        createAnnotation(text, { id: '00000000000b', label: 'speaker', start: speaker, end: speaker + 6, author: 'ana', now: NOW }),
      ],
      rejections: [createRejection(text, { id: '0000000000ff', kind: 'quote', start: talks, end: talks + 12, author: 'ana', now: NOW })],
    },
    text,
  );
}

/** An article and its sidecar in `folder`; returns the article path. */
export function writeTaggedArticle(folder: string, name = 'article.txt', text = ARTICLE): string {
  const article = path.join(folder, name);
  fs.writeFileSync(article, text);
  fs.writeFileSync(`${article}.annotations.yaml`, sidecarFor(text, name));
  return article;
}

/** Makes `folder` unwritable: `chattr +i` as root, else a plain chmod (enough for other users). */
export function makeReadOnly(folder: string): () => void {
  if (process.getuid?.() === 0) {
    if (spawnSync('chattr', ['+i', folder]).status !== 0) throw new Error(`cannot make ${folder} read-only as root: chattr +i failed`);
    return () => {
      spawnSync('chattr', ['-i', folder]);
    };
  }
  fs.chmodSync(folder, 0o555);
  return () => fs.chmodSync(folder, 0o755);
}
