// Typed calls to the platform endpoints (API.md "Organisation and users" and the foundation).
import { api, fetchAll, request, type Page } from '../../shared/api/client';
import type {
  AppNotification,
  AuditEntry,
  AuditQuery,
  LoginResponse,
  Me,
  NewOrgUnit,
  NewUser,
  OrgUnit,
  OrgUnitPatch,
  User,
  UserPatch,
  UserQuery,
} from './types';

export const authApi = {
  login: (username: string, password: string) =>
    request<LoginResponse>('POST', '/auth/login', {
      body: { username, password },
      skipUnauthorizedRedirect: true,
    }),
  logout: () => request<void>('POST', '/auth/logout', { skipUnauthorizedRedirect: true }),
  me: (signal?: AbortSignal) => api.get<Me>('/me', undefined, signal),
};

export const orgUnitApi = {
  /** The whole tree (it is small: a group has tens to hundreds of units). */
  listAll: (signal?: AbortSignal) => fetchAll<OrgUnit>('/org-units', {}, { signal }),
  get: (id: number) => api.get<OrgUnit>(`/org-units/${id}`),
  create: (body: NewOrgUnit) => api.post<OrgUnit>('/org-units', body),
  update: (id: number, patch: OrgUnitPatch, version: number) =>
    api.patch<OrgUnit>(`/org-units/${id}`, patch, version),
};

export const userApi = {
  list: (query: UserQuery & { limit?: number; cursor?: string | null }, signal?: AbortSignal) =>
    api.get<Page<User>>('/users', { ...query }, signal),
  /** Every user in scope (the first 5000), e.g. to pick people from. */
  listAll: (signal?: AbortSignal) => fetchAll<User>('/users', {}, { signal, maxPages: 10 }),
  countAll: async (signal?: AbortSignal) => {
    const { items, truncated } = await fetchAll<User>('/users', {}, { signal, maxPages: 10 });
    return { count: items.length, truncated };
  },
  get: (id: number) => api.get<User>(`/users/${id}`),
  create: (body: NewUser) => api.post<User>('/users', body),
  update: (id: number, patch: UserPatch, version: number) => api.patch<User>(`/users/${id}`, patch, version),
};

export const auditApi = {
  list: (query: AuditQuery & { limit?: number; cursor?: string | null }, signal?: AbortSignal) =>
    api.get<Page<AuditEntry>>('/audit-log', { ...query }, signal),
};

export const notificationApi = {
  /** The caller's unread notifications, newest first (one page). */
  unread: (signal?: AbortSignal) => api.get<Page<AppNotification>>('/notifications', { unread: true, limit: 100 }, signal),
  /** 204; 404 when it is not the caller's. */
  markRead: (id: number) => api.post<void>(`/notifications/${id}/read`),
};
