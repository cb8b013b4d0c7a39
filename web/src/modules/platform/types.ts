// Wire types of the platform module (org tree, users, sessions, audit), derived from the server's
// OpenAPI document (src/platform/openapi.json; see shared/api/wire.ts).
import type { Body, Filters, Schema, Wire } from '../../shared/api/wire';

export const kOrgUnitKinds = ['group', 'region', 'city', 'project'] as const satisfies readonly Schema<'OrgUnitKind'>[];
export type OrgUnitKind = Schema<'OrgUnitKind'>;

export const kRoles = ['admin', 'manager', 'agent', 'sales', 'engineer', 'viewer'] as const satisfies readonly Schema<'RoleName'>[];
export type Role = Schema<'RoleName'>;

/** A permission a role grants ("record.write"); /me lists the caller's. */
export type Permission = Schema<'PermissionName'>;

/** An org unit (集团 → 区域 → 城市公司 → 项目). */
export type OrgUnit = Wire<'OrgUnit'>;

/**
 * The body of `POST /org-units`. The form may leave the parent empty (null): the server then
 * answers 422 with fields.parent_id "required".
 */
export type NewOrgUnit = Omit<Body<'/org-units', 'post'>, 'parent_id'> & { parent_id: Body<'/org-units', 'post'>['parent_id'] | null };

export type OrgUnitPatch = Partial<Body<'/org-units/{id}', 'patch'>>;

export interface User extends Wire<'User'> {}

/** The body of `POST /users`; the page always names the user's org unit. */
export interface NewUser extends Omit<Body<'/users', 'post'>, 'org_unit_id'> {
  org_unit_id: number;
}

export type UserPatch = Body<'/users/{id}', 'patch'>;

export type UserQuery = Filters<'/users'>;

/** The user as login answers it. */
export interface SessionUser extends Wire<'UserSummary'> {}

export type LoginResponse = Wire<'LoginResponse'>;

/**
 * GET /me: the session user with their org unit and effective permissions. `org_unit` is null
 * only in the stand-in the shell makes from the login answer when /me cannot be read (the server
 * always sends it).
 */
export interface Me extends SessionUser {
  org_unit: Wire<'Me'>['org_unit'] | null;
  permissions: Wire<'Me'>['permissions'];
}

/** An entry of the audit log; `before` and `after` are the record's JSON around the change. */
export interface AuditEntry extends Wire<'AuditEntry'> {}

/** The audit log's filters; `entity_id` as typed (the server answers 400 for one that is not an integer). */
export type AuditQuery = Omit<Filters<'/audit-log'>, 'entity_id'> & { entity_id?: string };

/** An in-app notification (a reminder, an escalation…); `ref_type`/`ref_id` name what it is about. */
export interface AppNotification extends Wire<'Notification'> {}

/**
 * A text message of the gateway's log (短信记录): `to` masked unless the caller sees personal data,
 * `text` as sent with a one-time code masked; queued until the provider accepts it (retried, failed
 * after 5 tries), unconfigured when no provider is set.
 */
export type Message = Wire<'Message'>;
export type MessageQuery = Filters<'/messages'>;
