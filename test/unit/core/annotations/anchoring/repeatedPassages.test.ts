// The stored position is evidence, not proof: when the same words occur more than once after an
// outside edit, their context and the shift of the surrounding text decide, and when they cannot,
// the tag is flagged for review, never placed silently on another copy.

import * as assert from 'node:assert/strict';
import { anchorAt } from '../../../../../src/core/annotations/anchoring/capture';
import { positionAt } from '../../../../../src/core/annotations/anchoring/positions';
import type { AnchorResult, StoredAnchor } from '../../../../../src/core/annotations/anchoring/types';
import { needsReview, reanchor, reanchorAll } from '../../../../../src/core/annotations/anchoring/reanchor';

function storedAt(text: string, start: number, end: number): StoredAnchor {
  const anchor = anchorAt(text, start, end);
  return { ...anchor, start: positionAt(text, anchor.start), end: positionAt(text, anchor.end) };
}

function stored(text: string, passage: string, occurrence = 0): StoredAnchor {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(passage, start + 1);
  assert.ok(start >= 0, `${passage} not in text`);
  return storedAt(text, start, start + passage.length);
}

/** Right where it really is, or flagged, or orphaned: never somewhere else unflagged. */
function assertNotSilentlyWrong(result: AnchorResult, truthStart: number | undefined, label: string): void {
  if (result.method === 'orphaned' || needsReview(result)) return;
  assert.equal(result.start, truthStart, `${label}: placed at ${result.start} with confidence ${result.confidence.toFixed(2)}, not flagged`);
}

