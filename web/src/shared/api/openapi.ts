// The client generated from the server's OpenAPI document: openapi-fetch over the `paths` of
// schema.d.ts (`npm run gen`), so a call's path, parameters, body and answer are the document's and
// one it does not have fails tsc. Every call goes through client.ts's `sessionFetch`, as `request`
// does: the session cookie, X-CSRF-Token on a write, a 401 ending the session, ApiError status 0 when
// the server cannot be reached; `answer` throws the same ApiError as `request` for a failed call.
//
//   answer(openapi.GET('/api/v1/users/{id}', { params: { path: { id } }, signal }))
import createClient from 'openapi-fetch';
import { apiErrorOf, queryString, sessionFetch } from './client';
import type { paths } from './schema';

const kJson = 'application/json';

export const openapi = createClient<paths>({
  // openapi-fetch would send Content-Type on every call; `request` sends it only with a body, which
  // the serializer below types: fetch takes a Blob's type as the Content-Type.
  headers: { Accept: kJson, 'Content-Type': null },
  bodySerializer: (body) => new Blob([JSON.stringify(body)], { type: kJson }),
  // As `buildUrl`: empty values left out.
  querySerializer: (query) => queryString(query),
  fetch: (request) => sessionFetch(request),
});

/** The answer of an operation that answers no body (204) is undefined. */
type Data<D> = [D] extends [never] ? void : D;

/**
 * The answer of a call of `openapi`: its JSON body (undefined when it has none), or, for a status
 * other than 2xx, the ApiError that `request` would throw.
 */
export async function answer<D>(call: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<Data<D>> {
  let result;
  try {
    result = await call;
  } catch (err) {
    // A 2xx body that is not JSON: `request` answers undefined for it.
    if (err instanceof SyntaxError) return undefined as Data<D>;
    throw err;
  }
  const { data, error, response } = result;
  if (!response.ok) throw apiErrorOf(response.status, response.statusText, error);
  if (response.status === 204 || response.headers.get('Content-Length') === '0') return undefined as Data<D>;
  return data as Data<D>;
}
