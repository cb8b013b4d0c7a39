// The survey page's calls: the owner's link (public, no session: /api/v1/public/surveys/{token})
// and the staff's preview (/api/v1/surveys/{id}/preview, with the session cookie).
import type { Answers, PublicSurvey } from './types';

/** What the page was opened for, from its path: /s/{token} or /s/preview/{surveyId}. */
export type Route = { kind: 'link'; token: string } | { kind: 'preview'; surveyId: string } | { kind: 'none' };

export function routeOf(pathname: string): Route {
  const preview = pathname.match(/^\/s\/preview\/(\d+)\/?$/);
  if (preview) return { kind: 'preview', surveyId: preview[1] };
  // The segment as the address has it (already percent-encoded): the server tells a wrong one.
  const link = pathname.match(/^\/s\/([^/]+)\/?$/);
  return link ? { kind: 'link', token: link[1] } : { kind: 'none' };
}

/** A call that failed: `status` 0 when the network did, `code` and `fields` from the error body. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(`${status} ${code}`);
  }
}

interface CallOptions {
  body?: unknown;
  /** Outlives the page (a draft saved as the owner leaves). */
  keepalive?: boolean;
  /** The staff's session cookie goes (the preview); the owner's page sends none. */
  session?: boolean;
}

async function call(method: string, path: string, { body, keepalive, session }: CallOptions = {}): Promise<PublicSurvey> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: session ? 'same-origin' : 'omit',
      keepalive,
    });
  } catch {
    throw new ApiFailure(0, 'network');
  }
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    const error = json?.error ?? {};
    throw new ApiFailure(response.status, String(error.code ?? 'error'), error.fields ?? {});
  }
  if (!json || typeof json !== 'object' || !Array.isArray(json.questions)) throw new ApiFailure(response.status, 'bad_answer');
  return json as PublicSurvey;
}

const linkPath = (token: string) => `/public/surveys/${token}`;

/** The survey of the page's route (not for 'none'). */
export function load(route: Exclude<Route, { kind: 'none' }>): Promise<PublicSurvey> {
  return route.kind === 'preview' ? call('GET', `/surveys/${route.surveyId}/preview`, { session: true }) : call('GET', linkPath(route.token));
}

/** The owner's one answer: the page, answered. */
export const submitAnswers = (token: string, answers: Answers) => call('POST', linkPath(token), { body: { answers } });

/** Keeps the answers so far, to go on later. */
export const saveDraft = (token: string, answers: Answers, keepalive = false) => call('PUT', `${linkPath(token)}/draft`, { body: { answers }, keepalive });

/** No more surveys for this owner. */
export const optOut = (token: string) => call('POST', `${linkPath(token)}/opt-out`);
