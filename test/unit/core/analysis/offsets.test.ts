import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analysis/analyze';

const BODY = [
  'Russian Foreign Minister Sergei Lavrov rejected calls for a ceasefire between the government troops and the militants in the region on Tuesday, speaking in Geneva.',
  '“The international community is required to block extremists 🚫 who have raised their heads,” Lavrov said.',
  'Subscribe to our channel!',
];

describe('offsets are UTF-16 code units of the text as given', () => {
  const variants: [string, string][] = [
    ['LF', BODY.join('\n\n')],
    ['CRLF', BODY.join('\r\n\r\n')],
    ['BOM and CRLF', `\uFEFF${BODY.join('\r\n\r\n')}`],
    ['astral characters before the quote', `𝐍𝐞𝐰𝐬 🗞️ ${BODY.join('\n\n')}`],
  ];
  for (const [name, text] of variants) {
    it(name, () => {
      const a = analyze(text);
      assert.equal(a.quotes.length, 1);
      const q = a.quotes[0];
      assert.ok(q);
      assert.equal(text.slice(q.start, q.end), 'The international community is required to block extremists 🚫 who have raised their heads,');
      assert.equal(text.slice(q.mention?.start, q.mention?.end), 'Lavrov');
      const noise = a.noise.map((n) => text.slice(n.start, n.end));
      assert.deepEqual(noise, ['Subscribe to our channel!'], 'a noise line excludes its line break');
    });
  }
});
