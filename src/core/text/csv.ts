// One field of a CSV file for spreadsheets (RFC 4180: quoted when it holds a comma, a quote or a
// line break, quotes doubled). A text opening with =, +, -, @, a tab or a carriage return would be
// read by a spreadsheet as a formula (a scraped headline or a hand-typed note can carry one that
// runs a command or sends the sheet away): a leading ' keeps it text, as OWASP's advice on CSV
// injection says; numbers are written as they are.

export function csvField(value: string | number): string {
  const text = String(value);
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
