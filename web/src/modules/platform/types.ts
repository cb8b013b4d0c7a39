// Wire types of the platform module (org tree, users, sessions, audit), as the server sends them.

export const kOrgUnitKinds = ['group', 'region', 'city', 'project'] as const;
export type OrgUnitKind = (typeof kOrgUnitKinds)[number];

export const kRoles = ['admin', 'manager', 'agent', 'sales', 'engineer', 'viewer'] as const;
export type Role = (typeof kRoles)[number];

export interface OrgUnit {
  id: number;
  name: string;
  kind: OrgUnitKind;
  parent_id: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface NewOrgUnit {
  name: string;
  kind: OrgUnitKind;
  parent_id: number | null;
}

export interface OrgUnitPatch {
  name?: string;
}

export interface User {
  id: number;
  username: string;
  display_name: string;
  roles: string[];
  org_unit_id: number | null;
  disabled: boolean;
  /** Locked after ten consecutive failed logins, until an administrator unlocks it. */
  locked: boolean;
  locked_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface NewUser {
  username: string;
  password: string;
  display_name: string;
  roles: string[];
  org_unit_id: number;
}

export interface UserPatch {
  display_name?: string;
  roles?: string[];
  org_unit_id?: number;
  disabled?: boolean;
  /** false unlocks a locked account. */
  locked?: boolean;
  password?: string;
}

export interface UserQuery {
  q?: string;
  org_unit_id?: number;
}

/** The user as login answers it. */
export interface SessionUser {
  id: number;
  username: string;
  display_name: string;
  roles: string[];
  org_unit_id: number | null;
}

export interface LoginResponse {
  token: string;
  user: SessionUser;
}

/** GET /me: the session user with their org unit and effective permissions. */
export interface Me extends SessionUser {
  org_unit: Pick<OrgUnit, 'id' | 'name' | 'kind'> | null;
  permissions: string[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actor_id: number | null;
  actor_username: string | null;
  action: string;
  entity_type: string;
  entity_id: number | string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  request_id: string | null;
}

export interface AuditQuery {
  action?: string;
  entity_type?: string;
  entity_id?: string;
  actor_id?: number;
}

/** An in-app notification (a reminder, an escalation…); `ref_type`/`ref_id` name what it is about. */
export interface AppNotification {
  id: number;
  kind: string;
  title: string;
  body: string;
  ref_type: string | null;
  ref_id: number | null;
  read_at: string | null;
  created_at: string;
}
