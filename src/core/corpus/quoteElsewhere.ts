// "Where else were these words quoted?": the other articles' versions of one quote, each compared
// with that quote (not with the group's reference), so a hover can say "identical", "inside a
// longer quote" or which words differ, from the reader's point of view.
import type { QuoteRelation, WordChange } from './quoteDiff';
import { diffVersion, ReferenceGrams } from './quoteDiff';
import type { QuoteGroup, QuoteVersion } from './quoteGroups';
import { quoteWords, wordHashes } from './quoteWords';

export interface QuoteElsewhere {
  readonly version: QuoteVersion;
  /** How the other version relates to the quote asked about. */
  readonly relation: QuoteRelation;
  readonly changes: readonly WordChange[];
}

/** Finds the group of a quote by its article and start, built once per set of groups. */
export class QuoteGroupLookup {
  private readonly byQuote = new Map<string, { group: QuoteGroup; version: QuoteVersion }>();

  constructor(groups: readonly QuoteGroup[]) {
    for (const group of groups) for (const version of group.versions) this.byQuote.set(`${version.path}\u0000${version.start}`, { group, version });
  }

  /** The versions of other articles, compared with the quote of `path` that starts at `start`; [] when it is quoted nowhere else. */
  elsewhere(path: string, start: number): QuoteElsewhere[] {
    const found = this.byQuote.get(`${path}\u0000${start}`);
    if (!found) return [];
    const side = (text: string): { words: ReturnType<typeof quoteWords>; hashes: Int32Array } => {
      const words = quoteWords(text);
      return { words, hashes: wordHashes(words.norm) };
    };
    const self = new ReferenceGrams(side(found.version.text));
    return found.group.versions
      .filter((v) => v.path !== path)
      .map((version) => {
        const diff = diffVersion(self, side(version.text));
        return { version, relation: diff.relation, changes: diff.changes };
      });
  }
}
