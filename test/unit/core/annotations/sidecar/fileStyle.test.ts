// Saves keep the style of a sidecar edited by hand or written by another tool: an unchanged save
// gives the same bytes, and a save that changes one tag changes only that tag's lines.

import * as assert from 'node:assert/strict';
import { detectFileStyle } from '../../../../../src/core/annotations/sidecar/fileStyle';
import { loadAnnotations } from '../../../../../src/core/annotations/sidecar/load';
import type { AnnotationSet } from '../../../../../src/core/annotations/model/types';
import { parseSidecar } from '../../../../../src/core/annotations/sidecar/parse';
import { serialiseSidecar } from '../../../../../src/core/annotations/sidecar/serialise';
import { ARTICLE, HASH, sampleSet } from './testData';

const written = serialiseSidecar(undefined, sampleSet(), ARTICLE);

function reload(text: string): AnnotationSet {
  const parsed = parseSidecar(text);
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.errors));
  return loadAnnotations(parsed.sidecar, ARTICLE, HASH).set;
}

const STYLES: { name: string; restyle: (text: string) => string }[] = [
  { name: 'CRLF line endings', restyle: (t) => t.replace(/\n/g, '\r\n') },
  { name: 'a byte order mark', restyle: (t) => `\uFEFF${t}` },
  { name: 'BOM and CRLF', restyle: (t) => `\uFEFF${t.replace(/\n/g, '\r\n')}` },
  {
    name: 'four-space indentation',
    restyle: (t) => t.replace(/^ {6}(?=\S)/gm, ' '.repeat(10)).replace(/^ {4}(?=[^\s-])/gm, ' '.repeat(6)).replace(/^ {2}- /gm, '    - '),
  },
  { name: '`- id:` at column 0', restyle: (t) => t.replace(/^ {2}(- | {2})/gm, '$1') },
  { name: 'two spaces before an inline comment', restyle: (t) => t.replace('label: quote\n', 'label: quote  # checked twice\n') },
  { name: 'a tab escaped in a quoted string', restyle: (t) => t.replace('note: check the UN transcript', 'note: "check\\tthe UN transcript"') },
  { name: 'single-quoted and double-quoted values', restyle: (t) => t.replace('author: ana', "author: 'ana'").replace('kind: noise:other', 'kind: "noise:other"') },
  { name: 'block-style positions', restyle: (t) => t.replace('start: { line: 3, character: 1 }', 'start:\n      line: 3\n      character: 1') },
  { name: 'no line break at the end', restyle: (t) => t.replace(/\n$/, '') },
  { name: 'blank lines between tags', restyle: (t) => t.replace(/\n {2}- id:/g, '\n\n  - id:') },
];

describe('saving a sidecar in its own style', () => {
  for (const style of STYLES) {
    describe(style.name, () => {
      const handMade = style.restyle(written);

      it('changes no byte when nothing changed', () => {
        assert.notEqual(handMade, written, 'the style differs from ours');
        const tags = reload(handMade);
        assert.equal(serialiseSidecar(handMade, tags, ARTICLE), handMade);
        // The note with an escaped tab is a different note: save what was read, not ours.
        assert.equal(serialiseSidecar(handMade, reload(handMade), ARTICLE), handMade);
      });

      it('changes only the edited tag, keeping line endings, BOM and indentation', () => {
        const tags = reload(handMade);
        const edited: AnnotationSet = { ...tags, annotations: tags.annotations.map((a) => (a.id === '00000000000b' ? { ...a, note: 'the foreign minister' } : a)) };
        const saved = serialiseSidecar(handMade, edited, ARTICLE);
        const style = detectFileStyle(handMade);
        assert.equal(saved.startsWith('\uFEFF'), style.byteOrderMark, 'BOM kept');
        assert.equal(saved.replace(/\r\n/g, '').includes('\n'), style.lineBreak === '\n' && saved.includes('\n'), 'line endings kept');
        const before = handMade.split(/\r?\n/);
        const after = saved.split(/\r?\n/);
        const added = after.filter((line) => !before.includes(line));
        assert.deepEqual(added.map((l) => l.trim()), ['note: the foreign minister'], `only the new note is new:\n${added.join('\n')}`);
        const removed = before.filter((line) => !after.includes(line));
        assert.deepEqual(removed, [], 'nothing else is rewritten');
        const back = reload(saved).annotations.find((a) => a.id === '00000000000b');
        assert.equal(back?.note, 'the foreign minister');
        assert.deepEqual(reload(saved).annotations.find((a) => a.id === '00000000000a'), tags.annotations.find((a) => a.id === '00000000000a'));
      });
    });
  }

  it('detects the indentation step and where list items stand', () => {
    assert.deepEqual(
      [STYLES[3], STYLES[4]].map((s) => {
        const { indent, indentSeq } = detectFileStyle(s?.restyle(written) ?? '');
        return [indent, indentSeq];
      }),
      [[4, true], [2, false]],
    );
  });
});
