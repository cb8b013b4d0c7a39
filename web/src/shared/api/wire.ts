// Record types from the server's OpenAPI document. scripts/openapi.mjs writes `schema.d.ts` from
// src/**/openapi.json (`npm run gen`; `npm run build` does it first); a module's types.ts derives
// its records from it, so a field the document renames or retypes fails tsc here in the web app.
import type { components, paths } from './schema';

type Schemas = components['schemas'];

/** The type of a schema as the document states it (inputs: optional members stay optional). */
export type Schema<Name extends keyof Schemas> = Schemas[Name];

type Full<T> = { [K in keyof T]-?: T[K] };

/** Each member of N is a member of T, with a type T allows (e.g. a closed vocabulary for a string). */
type Narrowing<T, N> = { [K in keyof N]: K extends keyof T ? Full<T>[K] : never };

/** Each member of R is a member of T; its type is not checked (where the document is too loose). */
type Replacing<T, R> = { [K in keyof R]: K extends keyof T ? unknown : never };

/**
 * A record the server sends, typed from what the document says of it: every member present (the
 * server sends them all, also where the document marks one optional); the members of `Narrowed`
 * with the stricter type the page uses, which must be one the document allows; the members of
 * `Replaced` with a type the document does not describe well enough (an object without
 * properties, for one). A member named in either must be one the document has.
 */
export type Checked<
  T,
  Narrowed extends Narrowing<T, Narrowed> = object,
  Replaced extends Replacing<T, Replaced> = object,
> = Omit<Full<T>, keyof Narrowed | keyof Replaced> & Narrowed & Replaced;

/** `Checked` of a named schema: `Wire<'Customer', { gender: Gender }>`. */
export type Wire<
  Name extends keyof Schemas,
  Narrowed extends Narrowing<Schemas[Name], Narrowed> = object,
  Replaced extends Replacing<Schemas[Name], Replaced> = object,
> = Checked<Schemas[Name], Narrowed, Replaced>;

/** The paths of the document under /api/v1, as api.ts writes them ("/tickets/{id}"). */
export type ApiPath = keyof paths extends infer K ? (K extends `/api/v1${infer P}` ? P : never) : never;

/** The methods the document has for a path. */
export type ApiMethod<Path extends ApiPath> = Exclude<keyof paths[`/api/v1${Path}`], 'parameters'>;

type Operation<Path extends ApiPath, Method extends ApiMethod<Path>> = paths[`/api/v1${Path}`][Method];

type Responses<Path extends ApiPath, Method extends ApiMethod<Path>> = Operation<Path, Method> extends { responses: infer R } ? R : never;

/** The JSON body of a request: `Body<'/tickets/{id}/hold', 'post'>`. A path or method the document lacks fails tsc. */
export type Body<Path extends ApiPath, Method extends ApiMethod<Path>> =
  Operation<Path, Method> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

/**
 * The JSON answer of a request: its 200, or the status given (`Answer<'/tickets', 'post', 201>`). A
 * status the document does not list fails tsc; without one, an operation that has no 200 answers
 * `unknown`, which no page can read a field of.
 */
export type Answer<
  Path extends ApiPath,
  Method extends ApiMethod<Path>,
  Status extends keyof Responses<Path, Method> = 200 & keyof Responses<Path, Method>,
> = Responses<Path, Method>[Status] extends { content: { 'application/json': infer A } } ? A : unknown;

/** The query parameters of a request, all optional as the document has them: `QueryOf<'/tickets', 'get'>`. */
export type QueryOf<Path extends ApiPath, Method extends ApiMethod<Path>> =
  Operation<Path, Method> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** The query of a list: its parameters, with `cursor` null (or absent) for the first page. */
export type PageQuery<Path extends ApiPath> = Omit<QueryOf<Path, 'get' & ApiMethod<Path>>, 'cursor'> & { cursor?: string | null };

/** The filters of a list: its query without `limit` and `cursor`, which the caller pages with. */
export type Filters<Path extends ApiPath> = Omit<QueryOf<Path, 'get' & ApiMethod<Path>>, 'limit' | 'cursor'>;
