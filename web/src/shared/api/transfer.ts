// Files to and from the server: an upload that reports its progress, and a download saved by the
// browser. Both go with the session cookie like every other call (client.ts).
import { ApiError, apiErrorOf, buildUrl, notifyUnauthorized, parseJson, sessionHeaders, type Query } from './client';

export interface UploadAnswer<T> {
  status: number;
  body: T;
  /** Response headers, names in lower case (e.g. `location`). */
  header: (name: string) => string | null;
}

export interface UploadOptions {
  query?: Query;
  contentType: string;
  headers?: Record<string, string>;
  /** Called as the body goes out: bytes sent and bytes in all. */
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * POSTs `body` (a file) with XMLHttpRequest, which unlike fetch reports upload progress.
 * Resolves with any 2xx answer; rejects with ApiError (status 0 when the server could not be
 * reached or dropped the connection) or an AbortError DOMException when `signal` aborts.
 */
export function uploadFile<T>(path: string, body: Blob, options: UploadOptions): Promise<UploadAnswer<T>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path, options.query));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', options.contentType);
    for (const [name, value] of Object.entries(sessionHeaders('POST'))) xhr.setRequestHeader(name, value);
    for (const [name, value] of Object.entries(options.headers ?? {})) xhr.setRequestHeader(name, value);

    const onAbort = () => xhr.abort();
    options.signal?.addEventListener('abort', onAbort);
    const done = () => options.signal?.removeEventListener('abort', onAbort);

    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded, event.total);
    };
    xhr.onload = () => {
      done();
      const data = parseJson(xhr.responseText);
      if (xhr.status === 401) notifyUnauthorized();
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(apiErrorOf(xhr.status, xhr.statusText, data));
        return;
      }
      resolve({ status: xhr.status, body: data as T, header: (name) => xhr.getResponseHeader(name) });
    };
    xhr.onerror = () => {
      done();
      reject(new ApiError(0, 'network_error', 'the upload did not reach the server'));
    };
    xhr.onabort = () => {
      done();
      reject(new DOMException('The upload was cancelled', 'AbortError'));
    };
    if (options.signal?.aborted) {
      xhr.abort();
      return;
    }
    xhr.send(body);
  });
}

/** The file name a Content-Disposition header gives (RFC 6266 `filename*` first), or null. */
export function attachmentName(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1].trim() : null;
}

/** Makes the browser save `blob` as `name` (through a temporary object URL). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the URL only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * GETs `path` with the token and saves the answer as a file named `name`, or as the server names it
 * (Content-Disposition) when `name` is empty. Answers the name used; rejects with ApiError like `request`.
 */
export async function downloadFile(path: string, query: Query, name = '', signal?: AbortSignal): Promise<string> {
  const { blob, response } = await fetchBlob(path, query, signal);
  const saved = name || attachmentName(response.headers.get('Content-Disposition')) || 'download';
  saveBlob(blob, saved);
  return saved;
}

/**
 * GETs `path` with the session and answers its body as a Blob (a download, or a photo shown through
 * an object URL so that a 401 ends the session like any other call). Rejects with ApiError like `request`.
 */
export async function fetchBlob(path: string, query: Query = {}, signal?: AbortSignal): Promise<{ blob: Blob; response: Response }> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), { credentials: 'same-origin', signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', String(err));
  }
  if (response.status === 401) notifyUnauthorized();
  if (!response.ok) throw apiErrorOf(response.status, response.statusText, parseJson(await response.text()));
  return { blob: await response.blob(), response };
}
