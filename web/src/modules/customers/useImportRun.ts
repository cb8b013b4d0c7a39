import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../shared/api/client';
import { importApi, jobError, type FileFormat, type ImportOptions, type ImportReport } from './importApi';

/**
 * Where one import run stands. `processing` counts rows when the server runs it as a job; a server
 * that answers synchronously gives no count (`rowsTotal` null) until it answers.
 */
export type ImportRunState =
  | { phase: 'idle' }
  | { phase: 'uploading'; sent: number; total: number }
  | { phase: 'processing'; rowsDone: number; rowsTotal: number | null }
  | { phase: 'done'; report: ImportReport }
  | { phase: 'failed'; error: unknown };

const kPollMs = 500;
/** Polls that may fail in a row (a network blip, a server restart) before the run counts as failed. */
const kPollRetries = 6;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('Aborted', 'AbortError'));
    });
  });

const isAbort = (err: unknown) => err instanceof DOMException && err.name === 'AbortError';

/**
 * Runs an import (or dry run) of a file: uploads it with progress, then follows the server's job
 * until it finishes. `run` resolves with the report, or null when it failed or was cancelled (the
 * state tells which). Leaving the page stops the upload and the polling, not a job already started.
 */
export function useImportRun() {
  const [state, setState] = useState<ImportRunState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(async (file: File, format: FileFormat, options: ImportOptions): Promise<ImportReport | null> => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    const { signal } = abort;
    setState({ phase: 'uploading', sent: 0, total: file.size });
    try {
      const started = await importApi.start(file, format, options, {
        signal,
        // Once the last byte is out the server is at work; a synchronous one tells nothing until it answers.
        onUpload: (sent, total) => {
          if (signal.aborted) return;
          setState(sent >= total ? { phase: 'processing', rowsDone: 0, rowsTotal: null } : { phase: 'uploading', sent, total });
        },
      });
      let report: ImportReport;
      if (started.kind === 'report') {
        report = started.report;
      } else {
        let job = started.job;
        let failures = 0;
        while (job.status === 'running') {
          setState({ phase: 'processing', rowsDone: job.rows_done ?? 0, rowsTotal: job.rows_total || null });
          await sleep(kPollMs, signal);
          try {
            job = await importApi.job(job.id, signal);
            failures = 0;
          } catch (err) {
            if (isAbort(err) || !(err instanceof ApiError) || err.status !== 0 || ++failures > kPollRetries) throw err;
          }
        }
        if (job.status !== 'done' || !job.result) throw jobError(job);
        report = job.result;
      }
      if (signal.aborted) return null;
      setState({ phase: 'done', report });
      return report;
    } catch (err) {
      if (signal.aborted || isAbort(err)) return null;
      setState({ phase: 'failed', error: err });
      return null;
    }
  }, []);

  /** Stops following the run and goes back to idle. */
  const reset = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState({ phase: 'idle' });
  }, []);

  return { state, run, reset };
}
