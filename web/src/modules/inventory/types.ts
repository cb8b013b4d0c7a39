// Wire types of the property inventory (房源), as the server sends them (src/modules/inventory/openapi.json).

/** The sales pipeline: 待售 → 认筹 → 认购 → 签约 → 交付. */
export const kUnitStatuses = ['available', 'pledged', 'subscribed', 'contracted', 'delivered'] as const;
export type UnitStatus = (typeof kUnitStatuses)[number];

/** 毛坯 (raw) or 精装 (finished). */
export const kDecorations = ['raw', 'finished'] as const;
export type Decoration = (typeof kDecorations)[number];

/** A development (楼盘), owned by an org unit. */
export interface Project {
  id: number;
  name: string;
  city: string;
  address: string;
  org_unit_id: number;
  /** 竣工验收, YYYY-MM-DD: warranty periods count from it. */
  completion_date: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ProjectInput {
  name: string;
  city?: string;
  address?: string;
  org_unit_id?: number;
  completion_date?: string;
}

/** One home (房号). `code` is building-entrance-room ("3-2-1101"); prices are in fen (分). */
export interface Unit {
  id: number;
  project_id: number;
  phase: string;
  building: string;
  entrance: string;
  room: string;
  floor: number;
  code: string;
  /** "3室2厅2卫" */
  layout: string;
  area_m2: number;
  list_price_cents: number;
  decoration: Decoration;
  status: UnitStatus;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UnitOwner {
  customer_id: number;
  name: string;
  /** 0 < share ≤ 1; a unit's shares add up to 1 at most. */
  share: number;
}

export interface UnitWithOwners extends Unit {
  owners: UnitOwner[];
}

export interface UnitPatch {
  status?: UnitStatus;
  layout?: string;
  area_m2?: number;
  list_price_cents?: number;
  decoration?: Decoration;
  phase?: string;
}

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

/** The sales-control board (销控表) of one building: floors top first. */
export interface Board {
  project: Project;
  /** Every building of the project; empty while the project has no units. */
  buildings: string[];
  /** The building shown; "" when there is none. */
  building: string;
  floors: { floor: number; units: BoardUnit[] }[];
  /** Units per status; a status without units is left out. */
  counts: Partial<Record<UnitStatus, number>>;
  /** Changes whenever a unit of the building changes (for polling). */
  revision: string;
}

export interface BulkRoom {
  /** "01": on floor 11 the room is "1101". */
  suffix: string;
  layout?: string;
  area_m2: number;
  list_price_cents?: number;
}

export interface BulkUnitsInput {
  phase?: string;
  building: string;
  entrance?: string;
  floor_from: number;
  floor_to: number;
  decoration?: Decoration;
  rooms: BulkRoom[];
}

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
