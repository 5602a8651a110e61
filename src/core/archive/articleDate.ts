// The publication date an archive writes for an article, as a calendar day. Archives write dates for
// people ("March 4, 2024 Monday", "14 May 2024", "4. März 2024") or in numbers ("2016-03-14",
// "03/14/2016", "14.03.2016"), so the report can only place an article on a timeline once the date
// is read. Only sure readings count: a month by name, a year first (year, month, day), dots (day,
// month, year, as German and other European dates are written), and a slash or dash date whose
// day is past 12 or equals the month. "04/05/2024" could be April or May: it is read only when
// the caller knows the order from other dates of the same export (see DayOrder).

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, januar: 1, janvier: 1, enero: 1,
  february: 2, feb: 2, februar: 2, février: 2, fevrier: 2, febrero: 2,
  march: 3, mar: 3, märz: 3, maerz: 3, mars: 3, marzo: 3,
  april: 4, apr: 4, avril: 4, abril: 4,
  may: 5, mai: 5, mayo: 5,
  june: 6, jun: 6, juni: 6, juin: 6, junio: 6,
  july: 7, jul: 7, juli: 7, juillet: 7, julio: 7,
  august: 8, aug: 8, août: 8, aout: 8, agosto: 8,
  september: 9, sep: 9, sept: 9, septembre: 9, septiembre: 9,
  october: 10, oct: 10, oktober: 10, octobre: 10, octubre: 10,
  november: 11, nov: 11, novembre: 11, noviembre: 11,
  december: 12, dec: 12, dezember: 12, décembre: 12, decembre: 12, diciembre: 12,
};

/** Dates are short; a longer value is not a date line and is not scanned. */
const MAX_DATE_LENGTH = 120;

function day(year: number, month: number, date: number): string | undefined {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || date < 1) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (date > days) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

/** A day of the month as written: "4", "04", "4th", "4." */
function dayNumber(token: string | undefined): number | undefined {
  const m = token === undefined ? null : /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(token);
  return m ? Number(m[1]) : undefined;
}

function yearNumber(token: string | undefined): number | undefined {
  return token !== undefined && /^\d{4}$/.test(token) ? Number(token) : undefined;
}

/** How an export writes `A/B/YYYY`: day first (14/03/2016) or month first (03/14/2016). */
export type DayOrder = 'day-month' | 'month-day';

/** The order a `A/B/YYYY` or `A-B-YYYY` date shows by itself (a part past 12 is the day), if any. */
export function dayOrderOf(value: string): DayOrder | undefined {
  if (value.length > MAX_DATE_LENGTH) return undefined;
  const m = SLASHED.exec(value);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[3]);
  if (a > 12 && b <= 12) return 'day-month';
  if (b > 12 && a <= 12) return 'month-day';
  return undefined;
}

/** Year first: 2016-03-14, 2016/03/14, 2016.03.14. */
const YEAR_FIRST = /(?<![\w./-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d./-])/;
/** Dotted, day first: 14.03.2016, 4.3.2016. */
const DOTTED = /(?<![\w./-])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d./-])/;
/** Slashes or dashes, day or month first: 03/14/2016, 14-03-2016. */
const SLASHED = /(?<![\w./-])(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?![\d./-])/;

function numericDate(text: string, order: DayOrder | undefined): string | undefined | null {
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) return day(Number(yearFirst[1]), Number(yearFirst[3]), Number(yearFirst[4]));
  const dotted = DOTTED.exec(text);
  if (dotted) return day(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  const slashed = SLASHED.exec(text);
  if (!slashed) return null;
  const a = Number(slashed[1]);
  const b = Number(slashed[3]);
  const year = Number(slashed[4]);
  const shown = a > 12 ? 'day-month' : b > 12 ? 'month-day' : a === b ? 'day-month' : order;
  if (shown === undefined) return undefined;
  return shown === 'day-month' ? day(year, b, a) : day(year, a, b);
}

/**
 * `YYYY-MM-DD` for a date as an archive writes it, or undefined when it cannot be read surely.
 * `order`: how the same export writes its other dates, to read `04/05/2024` (see DayOrder).
 */
export function parseArticleDate(value: string, order?: DayOrder): string | undefined {
  if (value.length > MAX_DATE_LENGTH) return undefined;
  const text = value.toLowerCase();
  const numeric = numericDate(text, order);
  // null: no date in numbers at all; undefined: one that cannot be read surely, which a word date beside it does not overrule.
  if (numeric !== null) return numeric;
  // Words and numbers, without the punctuation around them ("March 4, 2024", "4. März 2024").
  const tokens = text.split(/[\s,.]+/).filter((t) => t !== '');
  for (let i = 0; i + 2 < tokens.length; i++) {
    const month = MONTHS[tokens[i] ?? ''];
    const before = dayNumber(tokens[i]);
    const monthAfter = MONTHS[tokens[i + 1] ?? ''];
    if (month !== undefined) {
      const date = dayNumber(tokens[i + 1]);
      const year = yearNumber(tokens[i + 2]);
      if (date !== undefined && year !== undefined) return day(year, month, date);
    } else if (before !== undefined && monthAfter !== undefined) {
      const year = yearNumber(tokens[i + 2]);
      if (year !== undefined) return day(year, monthAfter, before);
    }
  }
  return undefined;
}
