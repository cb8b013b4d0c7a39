// Typed calls to the platform endpoints (API.md "Organisation and users" and the foundation); the
// bodies and answers are the OpenAPI document's (src/platform/openapi.json; shared/api/wire.ts).
import { api, fetchAll, request } from '../../shared/api/client';
import type { Answer, Body, PageQuery } from '../../shared/api/wire';
import type { AuditQuery, NewOrgUnit, NewUser, OrgUnit, OrgUnitPatch, User, UserPatch, UserQuery } from './types';

export const authApi = {
  login: (username: string, password: string) =>
    request<Answer<'/auth/login', 'post'>>('POST', '/auth/login', {
      body: { username, password } satisfies Body<'/auth/login', 'post'>,
      skipUnauthorizedRedirect: true,
    }),
  logout: () => request<void>('POST', '/auth/logout', { skipUnauthorizedRedirect: true }),
  me: (signal?: AbortSignal) => api.get<Answer<'/me', 'get'>>('/me', undefined, signal),
};

export const orgUnitApi = {
  /** The whole tree (it is small: a group has tens to hundreds of units). */
  listAll: (signal?: AbortSignal) => fetchAll<OrgUnit>('/org-units', {}, { signal }),
  get: (id: number) => api.get<Answer<'/org-units/{id}', 'get'>>(`/org-units/${id}`),
  create: (body: NewOrgUnit) => api.post<Answer<'/org-units', 'post', 201>>('/org-units', body),
  update: (id: number, patch: OrgUnitPatch, version: number) =>
    api.patch<Answer<'/org-units/{id}', 'patch'>>(`/org-units/${id}`, patch, version),
};

export const userApi = {
  list: (query: UserQuery & Pick<PageQuery<'/users'>, 'limit' | 'cursor'>, signal?: AbortSignal) =>
    api.get<Answer<'/users', 'get'>>('/users', { ...query }, signal),
  /** Every user in scope (the first 5000), e.g. to pick people from. */
  listAll: (signal?: AbortSignal) => fetchAll<User>('/users', {}, { signal, maxPages: 10 }),
  countAll: async (signal?: AbortSignal) => {
    const { items, truncated } = await fetchAll<User>('/users', {}, { signal, maxPages: 10 });
    return { count: items.length, truncated };
  },
  get: (id: number) => api.get<Answer<'/users/{id}', 'get'>>(`/users/${id}`),
  create: (body: NewUser) => api.post<Answer<'/users', 'post', 201>>('/users', body),
  update: (id: number, patch: UserPatch, version: number) => api.patch<Answer<'/users/{id}', 'patch'>>(`/users/${id}`, patch, version),
};

export const auditApi = {
  list: (query: AuditQuery & Pick<PageQuery<'/audit-log'>, 'limit' | 'cursor'>, signal?: AbortSignal) =>
    api.get<Answer<'/audit-log', 'get'>>('/audit-log', { ...query }, signal),
};

export const notificationApi = {
  /** The caller's unread notifications, newest first (one page). */
  unread: (signal?: AbortSignal) =>
    api.get<Answer<'/notifications', 'get'>>('/notifications', { unread: true, limit: 100 } satisfies PageQuery<'/notifications'>, signal),
  /** 204; 404 when it is not the caller's. */
  markRead: (id: number) => api.post<void>(`/notifications/${id}/read`),
};
