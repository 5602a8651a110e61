import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../support/repoRoot';

describe('Grammar source', () => {
  it('the committed grammar is what syntaxes/source-text.grammar.mjs generates', () => {
    const root = repoRoot();
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'grammar-')), 'grammar.json');
    execFileSync(process.execPath, [path.join(root, 'syntaxes', 'source-text.grammar.mjs'), out]);
    assert.equal(fs.readFileSync(out, 'utf8'), fs.readFileSync(path.join(root, 'syntaxes', 'source-text.tmLanguage.json'), 'utf8'), 'run the generator and commit its output');
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });
});
