import * as assert from 'node:assert/strict';
import { cleanText, boilerplateBlocks } from '../../../../src/core/text/cleanText';

/** Noise spans for the given 0-based line numbers of `text`, as the detector returns them. */
function linesAsNoise(text: string, lines: number[]): { start: number; end: number }[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return lines.map((l) => {
    const start = starts[l] ?? 0;
    let end = (starts[l + 1] ?? text.length + 1) - 1;
    if (text[end - 1] === '\r') end--;
    return { start, end };
  });
}

describe('cleanText', () => {
  const article = 'Headline\n\nSubscribe to our channel!\n\nFirst paragraph.\n\nSecond paragraph.\n\n  1. Great article\n    more of the comment\n\nPlease enter your comment!\n';

  it('removes boilerplate lines and collapses the blank lines they leave', () => {
    const noise = linesAsNoise(article, [2, 8, 9, 11]);
    assert.equal(cleanText(article, noise), 'Headline\n\nFirst paragraph.\n\nSecond paragraph.\n');
  });

  it('keeps CRLF line breaks', () => {
    const crlf = article.replace(/\n/g, '\r\n');
    const noise = linesAsNoise(crlf, [2, 8, 9, 11]);
    assert.equal(cleanText(crlf, noise), 'Headline\r\n\r\nFirst paragraph.\r\n\r\nSecond paragraph.\r\n');
  });

  it('returns the text unchanged (but for trailing blank lines) when there is no noise', () => {
    assert.equal(cleanText('One.\n\nTwo.\n', []), 'One.\n\nTwo.\n');
  });

  it('handles characters outside the BMP before the noise', () => {
    const text = '😀 Emoji headline\nFollow us on Twitter @site\nBody text.\n';
    assert.equal(cleanText(text, linesAsNoise(text, [1])), '😀 Emoji headline\nBody text.\n');
  });
});

describe('boilerplateBlocks', () => {
  it('joins noise lines separated only by blank lines into one block', () => {
    const text = 'Body.\n\nVideo ID: 1\n\nContact: a@b.c\nTwitter: x\n\nMore body.\nPopular posts\n';
    const blocks = boilerplateBlocks(text, linesAsNoise(text, [2, 4, 5, 8]));
    assert.deepEqual(
      blocks.map((b) => [b.startLine, b.endLine]),
      [
        [2, 5],
        [8, 8],
      ],
    );
  });

  it('returns nothing without noise', () => {
    assert.deepEqual(boilerplateBlocks('a\nb\n', []), []);
  });
});
