// What a person types into Search Quotes: words of the quote and/or `speaker:name`.
import type { QuoteQuery } from './quoteSearch';

const RESULT_LIMIT = 200;

/** `speaker:Lavrov capitulating` → the speaker part and the words; a quoted name may hold spaces (`speaker:"Sergey Lavrov"`). */
export function parseQuoteQuery(input: string): QuoteQuery {
  const speakers: string[] = [];
  const words = input.replace(/(?:^|\s)speaker:(?:"([^"]*)"?|(\S*))/giu, (_m, quoted: string | undefined, bare: string | undefined) => {
    speakers.push(quoted ?? bare ?? '');
    return ' ';
  });
  return { words: words.replace(/\s+/gu, ' ').trim(), speaker: speakers.join(' ').trim(), limit: RESULT_LIMIT };
}
