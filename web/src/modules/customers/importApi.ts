// Typed calls for customer import and export (API.md "Import and export").
import { api, ApiError, type FieldReasons } from '../../shared/api/client';
import { downloadFile, uploadFile } from '../../shared/api/transfer';
import type { Answer, QueryOf, Wire } from '../../shared/api/wire';

/** What an import (or its dry run) did; a dry run counts what it would do. */
export interface ImportReport extends Wire<'ImportReport'> {}

/** One problem of one row: `field` is the API field ("phone", "children_birth_years[1]") or "" for the row; `message` a reason slug. */
export type ImportRowError = ImportReport['errors'][number];

/**
 * An import run in the background (POST with `Prefer: respond-async`), read with GET /imports/{id};
 * its id may come from the answer's Location, hence a string.
 */
export interface ImportJob extends Wire<'ImportJob', object, { id: number | string }> {}

export type FileFormat = NonNullable<QueryOf<'/exports/customers', 'get'>['format']>;

export const kContentTypes: Record<FileFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The format of a file by its name, or null when it is neither CSV nor XLSX. */
export function fileFormatOf(name: string): FileFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

export type OnDuplicate = NonNullable<QueryOf<'/imports/customers', 'post'>['on_duplicate']>;

export interface ImportOptions {
  dryRun: boolean;
  onDuplicate: OnDuplicate;
  /** The owning company of new customers; the caller's own unit when absent. */
  orgUnitId?: number;
}

/** The answer to the POST: the report itself (a server that imports synchronously) or a job to poll. */
export type ImportStarted = { kind: 'report'; report: ImportReport } | { kind: 'job'; job: ImportJob };

/** The ApiError a failed job stands for, so that it is shown like a failed request. */
export function jobError(job: ImportJob): ApiError {
  const error: { code: string; message: string; fields?: FieldReasons } = job.error ?? { code: 'import_failed', message: '' };
  // The server always sends `fields` (often {}): only named fields make it a validation failure.
  const named = error.fields !== undefined && Object.keys(error.fields).length > 0;
  const status = error.code === 'forbidden' ? 403 : error.code === 'payload_too_large' ? 413 : named ? 422 : 500;
  return new ApiError(status, error.code, error.message, error.fields ?? {});
}

export const importApi = {
  /**
   * Sends the file. Asks for a background job (`Prefer: respond-async`, answered 202) to follow its
   * progress; a server that answers 200/201 with the report at once is understood too.
   */
  start: async (
    file: Blob,
    format: FileFormat,
    options: ImportOptions,
    { onUpload, signal }: { onUpload?: (sent: number, total: number) => void; signal?: AbortSignal } = {},
  ): Promise<ImportStarted> => {
    const answer = await uploadFile<Answer<'/imports/customers', 'post', 200 | 201 | 202>>('/imports/customers', file, {
      query: { dry_run: options.dryRun, on_duplicate: options.onDuplicate, org_unit_id: options.orgUnitId } satisfies QueryOf<'/imports/customers', 'post'>,
      contentType: kContentTypes[format],
      headers: { Prefer: 'respond-async' },
      onProgress: onUpload,
      signal,
    });
    if (answer.status === 202) {
      const job = answer.body as ImportJob;
      // The job's own address (Location) wins over one built from its id.
      const location = answer.header('location');
      const id = location?.split('/').filter(Boolean).pop() ?? job.id;
      return { kind: 'job', job: { ...job, id } };
    }
    return { kind: 'report', report: answer.body as ImportReport };
  },
  job: (id: number | string, signal?: AbortSignal) => api.get<Answer<'/imports/{id}', 'get'>>(`/imports/${encodeURIComponent(String(id))}`, undefined, signal),
  /** Saves the customers the caller may see (matching `q` when given), masked as the server decides. */
  exportCustomers: (format: FileFormat, q: string, name: string) =>
    downloadFile('/exports/customers', { format, q: q || undefined } satisfies QueryOf<'/exports/customers', 'get'>, name),
};
