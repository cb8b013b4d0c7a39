// The one place that speaks HTTP to the Hearth server (API.md conventions).

export type FieldReasons = Record<string, string>;

/**
 * A failed call: the HTTP status plus the server's error body (`code`, `message`, `fields`).
 * `extra` holds the error object's other members, e.g. `existing_id` of a 409
 * duplicate_customer or `merged_into` of a 404 for a merged customer.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldReasons;
  readonly extra: Record<string, unknown>;

  constructor(status: number, code: string, message: string, fields: FieldReasons = {}, extra: Record<string, unknown> = {}) {
    super(message || code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.extra = extra;
  }

  /** An integer member of the error object (e.g. `existing_id`), or null. */
  extraId(key: string): number | null {
    const value = this.extra[key];
    const id = typeof value === 'string' ? Number(value) : value;
    return typeof id === 'number' && Number.isInteger(id) && id > 0 ? id : null;
  }
}

/** Every list endpoint answers this shape; `limit` (≤ 500) and `cursor` page through it. */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export const kMaxPageSize = 500;

// The session lives in an HttpOnly cookie this code cannot read (SECURITY.md §Browser session).
// Its companion cookie `hearth_csrf` is readable: its presence says a session exists, and its value
// goes back in X-CSRF-Token on every request that changes something.
const kCsrfCookie = 'hearth_csrf';

/** The CSRF token of the current session, or null when signed out. */
export function csrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === kCsrfCookie) return value.join('=') || null;
  }
  return null;
}

/** True while the browser holds a session (it may still have expired on the server). */
export function hasSession(): boolean {
  return csrfToken() !== null;
}

/** Forgets the session on this side (the server clears its cookies on logout and on any 401). */
export function forgetSession(): void {
  document.cookie = `${kCsrfCookie}=; Max-Age=0; Path=/; SameSite=Strict`;
  localStorage.removeItem('hearth.token');  // where versions before the cookie session kept the token
}

/** The headers that authenticate a call: X-CSRF-Token for one that changes state. */
export function sessionHeaders(method: string): Record<string, string> {
  const token = csrfToken();
  return token && !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase()) ? { 'X-CSRF-Token': token } : {};
}

let unauthorized_handler: (() => void) | null = null;

/** Called after any 401 (the token is already cleared): the shell sends the user to /login. */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorized_handler = handler;
}

/** The query string of a call, without `?` (empty values left out); what `buildUrl` appends. */
export function queryString(query?: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  return params.toString();
}

/** The URL of an API path with its query (empty values left out), e.g. for a download link. */
export function buildUrl(path: string, query?: Query): string {
  const qs = queryString(query);
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
}

/** How a call uses the session (`request` and the generated client in openapi.ts alike). */
export interface SessionOptions {
  /** Login answers 401 for wrong credentials: that must not look like an expired session. */
  skipUnauthorizedRedirect?: boolean;
  /** Sends no session cookie (the public pages reached by a link). */
  anonymous?: boolean;
}

export interface RequestOptions extends SessionOptions {
  query?: Query;
  body?: unknown;
  /** Sent as `If-Match` so a stale edit answers 409 version_conflict. */
  ifMatch?: number;
  signal?: AbortSignal;
}

/**
 * Sends `request` as every call to the server goes: with the session cookie (none when `anonymous`)
 * and, when it changes state, X-CSRF-Token. Resolves with the answer whatever its status, after a
 * 401 has ended the session (unless `skipUnauthorizedRedirect`); rejects with ApiError status 0
 * when the server cannot be reached, or with the AbortError of the request's signal.
 */
export async function sessionFetch(request: Request, options: SessionOptions = {}): Promise<Response> {
  const sent = new Request(request, { credentials: options.anonymous ? 'omit' : 'same-origin' });
  if (!options.anonymous) {
    for (const [name, value] of Object.entries(sessionHeaders(sent.method))) sent.headers.set(name, value);
  }
  let response: Response;
  try {
    response = await fetch(sent);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', String(err));
  }
  if (response.status === 401 && !options.skipUnauthorizedRedirect) notifyUnauthorized();
  return response;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch !== undefined) headers['If-Match'] = String(options.ifMatch);

  const response = await sessionFetch(
    new Request(buildUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    }),
    options,
  );
  const text = response.status === 204 ? '' : await response.text();
  const data = parseJson(text);
  if (!response.ok) throw apiErrorOf(response.status, response.statusText, data);
  return data as T;
}

/** Forgets the session and tells the shell (which sends the user to /login), as after any 401. */
export function notifyUnauthorized(): void {
  forgetSession();
  unauthorized_handler?.();
}

/** The JSON value of a body, or undefined when it is empty or not JSON. */
export function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The ApiError of a failed answer whose body (already parsed) may hold the standard error object. */
export function apiErrorOf(status: number, statusText: string, data: unknown): ApiError {
  const error = (data as { error?: { code?: string; message?: string; fields?: FieldReasons } } | undefined)?.error;
  const { code, message, fields, ...extra } = error ?? {};
  return new ApiError(status, code ?? `http_${status}`, message ?? statusText, fields ?? {}, extra);
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, version?: number) =>
    request<T>('PATCH', path, { body, ifMatch: version }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/**
 * Reads the pages `readPage` answers (the first with cursor null, then each `next_cursor`) until the
 * list ends or `maxPages` pages were read. `truncated` tells that more items exist than were fetched.
 */
export async function fetchPages<T>(
  readPage: (cursor: string | null) => Promise<Page<T>>,
  { maxPages = 20 }: { maxPages?: number } = {},
): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page += 1) {
    const result: Page<T> = await readPage(cursor);
    items.push(...result.items);
    cursor = result.next_cursor;
    if (!cursor) return { items, truncated: false };
  }
  return { items, truncated: true };
}

/** `fetchPages` of the list at `path`, `kMaxPageSize` items a page. */
export function fetchAll<T>(
  path: string,
  query: Query = {},
  { maxPages = 20, signal }: { maxPages?: number; signal?: AbortSignal } = {},
): Promise<{ items: T[]; truncated: boolean }> {
  return fetchPages((cursor) => api.get<Page<T>>(path, { ...query, limit: kMaxPageSize, cursor }, signal), { maxPages });
}
