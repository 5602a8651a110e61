// Locating test fixtures from a bundled test file in dist/: walk up to the project root.

import * as fs from 'node:fs';
import * as path from 'node:path';

export function projectRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'source-annotator') return dir;
    if (path.dirname(dir) === dir) throw new Error(`No source-annotator package.json above ${__dirname}`);
  }
}

export interface SeedArticle {
  readonly name: string;
  readonly text: string;
}

export function seedArticles(): SeedArticle[] {
  const dir = path.join(projectRoot(), 'test', 'fixtures', 'workspace', 'seeds');
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

export function readProjectFile(...segments: string[]): string {
  return fs.readFileSync(path.join(projectRoot(), ...segments), 'utf8');
}
