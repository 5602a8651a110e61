import * as assert from 'node:assert/strict';
import { excerpt } from '../../../../src/core/text/excerpt';

describe('excerpt', () => {
  it('flattens whitespace and keeps short text whole', () => assert.equal(excerpt('  a \n b  '), 'a b'));
  it('cuts long text with an ellipsis', () => assert.equal(excerpt('abcdefghij', 4), 'abcd…'));
  it('never cuts a surrogate pair in half', () => assert.equal(excerpt('abc😀def', 4), 'abc…'));
});
