// Wire types of the property inventory (房源), derived from the server's OpenAPI document
// (src/modules/inventory/openapi.json; see shared/api/wire.ts).
import type { Body, Schema, Wire } from '../../shared/api/wire';

/** The sales pipeline: 待售 → 认筹 → 认购 → 签约 → 交付. */
export const kUnitStatuses = ['available', 'pledged', 'subscribed', 'contracted', 'delivered'] as const satisfies readonly Schema<'UnitStatus'>[];
export type UnitStatus = Schema<'UnitStatus'>;

/** 毛坯 (raw) or 精装 (finished). */
export const kDecorations = ['raw', 'finished'] as const satisfies readonly Schema<'Decoration'>[];
export type Decoration = Schema<'Decoration'>;

/** A development (楼盘), owned by an org unit; `completion_date` (竣工验收, YYYY-MM-DD) starts the warranty periods. */
export type Project = Wire<'Project'>;

export type ProjectInput = Body<'/projects', 'post'>;

/**
 * `delivered_on` (交付, the day the keys were handed over) is sent always, null until then, but the
 * document does not list it as required yet: optional here, so the answers of every path are units too.
 */
type DeliveredOptional<T extends { delivered_on?: unknown }> = Omit<T, 'delivered_on'> & { delivered_on?: T['delivered_on'] };

/** One home (房号). `code` is building-entrance-room ("3-2-1101"); prices are in fen (分). */
export interface Unit extends DeliveredOptional<Wire<'Unit'>> {}

/** An owner of a unit: 0 < share ≤ 1; a unit's shares add up to 1 at most. */
export type UnitOwner = Wire<'UnitOwner'>;

export interface UnitWithOwners extends DeliveredOptional<Wire<'UnitWithOwners'>> {}

export type UnitPatch = Body<'/units/{id}', 'patch'>;

/** A cell of the sales-control board. */
export type BoardUnit = Wire<'BoardUnit'>;

/** The sales-control board (销控表) of one building: floors top first; `revision` changes with any unit of it. */
export interface Board extends Wire<'Board'> {}

export type BulkUnitsInput = Body<'/projects/{id}/units/bulk', 'post'>;
export type BulkRoom = BulkUnitsInput['rooms'][number];

/** A unit as its owner sees it (the customer page's units tab). */
export interface OwnedUnit extends DeliveredOptional<Wire<'OwnedUnit'>> {}

/** An entry of a unit's history, oldest first: created, status, owner, changed, ticket…, with
 * `actor_name` (who acted, by name; null for the system). */
export type UnitEvent = Wire<'UnitEvent'>;