describe('re-anchoring repeated and near-duplicate passages', () => {
  const protest = [
    'Day one: thousands gathered in the square and chanted “No justice, no peace” until dusk.',
    'Police watched from the side streets.',
    'Day two: fewer came, but they chanted “No justice, no peace” again, the same words as before.',
    'The mayor did not comment.',
    '',
  ].join('\n');

  for (const added of [1, 2, 3, 5]) {
    it(`does not move the Day-two tag to Day one when ${added} line(s) are added on top`, () => {
      const anchor = stored(protest, 'No justice, no peace', 1);
      const edited = `${'Updated.\n'.repeat(added)}${protest}`;
      const result = reanchor(edited, anchor);
      const truth = edited.indexOf('No justice, no peace', edited.indexOf('Day two'));
      assertNotSilentlyWrong(result, truth, `${added} lines`);
      assert.equal(result.start, truth, 'the context of Day two finds it');
    });
  }

  it('flags rather than guesses when every copy has the same context', () => {
    const paragraph = 'The committee met again. It voted on the same motion. Nothing changed.\n';
    const text = paragraph.repeat(6);
    const target = paragraph.length * 3 + paragraph.indexOf('It voted');
    const anchor = storedAt(text, target, target + 'It voted on the same motion.'.length);
    const edited = `A line added above.\n${paragraph}${text}`;
    assertNotSilentlyWrong(reanchor(edited, anchor), target + 'A line added above.\n'.length + paragraph.length, 'repeated paragraphs');
  });

  it('moves at most a few of 200 tags on repeated paragraphs after lines are added on top, and flags the rest', () => {
    const paragraph = 'Residents queued for water at the depot. Officials promised more trucks.\n';
    const text = paragraph.repeat(200);
    const anchors = Array.from({ length: 200 }, (_, i) => storedAt(text, i * paragraph.length, i * paragraph.length + paragraph.indexOf(' Officials')));
    const insert = 'Editor’s note: updated.\n'.repeat(3);
    const results = reanchorAll(insert + text, anchors);
    const wrong = results.filter((r, i) => r.method !== 'orphaned' && !needsReview(r) && r.start !== insert.length + i * paragraph.length);
    assert.deepEqual(wrong.map((r) => r.start), [], 'no tag lands on another copy unflagged');
  });

  it('does not land on a near-duplicate sentence after its own line was deleted', () => {
    const text = [
      'Budget outlook',
      'Officials said on Monday that the fuel tax would rise by 5 percent next year.',
      'Opposition members called the plan unfair to rural drivers.',
      'Officials said on Monday that the fuel tax would rise by 6 percent next year.',
      'A vote is expected in March.',
      '',
    ].join('\n');
    const anchor = stored(text, 'Officials said on Monday that the fuel tax would rise by 5 percent next year.');
    const edited = text.replace('Officials said on Monday that the fuel tax would rise by 5 percent next year.\n', '');
    const result = reanchor(edited, anchor);
    assert.ok(result.method === 'orphaned' || needsReview(result), JSON.stringify(result));
  });

  it('does not land on a near-duplicate after its line was deleted and lines were added elsewhere', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `Line ${i} of the council minutes records item ${i * 13} as discussed.`);
    lines[10] = 'Prices of bread and flour will rise by 5 percent from June, the ministry said.';
    lines[20] = 'Prices of bread and flour will rise by 6 percent from June, the ministry said.';
    const text = `${lines.join('\n')}\n`;
    const anchor = stored(text, lines[10] ?? '');
    const edited = `Header added.\n${text.replace(`${lines[10] ?? ''}\n`, '')}`;
    const result = reanchor(edited, anchor);
    assert.ok(result.method === 'orphaned' || needsReview(result), JSON.stringify(result));
  });

  it('still finds a tagged copy when its own context is intact and the other copy differs', () => {
    const anchor = stored(protest, 'No justice, no peace', 0);
    const edited = protest.replace('Police watched', 'Police officers watched');
    const result = reanchor(edited, anchor);
    assert.equal(result.start, edited.indexOf('No justice, no peace'));
    assert.ok(!needsReview(result));
  });
  it('flags both tags of two identical neighbouring sentences when one was deleted (either could be left)', () => {
    const twice = 'Officials said the talks would resume on Monday.';
    const text = `Prices will rise by 6 percent next year.\n${twice} ${twice} Crowds gathered in the square.\n`;
    const anchors = [storedAt(text, text.indexOf(twice), text.indexOf(twice) + twice.length), stored(text, twice, 1)];
    const edited = text.replace(`${twice} `, '').replace('Prices will rise by 6 percent next year.\n', 'Prices will rise by 5 percent next year.\n');
    const results = reanchorAll(edited, anchors);
    results.forEach((result, i) => assert.ok(result.method === 'orphaned' || needsReview(result), `tag ${i}: ${JSON.stringify(result)}`));
  });

  it('keeps the tag whose surroundings are intact when two tags land on the same words, and flags the other', () => {
    const text = [
      'Crowds chanted “No justice, no peace” in the square, the police said.',
      'Minutes later the minister declined to comment on the protest.',
      'By evening crowds chanted “No justice, no peace” at the station, witnesses said.',
      '',
    ].join('\n');
    const anchors = [stored(text, 'No justice, no peace', 0), stored(text, 'No justice, no peace', 1)];
    const edited = text.replace('By evening crowds chanted “No justice, no peace” at the station, witnesses said.\n', '');
    const [first, second] = reanchorAll(edited, anchors);
    assert.ok(first && second);
    assert.equal(first.start, edited.indexOf('No justice, no peace'));
    assert.ok(!needsReview(first), JSON.stringify(first));
    assert.ok(second.method === 'orphaned' || needsReview(second), JSON.stringify(second));
  });

  it('flags a tag whose sentence was deleted when the same words were typed again elsewhere without its surroundings', () => {
    const said = 'Crowds chanted “No justice, no peace” in the square.';
    const text = `Prices will rise by 6 percent next year. ${said}\nPrices will rise by 5 percent next year. The talks resume on Monday.\n`;
    const anchor = stored(text, said);
    const edited = `${said}\n${text.replace(` ${said}`, '')}`;
    const result = reanchor(edited, anchor);
    assert.ok(result.method === 'orphaned' || needsReview(result), JSON.stringify(result));
  });

  // A copy of the tagged sentence inserted just before it takes on its context through white space
  // of another shape (a line break where the tag had a blank line, a blank line where it had a
  // space); the tagged copy, last in the text, has little context after it.
  const insertedBefore: [string, string, string][] = [
    ['The mayor spoke first. Then she said the budget is final.\n\nShe said the budget is final. ', 'The mayor spoke first. Then she said the budget is final.\nShe said the budget is final.\n\nShe said the budget is final. ', 'the budget is final'],
    ['Intro line.\n\nShe said the budget is final. ', 'Intro line.\nShe said the budget is final.\n\nShe said the budget is final. ', 'the budget is final'],
    ['The minister arrived late. Short.\n\nHe said the budget is final. ', 'The minister arrived late. Short.\nHe said the budget is final.\n\nHe said the budget is final. ', 'the budget is final'],
    ['He said “no” 👍🏽. Short.\r\n\r\nHe said “no” 👍🏽. ', 'He said “no” 👍🏽. Short.\nHe said “no” 👍🏽.\n\nHe said “no” 👍🏽. ', 'He said “no”'],
  ];
  for (const [before, after, words] of insertedBefore) {
    it(`is not placed surely on a copy of its sentence inserted before it: ${JSON.stringify(after.slice(0, 40))}…`, () => {
      const anchor = stored(before, words, before.split(words).length - 2);
      const [result] = reanchorAll(after, [anchor]);
      assert.ok(result);
      assertNotSilentlyWrong(result, after.lastIndexOf(words), 'inserted copy');
    });
  }
});
