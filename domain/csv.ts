/**
 * RFC 4180 CSV, as spreadsheets write it: fields separated by commas, quoted with `"` when they
 * hold a comma, a quote or a line break (`""` inside quotes is one quote), records ended by CRLF or LF.
 */

export class CsvError extends Error {
  constructor(readonly line: number) {
    super(`Unterminated quoted field starting on line ${line}.`);
  }
}

/** Records as arrays of fields; a BOM and blank lines are skipped. `line` is where each record starts. */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0]!.trim() !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '"' && field === '') {
      const start = line;
      i++;
      for (;;) {
        if (i >= source.length) throw new CsvError(start);
        const c = source[i]!;
        if (c === '"') {
          if (source[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
    i++;
  }
  if (field !== '' || fields.length) endRecord();
  return records;
}

// A leading = + - @ (or tab/CR) makes spreadsheets run the cell as a formula: such cells are
// prefixed with ' when exported, as OWASP advises against CSV injection.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated. */
export function csvRecord(values: readonly (string | number)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
