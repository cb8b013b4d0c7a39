// The platform module's server data in the query cache (shared/api/queryClient.ts): its keys, so
// that writes here and elsewhere update or invalidate the right entries.
import type { AuditQuery, UserQuery } from './types';

export const orgUnitKeys = {
  /** Every org unit in scope (the tree is read whole). */
  all: ['org-units'] as const,
};

export const userKeys = {
  all: ['users'] as const,
  list: (query: UserQuery) => ['users', 'list', query] as const,
  /** Every user in scope (the first 5000), for pickers and names. */
  everyone: ['users', 'everyone'] as const,
};

export const auditKeys = {
  list: (query: AuditQuery) => ['audit-log', query] as const,
};

export const notificationKeys = {
  unread: ['notifications', 'unread'] as const,
};

export const homeKeys = {
  figure: (key: string) => ['home', 'figure', key] as const,
};
