import * as assert from 'node:assert/strict';
import { PassThrough, Readable, Writable } from 'node:stream';
import { analyze } from '../../../src/core/analysis/analyze';
import { analyseJsonlStream } from '../../../src/cli/jsonlStream';
import { seedArticles } from '../support/fixtureFiles';

async function run(input: string | string[], maxLineChars?: number): Promise<{ lines: Record<string, unknown>[]; stats: { analysed: number; errors: number } }> {
  const chunks: string[] = [];
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const source = Readable.from((Array.isArray(input) ? input : [input]).map((s) => Buffer.from(s, 'utf8')));
  const stats = await analyseJsonlStream(source, output, maxLineChars === undefined ? {} : { maxLineChars });
  const text = chunks.join('');
  assert.ok(text === '' || text.endsWith('\n'));
  return { lines: text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>), stats };
}

describe('JSON lines analysis stream', () => {
  it('answers each record with its analysis under the same id, in order', async () => {
    const seeds = seedArticles();
    const input = seeds.map((s, i) => JSON.stringify({ id: i % 2 === 0 ? s.name : i, text: s.text })).join('\n');
    const { lines, stats } = await run(input);
    assert.equal(stats.analysed, seeds.length);
    seeds.forEach((s, i) => {
      const { id, ...analysis } = lines[i] ?? {};
      assert.equal(id, i % 2 === 0 ? s.name : i);
      assert.deepEqual(analysis, JSON.parse(JSON.stringify(analyze(s.text))));
    });
  });

  it('turns bad lines into error lines with the line number and goes on', async () => {
    const input = ['{"id": "a", "text": "“Fine,” he said."}', 'not json', '{"text": "no id"}', '{"id": "b"}', '[1,2]', '', '{"id": 7, "text": "ok"}'].join('\r\n');
    const { lines, stats } = await run(input);
    assert.deepEqual(stats, { analysed: 2, errors: 4 });
    assert.deepEqual(
      lines.map((l) => [l.id, l.line ?? null, typeof l.error === 'string']),
      [
        ['a', null, false],
        [null, 2, true],
        [null, 3, true],
        ['b', 4, true],
        [null, 5, true],
        [7, null, false],
      ],
    );
  });

  it('joins records split across chunks, also inside a multi-byte character', async () => {
    const record = Buffer.from(`${JSON.stringify({ id: 'é', text: '“Привет мир,” сказал Лавров. 😀' })}\n`, 'utf8');
    const parts = [record.subarray(0, 7), record.subarray(7, 31), record.subarray(31)];
    const chunks: string[] = [];
    const output = new Writable({
      write(chunk: Buffer, _e, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
    const stats = await analyseJsonlStream(Readable.from(parts), output);
    assert.equal(stats.analysed, 1);
    assert.equal((JSON.parse(chunks.join('')) as { id: string }).id, 'é');
  });

  it('skips an over-long line with an error instead of holding it', async () => {
    const long = JSON.stringify({ id: 'big', text: 'x'.repeat(5000) });
    const { lines } = await run([long.slice(0, 2000), long.slice(2000), '\n{"id":"next","text":"t"}\n'], 1000);
    assert.deepEqual(lines.map((l) => [l.id, l.line ?? null]), [
      [null, 1],
      ['next', null],
    ]);
    assert.match(String(lines[0]?.error), /longer than 1000/);
  });

  it('waits for a slow reader (backpressure) and still writes everything', async () => {
    const input = Array.from({ length: 200 }, (_, i) => JSON.stringify({ id: i, text: '“Yes,” she said.' })).join('\n');
    const out = new PassThrough({ highWaterMark: 16 });
    const received: string[] = [];
    const reading = (async () => {
      for await (const c of out) {
        received.push(String(c));
        await new Promise((r) => setImmediate(r));
      }
    })();
    const stats = await analyseJsonlStream(Readable.from([input]), out);
    out.end();
    await reading;
    assert.equal(stats.analysed, 200);
    assert.equal(received.join('').split('\n').filter(Boolean).length, 200);
  });
});
