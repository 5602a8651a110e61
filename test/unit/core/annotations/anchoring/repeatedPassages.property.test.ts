// Property: whatever the edits, re-anchoring never puts a tag on other words without flagging it,
// over texts made of repeated and near-duplicate sentences (where wrong landings come from).

import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { anchorAt } from '../../../../../src/core/annotations/anchoring/capture';
import { agreeingContextLength } from '../../../../../src/core/annotations/anchoring/contextAgreement';
import { LineIndex } from '../../../../../src/core/annotations/anchoring/positions';
import { needsReview, reanchorAll } from '../../../../../src/core/annotations/anchoring/reanchor';
import { TrackedText } from './trackedText';

const SENTENCES = [
  'Prices will rise by 5 percent next year.',
  'Prices will rise by 6 percent next year.',
  'Crowds chanted “No justice, no peace” in the square.',
  'Crowds chanted “No justice, no peace” at the station.',
  'The minister did not comment.',
  'Officials said the talks would resume on Monday.',
];

type Edit =
  | { readonly kind: 'insert'; readonly at: number; readonly sentence: number; readonly lineBreak: boolean }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'deleteSentence'; readonly which: number }
  | { readonly kind: 'replace'; readonly at: number; readonly by: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), sentence: fc.nat(SENTENCES.length - 1), lineBreak: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('deleteSentence' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), by: fc.constantFrom('5', '6', 'e', 'X', ' very', '') }),
);

function applyEdit(text: TrackedText, e: Edit): void {
  const length = text.text.length;
  if (e.kind === 'insert') {
    const sentenceStarts = [0, ...[...text.text.matchAll(/[.”] /g)].map((m) => m.index + 2), length];
    const at = sentenceStarts[e.at % sentenceStarts.length] ?? 0;
    text.replace(at, at, `${SENTENCES[e.sentence] ?? ''}${e.lineBreak ? '\n' : ' '}`);
  } else if (e.kind === 'delete') {
    const at = length === 0 ? 0 : e.at % length;
    text.replace(at, Math.min(length, at + e.length), '');
  } else if (e.kind === 'deleteSentence') {
    const all = [...text.text.matchAll(/[^.\n]+\.[ \n]?/g)];
    const victim = all.length === 0 ? undefined : all[e.which % all.length];
    if (victim !== undefined) text.replace(victim.index, victim.index + victim[0].length, '');
  } else {
    const at = length === 0 ? 0 : e.at % length;
    text.replace(at, Math.min(length, at + 1), e.by);
  }
}

function overlapShare(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const overlap = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return union === 0 ? 0 : overlap / union;
}

// Fixed seeds keep the suite deterministic; each runs 200 cases (about 2 s). ANCHOR_PROPERTY_SEEDS
// (comma-separated, or a count `N` for seeds 1..N) explores further.
const SEEDS = seedsToRun(process.env.ANCHOR_PROPERTY_SEEDS);

function seedsToRun(setting: string | undefined): number[] {
  if (setting === undefined || setting.trim() === '') return [20261130, 1, 2, 3, 4, 5, 6, 7, 8];
  if (/^\d+$/.test(setting.trim()) && Number(setting) < 10_000) return Array.from({ length: Number(setting) }, (_, i) => i + 1);
  return setting.split(',').map(Number);
}

