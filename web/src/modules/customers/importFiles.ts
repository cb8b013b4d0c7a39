// The file the import wizard makes in the browser: the template, CSV in UTF-8 with a byte-order
// mark, which Excel needs to read Chinese text correctly. (The error report is the server's: every
// rejected row, however many, GET /imports/customers/error-reports/{id}.)
import { kImportColumns } from './importLabels';

const kBom = '\uFEFF';

/**
 * One CSV cell, quoted when it holds a separator, a quote or a line break. Text that a spreadsheet
 * would run as a formula (=, +, -, @, TAB or CR first) gets a leading apostrophe, as the server's export does.
 */
function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
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

/** "客户名单.xlsx" → "客户名单". */
export function baseName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}
