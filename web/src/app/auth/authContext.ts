import { createContext } from 'react';
import type { Me, Permission } from '../../modules/platform/types';

/** 'error': a token is kept but /me could not be read (server down); the shell offers a retry. */
export type AuthStatus = 'loading' | 'signed_in' | 'signed_out' | 'error';

export interface AuthValue {
  status: AuthStatus;
  /** The signed-in user; set whenever status is 'signed_in'. */
  me: Me | null;
  /** Resolves when signed in; rejects with ApiError (401 wrong credentials, 429 rate limited). */
  login: (username: string, password: string) => Promise<void>;
  /** Revokes the token on the server (best effort) and forgets it here. */
  logout: () => Promise<void>;
  /** Reads /me again, e.g. after the user's own record changed. */
  refresh: () => Promise<void>;
}

export const AuthContext = createContext<AuthValue | null>(null);

/** Roles that see the 系统管理 (administration) menu. */
export const kAdminRoles = ['admin', 'manager'];

export function hasAnyRole(me: Pick<Me, 'roles'> | null, roles: readonly string[]): boolean {
  return !!me && me.roles.some((role) => roles.includes(role));
}

/** Whether /me told the user's permissions; it may have failed and left none. */
export const permissionsKnown = (me: Pick<Me, 'permissions'> | null) => (me?.permissions.length ?? 0) > 0;

/**
 * Whether to offer what needs `permission` (e.g. "record.write"). The server decides; this only
 * hides what it would refuse. Without known permissions the page offers it and the server answers.
 */
export function mayDo(me: Pick<Me, 'permissions'> | null, permission: Permission): boolean {
  return !permissionsKnown(me) || !!me?.permissions.includes(permission);
}
