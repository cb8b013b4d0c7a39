// Typed calls to Customer 360 (API.md "Customers", src/modules/customers/openapi.json).
import { api, type Page } from '../../shared/api/client';
import type { Customer, CustomerInput, TimelineEvent } from './types';

export interface CustomerListQuery {
  /** Best matches of a name fragment (2+ characters) or 4+ digits of a phone or ID number; no paging. */
  q?: string;
  limit?: number;
  cursor?: string | null;
}

export const customerApi = {
  list: (query: CustomerListQuery, signal?: AbortSignal) => api.get<Page<Customer>>('/customers', { ...query }, signal),
  get: (id: number, signal?: AbortSignal) => api.get<Customer>(`/customers/${id}`, undefined, signal),
  create: (body: CustomerInput) => api.post<Customer>('/customers', body),
  update: (id: number, patch: CustomerInput, version: number) => api.patch<Customer>(`/customers/${id}`, patch, version),
  /** Shows phones and ID number unmasked; audited (personal_data.revealed) with the reason. */
  reveal: (id: number, reason: string) => api.post<Customer>(`/customers/${id}/reveal`, reason ? { reason } : {}),
  /** Moves `fromId`'s phones, ID, timeline and records into `id`; answers the surviving customer. */
  merge: (id: number, fromId: number) => api.post<Customer>(`/customers/${id}/merge`, { from_id: fromId }),
  /** Erases the personal data (个人信息保护法); business records stay. */
  anonymize: (id: number) => api.delete<Customer>(`/customers/${id}`),
  timeline: (id: number, query: { kind?: string; limit?: number; cursor?: string | null }, signal?: AbortSignal) =>
    api.get<Page<TimelineEvent>>(`/customers/${id}/timeline`, { ...query }, signal),
};
