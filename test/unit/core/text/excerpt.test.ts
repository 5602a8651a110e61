import * as assert from 'node:assert/strict';
import { excerpt, labelExcerpt } from '../../../../src/core/text/excerpt';

describe('excerpt', () => {
  it('flattens whitespace and keeps short text whole', () => assert.equal(excerpt('  a \n b  '), 'a b'));
  it('cuts long text with an ellipsis', () => assert.equal(excerpt('abcdefghij', 4), 'abcd…'));
  it('never cuts a surrogate pair in half', () => assert.equal(excerpt('abc😀def', 4), 'abc…'));
});

describe('labelExcerpt', () => {
  // [what, text, label]
  const table: [string, string, string][] = [
    ['a right-to-left override in a quote', 'much \u202e money', 'much money'],
    ['isolates and marks', 'Ali\u2067 said\u2069\u200f', 'Ali said'],
    ['a bell and an escape sequence', 'Stocks \u001b]0;owned\u0007 fell', 'Stocks ]0;owned fell'],
    ['a C1 control', 'a\u009bb', 'ab'],
    ['tabs and line breaks, folded as in any excerpt', 'a\tb\nc', 'a b c'],
    ['letters beyond ASCII, kept', 'Jürgen Müller sagte', 'Jürgen Müller sagte'],
  ];
  for (const [what, text, label] of table) it(`leaves out ${what}`, () => assert.equal(labelExcerpt(text), label));
});
