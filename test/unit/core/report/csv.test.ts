import * as assert from 'node:assert/strict';
import { REPORT_TABLES, reportCsv, toCsv } from '../../../../src/core/report/csv';
import { csvField } from '../../../../src/core/text/csv';
import { buildReport } from '../../../../src/core/report/reportData';
import { fixtureSummaries } from './reportFixtures';

describe('report CSV', () => {
  const fields: [string | number, string][] = [
    ['plain', 'plain'],
    [42, '42'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    ['', ''],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    [-3, '-3'],
  ];
  for (const [value, expected] of fields) {
    it(`writes ${JSON.stringify(value)} as ${JSON.stringify(expected)}`, () => assert.equal(csvField(value), expected));
  }

  it('ends every record with CRLF (RFC 4180)', () => {
    assert.equal(toCsv([['a', 'b'], ['c,d', 1]]), 'a,b\r\n"c,d",1\r\n');
  });

  it('writes each table of the report with a header row', () => {
    const data = buildReport(fixtureSummaries(), []);
    assert.equal(reportCsv(data, 'voices'), 'speaker,kind,quotes,articles\r\nMaria Lopez,person,4,3\r\nNational Weather Service,organisation,1,1\r\n');
    assert.equal(reportCsv(data, 'outlets').split('\r\n')[1], 'siteA,folder,2,3,1.50,1.000,0.286');
    assert.equal(reportCsv(data, 'statements').split('\r\n')[1], '"We will rebuild the old bridge before winter comes,",3,2,3');
    for (const table of REPORT_TABLES) assert.ok(reportCsv(data, table).endsWith('\r\n'));
  });
});
