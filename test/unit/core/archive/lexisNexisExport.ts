// LexisNexis-layout exports built for a test (no real archive text): documents with a source, a
// date, a headline, a byline and a body, in the layout test/fixtures/archive/lexisnexis.txt shows.

export interface ExportDocument {
  readonly source: string;
  readonly date: string;
  readonly headline: string;
  readonly byline: string;
  /** Paragraphs of the body. */
  readonly body: readonly string[];
}

export function lexisNexisExport(documents: readonly ExportDocument[]): string {
  const total = documents.length;
  return documents
    .map((d, i) =>
      [
        `                               ${i + 1} of ${total} DOCUMENTS`,
        '',
        '',
        `                          ${d.source}`,
        '',
        `                        ${d.date}`,
        '',
        d.headline,
        '',
        `BYLINE: ${d.byline}`,
        '',
        'SECTION: NEWS; Pg. 2',
        '',
        `LENGTH: ${100 + i} words`,
        '',
        ...d.body.flatMap((p) => [p, '']),
        `LOAD-DATE: ${d.date}`,
        '',
        'LANGUAGE: ENGLISH',
        '',
        'PUBLICATION-TYPE: Newspaper',
        '',
        `Copyright 2024 ${d.source}`,
      ].join('\n'),
    )
    .join('\n')
    .concat('\n');
}

/** Three stories of one export in which Councillor Ruth Abernethy speaks in two, with the same words. */
export const COUNCIL_EXPORT: readonly ExportDocument[] = [
  {
    source: 'The Harbour Gazette',
    date: 'March 4, 2024 Monday',
    headline: 'Council approves new sea wall after two-year dispute',
    byline: 'Maria Lindqvist',
    body: ['The city council voted 31 to 9 on Monday to build a new sea wall.', '"Nobody on the eastern shore should fear the next winter storm," said Councillor Ruth Abernethy.', 'Residents had argued for a cheaper scheme.'],
  },
  {
    source: 'Northern Ledger',
    date: 'April 5, 2024 Friday',
    headline: 'Rail operator fined over winter cancellations',
    byline: 'Tom Eriksen',
    body: ['"The cancellations were a choice made in the boardroom," he said, pointing to the timetable data.', 'The regulator imposed a fine on Tuesday.'],
  },
  {
    source: 'The Harbour Gazette',
    date: 'April 6, 2024 Saturday',
    headline: 'Sea wall works begin on the eastern shore',
    byline: 'Maria Lindqvist',
    body: ['Builders arrived at the eastern shore on Saturday.', '"Nobody on the eastern shore should fear the next winter storm," Councillor Ruth Abernethy told the crowd.', 'The works will take two years.'],
  },
];