describe('re-anchoring over repeated and near-duplicate sentences (property)', () => {
  for (const seed of SEEDS) it(`never places a tag on other words without flagging it (seed ${seed})`, function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(SENTENCES.length - 1), fc.boolean()), { minLength: 3, maxLength: 14 }),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        (picks, edits) => {
          const original = picks.map(([s, lineBreak]) => `${SENTENCES[s] ?? ''}${lineBreak ? '\n' : ' '}`).join('');
          const lines = new LineIndex(original);
          const tagged = [...original.matchAll(/[^ \n][^.\n]*\./g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
          const anchors = tagged.map((t) => {
            const anchor = anchorAt(original, t.start, t.end);
            return { ...anchor, start: lines.positionAt(anchor.start), end: lines.positionAt(anchor.end) };
          });
          const edited = new TrackedText(original);
          for (const e of edits) applyEdit(edited, e);
          const text = edited.text;
          const results = reanchorAll(text, anchors);
          results.forEach((result, i) => {
            const before = tagged[i];
            const anchor = anchors[i];
            if (before === undefined || anchor === undefined || result.method === 'orphaned' || needsReview(result)) return;
            const truth = edited.whereIs(before.start, before.end);
            // Half or more of it deleted, or split: landing on what is left counts as right.
            const broken = truth !== undefined && (truth.survived <= 0.5 || !truth.whole);
            if (truth !== undefined && (broken ? overlapShare(truth, result) > 0 : overlapShare(truth, result) >= 0.8)) return;
            // Outcomes no text can tell apart: the same words retyped where the tagged ones were
            // deleted (between the same surviving neighbours), or one of two identical sentences
            // next to each other deleted (deleting the other gives the same text).
            if (truth === undefined && text.slice(result.start, result.end) === anchor.text) {
              const around = edited.between(result.start, result.end);
              if (around.before < before.start && around.after >= before.end && edited.insertedOnly(result.start, result.end)) return;
              const lost = edited.lostAround(before.start, before.end, original.length);
              const without = (from: number, to: number): string => original.slice(0, from) + original.slice(to);
              const twinInstead = tagged.some((twin) => {
                if (twin === before || original.slice(twin.start, twin.end) !== anchor.text) return false;
                const now = edited.whereIs(twin.start, twin.end);
                if (now === undefined || !now.whole || now.survived < 1 || overlapShare(now, result) < 1) return false;
                // Deleting a stretch as long over the twin instead keeps the tagged words where the
                // twin's are now and gives the same text.
                const length = lost.end - lost.start;
                const twinAt = twin.start - (twin.start >= lost.end ? length : 0);
                const same = without(lost.start, lost.end);
                for (let from = Math.max(0, twin.end - length); from <= twin.start && from + length <= original.length; from++) {
                  const to = from + length;
                  const keepsTagged = before.end <= from || before.start >= to;
                  if (keepsTagged && before.start - (before.start >= to ? length : 0) === twinAt && without(from, to) === same) return true;
                }
                return false;
              });
              if (twinInstead) return;
            }
            // Context decides between copies. A landing elsewhere is allowed only where the stored
            // surroundings agree better than at the true place (the edit made another copy look more
            // like the tagged one than the tagged one itself), or, the true place gone or its words
            // edited, on the same words with at least half of their surroundings or on any words with
            // all of them (a moved sentence, or one edited in place, looks exactly like that). Two
            // unchanged copies with the same surroundings: the tag must be flagged.
            const agreement = (at: { start: number; end: number }): number => agreeingContextLength(text, at.start, at.end, anchor.prefix, anchor.suffix);
            const full = Math.max(1, anchor.prefix.length + anchor.suffix.length);
            const sameWords = text.slice(result.start, result.end) === anchor.text;
            const betterThanTruth = truth !== undefined && agreement(result) > agreement(truth);
            const truthUnchanged = truth !== undefined && !broken && text.slice(truth.start, truth.end) === anchor.text;
            const asIfMoved = !truthUnchanged && (agreement(result) >= full || (sameWords && agreement(result) >= full / 2));
            const sameWordsAndSurroundings = betterThanTruth || asIfMoved;
            assert.ok(
              sameWordsAndSurroundings,
              `${JSON.stringify(anchor.text)} placed on ${JSON.stringify(text.slice(result.start, result.end))} at ${result.start} (${result.method} ${result.confidence.toFixed(2)}), truth ${JSON.stringify(truth)}\noriginal: ${JSON.stringify(original)}\nedited: ${JSON.stringify(text)}`,
            );
          });
        },
      ),
      { numRuns: 200, seed },
    );
  });
});
