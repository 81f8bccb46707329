import { describe, expect, it } from 'vitest';
import { csvRecord, CsvError, parseCsv } from '@/domain/csv';

describe('CSV as spreadsheets write it', () => {
  it('reads plain, quoted and multi-line fields, CRLF or LF, and skips a BOM and blank lines', () => {
    const text = '\uFEFFfrom,to\r\n/a,"/b,c"\r\n\r\n"/say ""hi""",x\n"/multi\nline",y';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['from', 'to'] },
      { line: 2, fields: ['/a', '/b,c'] },
      { line: 4, fields: ['/say "hi"', 'x'] },
      { line: 5, fields: ['/multi\nline', 'y'] },
    ]);
  });

  it('keeps empty fields, and a last line without a line break', () => {
    expect(parseCsv('a,,c\n,')).toEqual([
      { line: 1, fields: ['a', '', 'c'] },
      { line: 2, fields: ['', ''] },
    ]);
  });

  it('names the line where a quoted field is never closed', () => {
    expect(() => parseCsv('ok,1\n"/open,2\nmore')).toThrow(CsvError);
    try {
      parseCsv('ok,1\n"/open,2\nmore');
    } catch (error) {
      expect((error as CsvError).line).toBe(2);
    }
  });

  it('writes what it reads back, and defuses cells a spreadsheet would run as formulas', () => {
    const values = ['/关于我们', 'a,b', 'say "hi"', 'two\nlines', 301];
    expect(parseCsv(csvRecord(values))[0]!.fields).toEqual(values.map(String));
    expect(csvRecord(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)'])).toBe(`"'=HYPERLINK(""x"")",'+1,'-2,'@SUM(A1)\r\n`);
  });
});
