import { exportHeader, exportRecord, exportTrailer, RECORD_TYPES, type Counts, type ExportHeader, type ExportRecord, type RecordType } from './records';
import { EXPORT_FORMAT, EXPORT_VERSION } from './records';

/** A refusal of the file, with the line it is about: the import writes nothing then. */
export class ExportFormatError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(line > 0 ? `line ${line}: ${message}` : message);
  }
}

const MAX_LINE = 64 * 1024 * 1024;

function json(raw: string, line: number): unknown {
  if (raw.length > MAX_LINE) throw new ExportFormatError(line, 'the line is longer than 64 MB.');
  try {
    return JSON.parse(raw);
  } catch {
    throw new ExportFormatError(line, 'not valid JSON.');
  }
}

function issues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

export function parseHeader(raw: string): ExportHeader {
  const value = json(raw, 1) as { format?: unknown; version?: unknown };
  if (value?.format !== EXPORT_FORMAT) throw new ExportFormatError(1, `not a Gazette export (the first line must name the format "${EXPORT_FORMAT}").`);
  if (value.version !== EXPORT_VERSION) throw new ExportFormatError(1, `export format version ${String(value.version)} is not supported (this Gazette reads version ${EXPORT_VERSION}).`);
  const parsed = exportHeader.safeParse(value);
  if (!parsed.success) throw new ExportFormatError(1, `bad header: ${issues(parsed.error)}`);
  return parsed.data;
}

export type Parsed = { kind: 'record'; record: ExportRecord } | { kind: 'end'; counts: Counts };

/**
 * Reads the lines after the header: checks each record, that types come in RECORD_TYPES order,
 * and at the end that the trailer's counts are what was read (a cut or spliced file is refused).
 */
export class RecordReader {
  private rank = 0;
  private ended = false;
  readonly counts: Counts = {};

  next(raw: string, line: number): Parsed | null {
    if (raw.trim() === '') return null;
    if (this.ended) throw new ExportFormatError(line, 'content after the end line.');
    const value = json(raw, line) as { type?: unknown };
    if (value?.type === 'end') {
      const trailer = exportTrailer.safeParse(value);
      if (!trailer.success) throw new ExportFormatError(line, `bad end line: ${issues(trailer.error)}`);
      for (const type of RECORD_TYPES) {
        if ((trailer.data.counts[type] ?? 0) !== (this.counts[type] ?? 0)) {
          throw new ExportFormatError(line, `the end line counts ${trailer.data.counts[type] ?? 0} ${type} records, the file holds ${this.counts[type] ?? 0}.`);
        }
      }
      this.ended = true;
      return { kind: 'end', counts: trailer.data.counts };
    }
    const rank = RECORD_TYPES.indexOf(value?.type as RecordType);
    if (rank < 0) throw new ExportFormatError(line, `unknown record type ${JSON.stringify(value?.type ?? null)}.`);
    if (rank < this.rank) throw new ExportFormatError(line, `a ${String(value.type)} record after ${RECORD_TYPES[this.rank]} records: the file is out of order.`);
    const parsed = exportRecord.safeParse(value);
    if (!parsed.success) throw new ExportFormatError(line, `bad ${String(value.type)} record: ${issues(parsed.error)}`);
    this.rank = rank;
    this.counts[parsed.data.type] = (this.counts[parsed.data.type] ?? 0) + 1;
    return { kind: 'record', record: parsed.data };
  }

  /** After the last line: a file without its end line was cut short. */
  finish(lastLine: number): void {
    if (!this.ended) throw new ExportFormatError(lastLine, 'the file ends without its end line: it was cut short.');
  }
}
