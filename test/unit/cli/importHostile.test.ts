// The import command on hostile but realistic inputs: what a person sees on the terminal.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from './cliHarness';

describe('import (command line): hostile inputs', () => {
  let tmp = '';
  const write = (relative: string, content: string): string => {
    const file = path.join(tmp, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  };
  const sidecarOf = (relative: string): string => fs.readFileSync(path.join(tmp, `${relative}.annotations.yaml`), 'utf8');
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-import-attack-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('reads a Hypothesis export\u2019s rows, and says so of a W3C file in which no annotation is recognised', async () => {
    write('corpus/story.txt', 'Mayor Ana Ruiz said the vote is final.\n');
    const hypothesis = { total: 1, rows: [{ id: 'Ab3dEfGh', uri: 'story.txt', text: 'check', tags: ['claim'], user: 'acct:ana@hypothes.is', target: [{ source: 'story.txt', selector: [{ type: 'TextQuoteSelector', exact: 'the vote is final' }] }] }] };
    const input = write('in/hypothesis.json', JSON.stringify(hypothesis));
    const r = await run(['import', '--format', 'w3c', input, '--into', path.join(tmp, 'corpus')]);
    assert.equal(r.status, 0, r.err);
    assert.match(sidecarOf('corpus/story.txt'), /label: claim/);
    assert.match(sidecarOf('corpus/story.txt'), /author: ana/);
    const none = write('in/other.json', JSON.stringify({ total: 0, items: [{ kind: 'page' }] }));
    const r2 = await run(['import', '--format', 'w3c', none, '--into', path.join(tmp, 'corpus')]);
    assert.match(r2.err, /other\.json.*no Web Annotation/);
    assert.equal(r2.status, 1);
  });

  it('brat: an .ann without its .txt is said, and its tags are never put on other words', async () => {
    write('corpus/story.txt', 'UPDATE: corrected.\nMayor Ana Ruiz said the vote is final.\n');
    const input = write('in/story.ann', 'T1\tspeaker 6 14\tAna Ruiz\n');
    const r = await run(['import', '--format', 'brat', '--author', 'ana', input, '--into', path.join(tmp, 'corpus')]);
    assert.doesNotMatch(sidecarOf('corpus/story.txt'), /text: ": correc"/, 'the tag says Ana Ruiz, not ": correc"');
    assert.match(r.err, /story\.txt/, `the missing .txt is named: ${JSON.stringify(r)}`);
  });

  it('finds an article whose name the file gives in the other Unicode normalization (NFD from macOS)', async () => {
    const name = 'Núñez.txt'.normalize('NFC');
    write(`corpus/${name}`, 'José Núñez said the vote is final.\n');
    const annotation = { type: 'Annotation', body: { purpose: 'tagging', value: 'claim' }, target: { source: name.normalize('NFD'), selector: [{ type: 'TextQuoteSelector', exact: 'the vote is final' }] } };
    const input = write('in/a.jsonld', JSON.stringify(annotation));
    const r = await run(['import', '--format', 'w3c', input, '--into', path.join(tmp, 'corpus')]);
    assert.equal(r.status, 0, r.err);
    assert.match(sidecarOf(`corpus/${name}`), /label: claim/);
  });

  it('two articles named story.txt in different folders: the path the file gives picks one, or the message says there are two', async () => {
    write('corpus/siteA/story.txt', 'Mayor Ana Ruiz said the vote is final.\n');
    write('corpus/siteB/story.txt', 'Critics said the count was rushed.\n');
    const annotation = { type: 'Annotation', body: { purpose: 'tagging', value: 'claim' }, target: { source: 'exports/siteA/story.txt', selector: [{ type: 'TextQuoteSelector', exact: 'the vote is final' }] } };
    const input = write('in/a.jsonld', JSON.stringify(annotation));
    const r = await run(['import', '--format', 'w3c', input, '--into', path.join(tmp, 'corpus')]);
    assert.doesNotMatch(r.err, /no article is named story\.txt/, 'two articles are named story.txt');
    if (r.status === 0) assert.match(sidecarOf('corpus/siteA/story.txt'), /label: claim/);
    else assert.match(r.err, /siteA\/story\.txt.*siteB\/story\.txt|2 articles/);
  });
});
