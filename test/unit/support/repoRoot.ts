import * as fs from 'node:fs';
import * as path from 'node:path';

/** The project's root folder, found from the bundled test file's location. */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'source-annotator') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no source-annotator package.json above ${__dirname}`);
    dir = parent;
  }
}
