// The exchange formats by name, as the command line and the editor offer them.

import type { Label } from '../annotations/labels/labelConfig';
import { exportBrat } from './brat';
import { exportCsv } from './csv';
import { exportInception } from './inception';
import { exportJsonl, parseJsonl } from './jsonl';
import { exportLabelStudio, parseLabelStudio } from './labelStudio';
import { articleStem } from './exportTags';
import type { ExportArticle, ExportResult, InputFile, ParsedImport } from './types';
import { exportW3c, parseW3c } from './w3c';
import { withoutByteOrderMarks } from './inputFiles';

export const EXPORT_FORMATS = ['brat', 'w3c', 'label-studio', 'inception', 'jsonl', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const IMPORT_FORMATS = ['brat', 'w3c', 'label-studio', 'jsonl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export function isExportFormat(name: string): name is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(name);
}

export function isImportFormat(name: string): name is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(name);
}

/** The key two output paths clash on: equal but for case or Unicode normalization, one file would overwrite the other on many disks. */
const clashKey = (name: string): string => name.normalize('NFC').toLowerCase();

/** The formats that write one file (or two) per article, named after it; the others write one file for all. */
const FILE_PER_ARTICLE: ReadonlySet<ExportFormat> = new Set(['brat', 'w3c', 'inception']);

/** Groups of names that clash (see `clashKey`), each in the order given. */
export function nameClashes(names: readonly string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const key = clashKey(name);
    const group = groups.get(key);
    if (group) group.push(name);
    else groups.set(key, [name]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/**
 * The articles apart from those whose files in `format` would overwrite one another's (`story.txt`
 * and `Story.txt`, `story` and `story.txt` in brat, W3C and INCEpTION, which name files after
 * articles), and those left out, one group per clash: the caller names them, never writing one
 * article's tags over another's. Formats writing one file for all articles never clash.
 */
export function withoutClashes<T extends { readonly name: string }>(format: ExportFormat, articles: readonly T[]): { articles: T[]; clashes: T[][] } {
  if (!FILE_PER_ARTICLE.has(format)) return { articles: [...articles], clashes: [] };
  const groups = new Map<string, T[]>();
  for (const article of articles) {
    const key = clashKey(articleStem(article.name));
    const group = groups.get(key);
    if (group) group.push(article);
    else groups.set(key, [article]);
  }
  const clashes = [...groups.values()].filter((g) => g.length > 1);
  const clashing = new Set(clashes.flat());
  return { articles: articles.filter((a) => !clashing.has(a)), clashes };
}

/** Writes the articles' tags in `format`. No two output files may clash (`withoutClashes`): they are written by name. */
export function exportArticles(format: ExportFormat, articles: readonly ExportArticle[], labels: readonly Label[]): ExportResult {
  const result = exportIn(format, articles, labels);
  const clashes = nameClashes(result.files.map((f) => f.path));
  if (clashes.length > 0) throw new Error(`exported files with the same name: ${clashes.map((g) => g.join(', ')).join('; ')}`);
  return result;
}

function exportIn(format: ExportFormat, articles: readonly ExportArticle[], labels: readonly Label[]): ExportResult {
  switch (format) {
    case 'brat':
      return exportBrat(articles, labels);
    case 'w3c':
      return exportW3c(articles);
    case 'label-studio':
      return exportLabelStudio(articles);
    case 'inception':
      return exportInception(articles);
    case 'jsonl':
      return exportJsonl(articles);
    case 'csv':
      return exportCsv(articles);
  }
}

/** File name endings each reader takes (brat reads `.ann` and finds the `.txt` beside it). */
export const IMPORT_EXTENSIONS: Readonly<Record<ImportFormat, readonly string[]>> = {
  brat: ['.ann'],
  w3c: ['.jsonld', '.json'],
  'label-studio': ['.json'],
  jsonl: ['.jsonl', '.ndjson'],
};

export function parseImport(format: Exclude<ImportFormat, 'brat'>, given: readonly InputFile[]): ParsedImport {
  const files = withoutByteOrderMarks(given);
  switch (format) {
    case 'w3c':
      return parseW3c(files);
    case 'label-studio':
      return parseLabelStudio(files);
    case 'jsonl':
      return parseJsonl(files);
  }
}

