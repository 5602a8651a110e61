// Horizontal bar charts as plain SVG markup. One renderer for the webview and the command line's
// HTML file, so both draw the same picture; colours come from CSS classes (theme variables in the
// webview, fallbacks in the file), never from attributes, so every theme stays readable.
import { clip, escapeHtml } from './html';

export interface BarSeries {
  /** CSS class of the bars (`series-a`, `series-b`). */
  readonly className: string;
  readonly label: string;
}

export interface BarRow {
  readonly label: string;
  /** One value per series. */
  readonly values: readonly number[];
  /** Where the row leads (`#voice-3`): the row becomes a link, reachable with Tab and Enter. */
  readonly href?: string;
  /** `data-*` attributes for the webview's script (already safe names). */
  readonly data?: Readonly<Record<string, string>>;
  /** How a value reads next to its bar ("12", "40%"). */
  readonly format?: (value: number, series: number) => string;
}

export interface BarChartSpec {
  readonly title: string;
  readonly series: readonly BarSeries[];
  readonly rows: readonly BarRow[];
}

const WIDTH = 760;
const LABEL_WIDTH = 220;
const VALUE_WIDTH = 56;
const BAR_HEIGHT = 11;
const ROW_GAP = 9;
const LEGEND_HEIGHT = 24;
const LABEL_CHARS = 30;

function barRow(row: BarRow, index: number, spec: BarChartSpec, max: number): string {
  const rowHeight = spec.series.length * BAR_HEIGHT + ROW_GAP;
  const top = LEGEND_HEIGHT + index * rowHeight;
  const span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const bars = row.values.map((value, s) => {
    const width = max === 0 ? 0 : Math.max(value > 0 ? 1 : 0, Math.round((value / max) * span));
    const y = top + s * BAR_HEIGHT;
    const text = row.format ? row.format(value, s) : String(value);
    const cls = spec.series[s]?.className ?? 'series-a';
    return `<rect class="bar ${cls}" x="${LABEL_WIDTH}" y="${y}" width="${width}" height="${BAR_HEIGHT - 2}"></rect><text class="value" x="${LABEL_WIDTH + width + 4}" y="${y + BAR_HEIGHT - 3}">${escapeHtml(text)}</text>`;
  });
  const label = `<text class="label" x="${LABEL_WIDTH - 6}" y="${top + (spec.series.length * BAR_HEIGHT) / 2 + 3}" text-anchor="end">${escapeHtml(clip(row.label, LABEL_CHARS))}</text>`;
  const summary = row.values.map((v, s) => `${spec.series[s]?.label ?? ''} ${row.format ? row.format(v, s) : String(v)}`).join(', ');
  const inner = `<title>${escapeHtml(`${row.label}: ${summary}`)}</title>${label}${bars.join('')}`;
  if (row.href === undefined) return `<g class="row">${inner}</g>`;
  const data = Object.entries(row.data ?? {})
    .map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`)
    .join('');
  return `<a class="row link" href="${escapeHtml(row.href)}"${data} aria-label="${escapeHtml(`${row.label}: ${summary}`)}">${inner}</a>`;
}

export function barChart(spec: BarChartSpec): string {
  const rowHeight = spec.series.length * BAR_HEIGHT + ROW_GAP;
  const height = LEGEND_HEIGHT + Math.max(1, spec.rows.length) * rowHeight;
  const max = Math.max(0, ...spec.rows.flatMap((r) => r.values));
  const legend = spec.series
    .map((s, i) => {
      const x = LABEL_WIDTH + i * 180;
      return `<rect class="bar ${s.className}" x="${x}" y="6" width="12" height="10"></rect><text class="legend" x="${x + 18}" y="15">${escapeHtml(s.label)}</text>`;
    })
    .join('');
  const rows = spec.rows.map((r, i) => barRow(r, i, spec, max)).join('');
  return `<svg class="chart" role="group" aria-label="${escapeHtml(spec.title)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg">${legend}${rows}</svg>`;
}
