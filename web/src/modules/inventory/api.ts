// Typed calls to the property inventory; the bodies and answers are the OpenAPI document's
// (src/modules/inventory/openapi.json; shared/api/wire.ts).
import { api } from '../../shared/api/client';
import type { Answer, Body, PageQuery, QueryOf } from '../../shared/api/wire';
import type { BulkUnitsInput, ProjectInput, UnitPatch } from './types';

export const inventoryApi = {
  listProjects: (query: PageQuery<'/projects'>, signal?: AbortSignal) =>
    api.get<Answer<'/projects', 'get'>>('/projects', { ...query }, signal),
  getProject: (id: number, signal?: AbortSignal) => api.get<Answer<'/projects/{id}', 'get'>>(`/projects/${id}`, undefined, signal),
  createProject: (body: ProjectInput) => api.post<Answer<'/projects', 'post', 201>>('/projects', body),
  /** The board of `building` (default: the first building); 422 fields.building "not_found" for an unknown one. */
  board: (projectId: number, building: string | undefined, signal?: AbortSignal) =>
    api.get<Answer<'/projects/{id}/board', 'get'>>(`/projects/${projectId}/board`, { building } satisfies QueryOf<'/projects/{id}/board', 'get'>, signal),
  /** All or nothing, at most 5,000 units; 409 fields.code "taken" when a room exists already. */
  createUnits: (projectId: number, body: BulkUnitsInput) =>
    api.post<Answer<'/projects/{id}/units/bulk', 'post', 201>>(`/projects/${projectId}/units/bulk`, body),
  /** Every unit of a project (one page), by building, entrance, floor (top first) and room. */
  listUnits: (projectId: number, query: QueryOf<'/projects/{id}/units', 'get'>) =>
    api.get<Answer<'/projects/{id}/units', 'get'>>(`/projects/${projectId}/units`, { ...query }),
  getUnit: (id: number, signal?: AbortSignal) => api.get<Answer<'/units/{id}', 'get'>>(`/units/${id}`, undefined, signal),
  /** With If-Match: 409 version_conflict when stale, 409 invalid_transition off the pipeline. */
  updateUnit: (id: number, patch: UnitPatch, version: number) => api.patch<Answer<'/units/{id}', 'patch'>>(`/units/${id}`, patch, version),
  /** Adds or changes an owner; 422 fields.share "exceeds_total" past 100%. */
  setOwner: (id: number, customerId: number, share: number) =>
    api.post<Answer<'/units/{id}/owners', 'post', 201>>(`/units/${id}/owners`, { customer_id: customerId, share } satisfies Body<'/units/{id}/owners', 'post'>),
  removeOwner: (id: number, customerId: number) =>
    api.delete<Answer<'/units/{id}/owners/{customer_id}', 'delete'>>(`/units/${id}/owners/${customerId}`),
  history: (id: number, signal?: AbortSignal) => api.get<Answer<'/units/{id}/history', 'get'>>(`/units/${id}/history`, undefined, signal),
  unitsOfCustomer: (customerId: number, signal?: AbortSignal) =>
    api.get<Answer<'/customers/{id}/units', 'get'>>(`/customers/${customerId}/units`, undefined, signal),
};
