// Typed calls to the property inventory (src/modules/inventory/openapi.json).
import { api, type Page } from '../../shared/api/client';
import type {
  Board,
  BulkUnitsInput,
  OwnedUnit,
  Project,
  ProjectInput,
  Unit,
  UnitEvent,
  UnitPatch,
  UnitStatus,
  UnitWithOwners,
} from './types';

export const inventoryApi = {
  listProjects: (query: { limit?: number; cursor?: string | null }, signal?: AbortSignal) =>
    api.get<Page<Project>>('/projects', { ...query }, signal),
  getProject: (id: number, signal?: AbortSignal) => api.get<Project>(`/projects/${id}`, undefined, signal),
  createProject: (body: ProjectInput) => api.post<Project>('/projects', body),
  /** The board of `building` (default: the first building); 422 fields.building "not_found" for an unknown one. */
  board: (projectId: number, building: string | undefined, signal?: AbortSignal) =>
    api.get<Board>(`/projects/${projectId}/board`, { building }, signal),
  /** All or nothing, at most 5,000 units; 409 fields.code "taken" when a room exists already. */
  createUnits: (projectId: number, body: BulkUnitsInput) =>
    api.post<{ items: Unit[]; count: number }>(`/projects/${projectId}/units/bulk`, body),
  /** Every unit of a project (one page), by building, entrance, floor (top first) and room. */
  listUnits: (projectId: number, query: { building?: string; status?: UnitStatus }) =>
    api.get<Page<Unit>>(`/projects/${projectId}/units`, { ...query }),
  getUnit: (id: number, signal?: AbortSignal) => api.get<UnitWithOwners>(`/units/${id}`, undefined, signal),
  /** With If-Match: 409 version_conflict when stale, 409 invalid_transition off the pipeline. */
  updateUnit: (id: number, patch: UnitPatch, version: number) => api.patch<UnitWithOwners>(`/units/${id}`, patch, version),
  /** Adds or changes an owner; 422 fields.share "exceeds_total" past 100%. */
  setOwner: (id: number, customerId: number, share: number) =>
    api.post<UnitWithOwners>(`/units/${id}/owners`, { customer_id: customerId, share }),
  removeOwner: (id: number, customerId: number) => api.delete<UnitWithOwners>(`/units/${id}/owners/${customerId}`),
  history: (id: number, signal?: AbortSignal) => api.get<Page<UnitEvent>>(`/units/${id}/history`, undefined, signal),
  unitsOfCustomer: (customerId: number, signal?: AbortSignal) => api.get<Page<OwnedUnit>>(`/customers/${customerId}/units`, undefined, signal),
};
