// Typed calls to Customer 360 (API.md "Customers"); the bodies and answers are the OpenAPI
// document's (src/modules/customers/openapi.json; shared/api/wire.ts).
import { api } from '../../shared/api/client';
import type { Answer, Body, PageQuery } from '../../shared/api/wire';
import type { CustomerInput } from './types';

/** `q`: best matches of a name fragment (2+ characters) or 4+ digits of a phone or ID number; no paging. */
export type CustomerListQuery = PageQuery<'/customers'>;

export const customerApi = {
  list: (query: CustomerListQuery, signal?: AbortSignal) => api.get<Answer<'/customers', 'get'>>('/customers', { ...query }, signal),
  get: (id: number, signal?: AbortSignal) => api.get<Answer<'/customers/{id}', 'get'>>(`/customers/${id}`, undefined, signal),
  create: (body: CustomerInput) => api.post<Answer<'/customers', 'post', 201>>('/customers', body satisfies Body<'/customers', 'post'>),
  update: (id: number, patch: CustomerInput, version: number) =>
    api.patch<Answer<'/customers/{id}', 'patch'>>(`/customers/${id}`, patch satisfies Body<'/customers/{id}', 'patch'>, version),
  /** Shows phones and ID number unmasked; audited (personal_data.revealed) with the reason. */
  reveal: (id: number, reason: string) =>
    api.post<Answer<'/customers/{id}/reveal', 'post'>>(`/customers/${id}/reveal`, (reason ? { reason } : {}) satisfies Body<'/customers/{id}/reveal', 'post'>),
  /** Moves `fromId`'s phones, ID, timeline and records into `id`; answers the surviving customer. */
  merge: (id: number, fromId: number) =>
    api.post<Answer<'/customers/{id}/merge', 'post'>>(`/customers/${id}/merge`, { from_id: fromId } satisfies Body<'/customers/{id}/merge', 'post'>),
  /** Erases the personal data (个人信息保护法); business records stay. */
  anonymize: (id: number) => api.delete<Answer<'/customers/{id}', 'delete'>>(`/customers/${id}`),
  timeline: (id: number, query: PageQuery<'/customers/{id}/timeline'>, signal?: AbortSignal) =>
    api.get<Answer<'/customers/{id}/timeline', 'get'>>(`/customers/${id}/timeline`, { ...query }, signal),
};
