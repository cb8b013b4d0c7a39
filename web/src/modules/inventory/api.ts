// Typed calls to the property inventory, made with the client generated from the OpenAPI document
// (src/modules/inventory/openapi.json; shared/api/openapi.ts): the paths, parameters, bodies and
// answers are the document's, so a call the document does not have fails tsc.
import { answer, openapi } from '../../shared/api/openapi';
import type { PageQuery, QueryOf } from '../../shared/api/wire';
import type { BulkUnitsInput, ProjectInput, UnitPatch } from './types';

/** The `If-Match` header of a change based on `version` (a stale one answers 409 version_conflict). */
const ifMatch = (version: number) => ({ 'If-Match': String(version) });

export const inventoryApi = {
  listProjects: (query: PageQuery<'/projects'>, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/projects', { params: { query: { ...query, cursor: query.cursor ?? undefined } }, signal })),
  getProject: (id: number, signal?: AbortSignal) => answer(openapi.GET('/api/v1/projects/{id}', { params: { path: { id } }, signal })),
  createProject: (body: ProjectInput) => answer(openapi.POST('/api/v1/projects', { body })),
  /** The board of `building` (default: the first building); 422 fields.building "not_found" for an unknown one. */
  board: (projectId: number, building: string | undefined, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/projects/{id}/board', { params: { path: { id: projectId }, query: { building } }, signal })),
  /** All or nothing, at most 5,000 units; 409 fields.code "taken" when a room exists already. */
  createUnits: (projectId: number, body: BulkUnitsInput) =>
    answer(openapi.POST('/api/v1/projects/{id}/units/bulk', { params: { path: { id: projectId } }, body })),
  /** Every unit of a project (one page), by building, entrance, floor (top first) and room. */
  listUnits: (projectId: number, query: QueryOf<'/projects/{id}/units', 'get'>) =>
    answer(openapi.GET('/api/v1/projects/{id}/units', { params: { path: { id: projectId }, query: { ...query } } })),
  getUnit: (id: number, signal?: AbortSignal) => answer(openapi.GET('/api/v1/units/{id}', { params: { path: { id } }, signal })),
  /** With If-Match: 409 version_conflict when stale, 409 invalid_transition off the pipeline. */
  updateUnit: (id: number, patch: UnitPatch, version: number) =>
    answer(openapi.PATCH('/api/v1/units/{id}', { params: { path: { id }, header: ifMatch(version) }, body: patch })),
  /** Adds or changes an owner; 422 fields.share "exceeds_total" past 100%. */
  setOwner: (id: number, customerId: number, share: number) =>
    answer(openapi.POST('/api/v1/units/{id}/owners', { params: { path: { id } }, body: { customer_id: customerId, share } })),
  removeOwner: (id: number, customerId: number) =>
    answer(openapi.DELETE('/api/v1/units/{id}/owners/{customer_id}', { params: { path: { id, customer_id: customerId } } })),
  history: (id: number, signal?: AbortSignal) => answer(openapi.GET('/api/v1/units/{id}/history', { params: { path: { id } }, signal })),
  unitsOfCustomer: (customerId: number, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/customers/{id}/units', { params: { path: { id: customerId } }, signal })),
};
