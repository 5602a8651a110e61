// Summaries for the corpus tests: from real text through the engine, or built directly around
// speaker names when a test is about the identity rules alone.
import { analyze } from '../../../../src/core/analysis/analyze';
import type { ArticleSummary, SpeakerKind } from '../../../../src/core/corpus/summary';
import { summariseArticle } from '../../../../src/core/corpus/summary';
import { seedArticles } from '../../support/fixtureFiles';

export function summariseText(path: string, text: string, folder = 'site'): ArticleSummary {
  return summariseArticle(text, analyze(text), { path, folder });
}

export function seedSummaries(): ArticleSummary[] {
  return seedArticles().map((a) => summariseText(a.name, a.text, 'seeds'));
}

/** An article whose speakers are the given names, each with one quote. */
export function withSpeakers(path: string, names: readonly string[], kind: SpeakerKind = 'person'): ArticleSummary {
  return {
    path,
    folder: 'site',
    speakers: names.map((name) => ({ name, kind, mentions: [name], quotes: 1 })),
    quotes: names.map((name, i) => ({ start: i * 10, end: i * 10 + 5, text: `words of ${name}`, speaker: i })),
    lines: { hashes: [], starts: [], ends: [], noise: [] },
  };
}
