// `source-annotator corpus`: cross-article results for folders of articles (people merged across
// articles, the same quote in several articles, lines repeated across a folder), or a quote search.
import { jsonText } from '../terminalText';
import type { ArticleSummary } from '../../core/corpus/summary';
import { allArticleViews } from '../../core/corpus/articleViews';
import { mergeSpeakers } from '../../core/corpus/people';
import { QuoteSearchIndex } from '../../core/corpus/quoteSearch';
import { corpusReport } from '../../core/corpus/report';
import type { ArticleFile } from '../articleFiles';
import { articleFilesOrReport } from '../articleFiles';
import type { CliCommand, CliIo } from '../io';
import { summariseMany } from '../workerPool';
import { CORPUS_USAGE, parseCorpusArgs } from './corpusArgs';
import { ArticleLines, corpusText, searchText } from './corpusText';

async function summaries(files: readonly ArticleFile[], jobs: number, separator: string | undefined, io: CliIo): Promise<{ list: ArticleSummary[]; failed: number }> {
  const list: ArticleSummary[] = [];
  let failed = 0;
  await summariseMany(files, jobs, {
    ...(separator === undefined ? {} : { separator }),
    onResult: (r) => {
      if (r.ok) list.push(r.summary);
      else {
        io.err(`source-annotator: ${r.error}`);
        failed++;
      }
    },
  });
  return { list, failed };
}

async function runCorpus(argv: readonly string[], io: CliIo): Promise<number> {
  const cmd = parseCorpusArgs(argv);
  const { files, problems } = articleFilesOrReport(cmd.inputs, io);
  // Nothing named could be read: no empty result pretends otherwise.
  if (files.length === 0 && problems > 0) return 1;
  const { list, failed } = await summaries(files, cmd.jobs, cmd.separator, io);
  const articles = allArticleViews(list);
  const lines = new ArticleLines(articles);
  if (cmd.search !== null || cmd.speaker !== null) {
    const index = new QuoteSearchIndex(articles, mergeSpeakers(articles));
    const hits = index.search({ words: cmd.search ?? '', speaker: cmd.speaker ?? '', limit: cmd.limit });
    io.out(cmd.json ? jsonText({ hits }) : searchText(hits, lines));
  } else {
    const report = corpusReport(list);
    if (cmd.json) {
      const repeatedLines = report.repeatedLines.map((r) => ({ ...r, text: lines.slice(r.example.path, r.example.start, r.example.end) }));
      io.out(jsonText({ ...report, repeatedLines }));
    } else io.out(corpusText(report, lines));
  }
  return failed + problems > 0 ? 1 : 0;
}

export const corpusCommand: CliCommand = {
  summary: 'people, shared quotes and repeated lines across many articles',
  usage: CORPUS_USAGE,
  run: runCorpus,
};
