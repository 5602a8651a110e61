// The exchange formats by name, as the command line and the editor offer them.

import type { Label } from '../annotations/labels/labelConfig';
import { exportBrat } from './brat';
import { exportCsv } from './csv';
import { exportInception } from './inception';
import { exportJsonl, parseJsonl } from './jsonl';
import { exportLabelStudio, parseLabelStudio } from './labelStudio';
import type { ExportArticle, ExportResult, InputFile, ParsedImport } from './types';
import { exportW3c, parseW3c } from './w3c';

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

/** The key two exchange names clash on: equal but for case or Unicode normalization, their files would overwrite each other on many disks. */
const clashKey = (name: string): string => name.normalize('NFC').toLowerCase();

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
 * The articles apart from those whose names clash, and one group of names per clash: the caller
 * reports them, never writing one article's tags over another's.
 */
export function withoutClashes<T extends { readonly name: string }>(articles: readonly T[]): { articles: T[]; clashes: string[][] } {
  const clashes = nameClashes(articles.map((a) => a.name));
  const clashing = new Set(clashes.flat().map(clashKey));
  return { articles: articles.filter((a) => !clashing.has(clashKey(a.name))), clashes };
}

/** Writes the articles' tags in `format`. Names must not clash (`withoutClashes`): files are written by name. */
export function exportArticles(format: ExportFormat, articles: readonly ExportArticle[], labels: readonly Label[]): ExportResult {
  const clashes = nameClashes(articles.map((a) => a.name));
  if (clashes.length > 0) throw new Error(`articles with the same exchange name: ${clashes.map((g) => g.join(', ')).join('; ')}`);
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

export function parseImport(format: Exclude<ImportFormat, 'brat'>, files: readonly InputFile[]): ParsedImport {
  switch (format) {
    case 'w3c':
      return parseW3c(files);
    case 'label-studio':
      return parseLabelStudio(files);
    case 'jsonl':
      return parseJsonl(files);
  }
}
