// Wire types of the platform module (org tree, users, sessions, audit), derived from the server's
// OpenAPI document (src/platform/openapi.json; see shared/api/wire.ts).
import type { Schema, Wire } from '../../shared/api/wire';

export const kOrgUnitKinds = ['group', 'region', 'city', 'project'] as const satisfies readonly Schema<'OrgUnitKind'>[];
export type OrgUnitKind = Schema<'OrgUnitKind'>;

export const kRoles = ['admin', 'manager', 'agent', 'sales', 'engineer', 'viewer'] as const satisfies readonly Schema<'RoleName'>[];
export type Role = Schema<'RoleName'>;

/** An org unit (集团 → 区域 → 城市公司 → 项目). */
export type OrgUnit = Wire<'OrgUnit'>;

export interface NewOrgUnit {
  name: string;
  kind: OrgUnitKind;
  parent_id: number | null;
}

export type OrgUnitPatch = Partial<Schema<'OrgUnitPatch'>>;

export interface User extends Wire<'User'> {}

export interface NewUser extends Omit<Schema<'UserCreate'>, 'org_unit_id'> {
  org_unit_id: number;
}

export type UserPatch = Schema<'UserPatch'>;

export interface UserQuery {
  q?: string;
  org_unit_id?: number;
}

/** The user as login answers it. */
export interface SessionUser extends Wire<'UserSummary'> {}

export type LoginResponse = Wire<'LoginResponse'>;

/** GET /me: the session user with their org unit and effective permissions. */
export interface Me extends SessionUser {
  org_unit: Pick<OrgUnit, 'id' | 'name' | 'kind'> | null;
  permissions: Wire<'Me'>['permissions'];
}

/** An entry of the audit log; `before` and `after` are the record's JSON around the change. */
export interface AuditEntry
  extends Wire<'AuditEntry', { before: Record<string, unknown> | null; after: Record<string, unknown> | null }> {}

export interface AuditQuery {
  action?: string;
  entity_type?: string;
  entity_id?: string;
  actor_id?: number;
}

/** An in-app notification (a reminder, an escalation…); `ref_type`/`ref_id` name what it is about. */
export interface AppNotification extends Wire<'Notification'> {}
