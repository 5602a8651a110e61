import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ChangedMeanwhileError, writeFileAtomically } from '../../../src/base/atomicWrite';
import { makeTempFolder } from './cliHarness';

describe('atomic sidecar writes', () => {
  let tmp = '';
  beforeEach(() => {
    tmp = makeTempFolder();
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const leftovers = (): string[] => fs.readdirSync(tmp).filter((n) => n.endsWith('.tmp'));

  // [what, the file before (null: none), what the writer read, written?]
  const table: [string, string | null, string | null, boolean][] = [
    ['a file unchanged since it was read', 'ours', 'ours', true],
    ['a new file, still absent', null, null, true],
    ['a file another program changed meanwhile', 'theirs', 'ours', false],
    ['a file another program created meanwhile', 'theirs', null, false],
    ['a file another program deleted meanwhile', null, 'ours', false],
  ];
  for (const [what, before, read, written] of table) {
    it(`${written ? 'writes' : 'leaves alone'} ${what}`, () => {
      const file = path.join(tmp, 'a.txt.annotations.yaml');
      if (before !== null) fs.writeFileSync(file, before);
      const write = (): void => writeFileAtomically(file, 'new', { durable: true, unchangedSince: read });
      if (written) write();
      else assert.throws(write, ChangedMeanwhileError);
      assert.equal(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null, written ? 'new' : before);
      assert.deepEqual(leftovers(), []);
    });
  }

  it('replaces the file a link points to, keeping the link and the file’s mode', () => {
    const shared = path.join(tmp, 'shared.yaml');
    fs.writeFileSync(shared, 'old');
    fs.chmodSync(shared, 0o640);
    const link = path.join(tmp, 'a.txt.annotations.yaml');
    fs.symlinkSync('shared.yaml', link);
    writeFileAtomically(link, 'new', { durable: true, unchangedSince: 'old' });
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.equal(fs.readFileSync(shared, 'utf8'), 'new');
    assert.equal(fs.statSync(shared).mode & 0o777, 0o640);
  });
});
