// Wire types of the property inventory (房源), derived from the server's OpenAPI document
// (src/modules/inventory/openapi.json; see shared/api/wire.ts). Where the document leaves a record
// without properties (a board cell, an owned unit, a history entry) the type is written here.
import type { Schema, Wire } from '../../shared/api/wire';

/** The sales pipeline: 待售 → 认筹 → 认购 → 签约 → 交付. */
export const kUnitStatuses = ['available', 'pledged', 'subscribed', 'contracted', 'delivered'] as const satisfies readonly Schema<'UnitStatus'>[];
export type UnitStatus = Schema<'UnitStatus'>;

/** 毛坯 (raw) or 精装 (finished). */
export const kDecorations = ['raw', 'finished'] as const satisfies readonly NonNullable<Schema<'UnitPatch'>['decoration']>[];
export type Decoration = (typeof kDecorations)[number];

/** A development (楼盘), owned by an org unit; `completion_date` (竣工验收, YYYY-MM-DD) starts the warranty periods. */
export type Project = Wire<'Project'>;

export type ProjectInput = Schema<'ProjectInput'>;

/** One home (房号). `code` is building-entrance-room ("3-2-1101"); prices are in fen (分). */
export interface Unit extends Wire<'Unit', { decoration: Decoration }> {}

export interface UnitOwner {
  customer_id: number;
  name: string;
  /** 0 < share ≤ 1; a unit's shares add up to 1 at most. */
  share: number;
}

export interface UnitWithOwners extends Wire<'UnitWithOwners', { decoration: Decoration; owners: UnitOwner[] }> {}

export type UnitPatch = Schema<'UnitPatch'>;

/** A cell of the sales-control board. */
export interface BoardUnit {
  id: number;
  code: string;
  room: string;
  entrance: string;
  status: UnitStatus;
  layout: string;
  area_m2: number;
  list_price_cents: number;
  version: number;
}

/** The sales-control board (销控表) of one building: floors top first; `revision` changes with any unit of it. */
export interface Board
  extends Wire<
    'Board',
    { project: Project; counts: Partial<Record<UnitStatus, number>> },
    { floors: { floor: number; units: BoardUnit[] }[] }
  > {}

export type BulkUnitsInput = Schema<'BulkUnitsInput'>;
export type BulkRoom = BulkUnitsInput['rooms'][number];

/** A unit as its owner sees it (the customer page's units tab). */
export interface OwnedUnit extends Unit {
  project_name: string;
  share: number;
}

/** An entry of a unit's history, oldest first: created, status, owner, changed. */
export interface UnitEvent {
  id: number;
  at: string;
  kind: string;
  summary: string;
  actor_id: number | null;
}
