// Messages from the report's webview. A webview is a page the extension does not control once it
// runs: every message is checked for its exact shape before the extension acts on it.
import type { ReportTableId } from './csv';
import { isReportTableId } from './csv';

export type ReportMessage =
  | { readonly type: 'open'; readonly path: string; readonly start: number; readonly end: number }
  | { readonly type: 'saveHtml' }
  | { readonly type: 'copyCsv'; readonly table: ReportTableId };

const MAX_PATH = 4096;

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** The message if it has one of the known shapes (nothing more, nothing less), else undefined. */
export function parseReportMessage(value: unknown): ReportMessage | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const m = value as Record<string, unknown>;
  const keys = Object.keys(m).sort().join(',');
  switch (m['type']) {
    case 'open': {
      const { path, start, end } = m;
      if (keys !== 'end,path,start,type' || typeof path !== 'string' || path.length === 0 || path.length > MAX_PATH) return undefined;
      if (!isOffset(start) || !isOffset(end) || end < start) return undefined;
      return { type: 'open', path, start, end };
    }
    case 'saveHtml':
      return keys === 'type' ? { type: 'saveHtml' } : undefined;
    case 'copyCsv':
      return keys === 'table,type' && isReportTableId(m['table']) ? { type: 'copyCsv', table: m['table'] } : undefined;
    default:
      return undefined;
  }
}
