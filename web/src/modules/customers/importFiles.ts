// Files the import wizard makes in the browser: the template and the error report. Both are CSV in
// UTF-8 with a byte-order mark, which Excel needs to read Chinese text correctly.
import type { Translate } from '../../app/i18n/i18nContext';
import type { ImportRowError } from './importApi';
import { importFieldLabel, importReasonText, kImportColumns } from './importLabels';

const kBom = '\uFEFF';

/**
 * One CSV cell, quoted when it holds a separator, a quote or a line break. Text that a spreadsheet
 * would run as a formula (=, +, -, @ first) gets a leading apostrophe, as the server's export does.
 */
function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV file as Excel reads it: BOM, comma-separated, CRLF line ends. */
export function csvBlob(rows: readonly (readonly (string | number)[])[]): Blob {
  const text = rows.map((row) => row.map(csvCell).join(',')).join('\r\n');
  return new Blob([kBom, text, '\r\n'], { type: 'text/csv;charset=utf-8' });
}

/** The import template: the header row the server reads, then one example customer. */
export function templateCsv(): Blob {
  return csvBlob([kImportColumns.map((column) => column.header), kImportColumns.map((column) => column.example)]);
}

/** The header and the records at some lines of an uploaded CSV file, to show rejected rows as they were. */
export interface SourceRows {
  header: string[];
  byLine: Map<number, string[]>;
}

/**
 * Reads the records of a CSV file that start at `lines`, numbered as the server numbers them (the
 * header is line 1; a quoted line break counts). Text is UTF-8, else GB18030 as Excel in China
 * writes it. Null when the file cannot be read so.
 */
export async function readCsvRows(file: Blob, lines: ReadonlySet<number>): Promise<SourceRows | null> {
  const bytes = await file.arrayBuffer();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      text = new TextDecoder('gb18030').decode(bytes);
    } catch {
      return null;
    }
  }
  let header: string[] | null = null;
  const byLine = new Map<number, string[]>();
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let started = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    fields.push(field);
    if (!header) header = fields;
    else if (lines.has(recordLine)) byLine.set(recordLine, fields);
    fields = [];
    field = '';
    started = false;
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (c === '\n') line += 1;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      if (field === '') quoted = true;
      else field += c;
      started = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      started = true;
    } else if (c === '\n') {
      if (started || field !== '' || fields.length) endRecord();
      line += 1;
      recordLine = line;
    } else if (c !== '\r') {
      field += c;
      started = true;
    }
  }
  if (started || field !== '' || fields.length) endRecord();
  return header ? { header, byLine } : null;
}

/**
 * The error report: one line per problem, in file order, with the field and reason in words and as
 * codes, then (when the CSV file could be read here) the rejected row as it was in the file.
 */
export function errorReportCsv(t: Translate, errors: readonly ImportRowError[], source: SourceRows | null = null): Blob {
  const sorted = errors.slice().sort((a, b) => a.line - b.line);
  const head = [t('import.errors.line'), t('import.errors.field'), t('import.errors.reason'), t('import.errors.fieldCode'), t('import.errors.reasonCode')];
  return csvBlob([
    source ? [...head, ...source.header] : head,
    ...sorted.map((error) => [
      error.line,
      importFieldLabel(t, error.field),
      importReasonText(t, error.message),
      error.field,
      error.message,
      ...(source?.byLine.get(error.line) ?? []),
    ]),
  ]);
}

/** "客户名单.xlsx" → "客户名单". */
export function baseName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}
