// The synthetic archive exports of test/fixtures/archive, and line-break variants of a text.
import { readProjectFile } from '../../support/fixtureFiles';

export type FixtureName = 'lexisnexis' | 'nexis-uni' | 'factiva' | 'ordinary-end-of-document';

export function archiveFixture(name: FixtureName): string {
  return readProjectFile('test', 'fixtures', 'archive', `${name}.txt`);
}

export function withLineBreaks(text: string, lineBreak: '\n' | '\r\n' | '\r'): string {
  return text.replace(/\r\n|\r|\n/g, lineBreak);
}

/** The offset of `needle` in `text`, failing loudly when absent so a test cannot pass by accident. */
export function offsetOf(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`"${needle}" is not in the text`);
  return at;
}
