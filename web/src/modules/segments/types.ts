// Wire types of segments (客户细分: models of ordered segments written as rules over a customer's
// facts, computed over the group's customers), derived from the server's OpenAPI document
// (src/modules/segments/openapi.json; see shared/api/wire.ts).
import type { Body, Schema, Wire } from '../../shared/api/wire';

/** A fact a rule may name: its code, its Chinese label, its kind, its words (a text's values) and its unit. */
export type SegmentFact = Wire<'SegmentFact'>;
export type FactKind = SegmentFact['kind'];

/** A segment of a model (or a sub-class of one: the same shape, without sub-classes of its own). */
export type Segment = Wire<'Segment'>;

/** The models that ship (万科五类客户, 帕尔迪十一类). */
export type SegmentPreset = Wire<'SegmentPreset'>;
export type PresetCode = NonNullable<Body<'/segment-models', 'post'>['preset']>;

/**
 * A segment's profile over the customers it took at the last computation: 基本状况 (basics), 生活形态
 * (lifestyle), 房屋价值 (home_value), 房屋需求 (home_needs). Each group maps a measure to a number, or
 * to a mix (a value's word → customers). `segment` is the segment's code, null for 未归类.
 */
export type ProfileValue = number | null | Record<string, number>;
export type ProfileGroup = Record<string, ProfileValue>;
export const kProfileGroups = ['basics', 'lifestyle', 'home_value', 'home_needs'] as const;
export type ProfileGroupKey = (typeof kProfileGroups)[number];
export type SegmentProfile = Wire<'SegmentProfile', object, Record<ProfileGroupKey, ProfileGroup>>;

/** A model with its segments, its last computation (when, over how many customers, the profiles) and whether the caller may change it. */
export type SegmentModel = Wire<'SegmentModel', object, { profiles: SegmentProfile[] }>;

export type SegmentInput = Schema<'SegmentInput'>;
export type ModelInput = Body<'/segment-models', 'post'>;
export type ModelPatch = Body<'/segment-models/{id}', 'patch'>;

/** A count of the shares: the segment's index (-1 未归类), the sub-class's (-1 the segment's total). */
export type ShareCell = Wire<'SegmentShareCell'>;
/** The shares a definition gives before saving, over every customer or a sample (`whole`). */
export interface SegmentPreview {
  sampled: number;
  whole: boolean;
  cells: ShareCell[];
}

/** 全部, by the customer's city, by the project of a home. */
export type SharesBy = Wire<'SegmentShares'>['by'];
export const kSharesBy = ['city', 'project'] as const satisfies readonly SharesBy[];
export type SegmentShares = Wire<'SegmentShares'>;
export type SharesRow = SegmentShares['rows'][number];

/** A rule's fault as the server names it: the field (`segments[2].subs[0].rule`), the character (1-based; 0 the whole rule), what is wrong. */
export interface RuleError {
  field: string;
  position: number;
  message: string;
}

/** A fact's value for one customer: unknown (null), a number, a text, a list, yes or no. */
export type FactValue = number | string | boolean | string[] | null;

/** The customer's segment in one model, with the facts its rules read (by code). */
export type CustomerSegment = Wire<'CustomerSegment', object, { facts: Record<string, FactValue> }>;

/**
 * Lifetime value's parts (客户终身价值), in fen, each discounted to the first purchase: base profit,
 * repeat purchases, referrals, service-cost savings, price premium, less the cost of winning the
 * household; `total_cents` the five less the last.
 */
export type ValueParts = Wire<'ValueParts'>;
/** A household's value today: the years of its cash flow (recorded, then expected), its parts, the computation in words, the assumptions used. */
export type HouseholdValue = Wire<'HouseholdValue'>;
export type ValueYear = HouseholdValue['years'][number];
/** The assumptions that hold for an org unit, where they come from, and whether the caller may set them. */
export type ValueAssumptions = Wire<'ValueAssumptions'>;
/** Every assumption's value (rates as fractions, money in fen). */
export type AssumptionValues = Wire<'ValueAssumptionValues'>;
export type AssumptionKey = keyof AssumptionValues;
export type AssumptionsInput = Body<'/value-assumptions/{org_unit_id}', 'put'>;
/** Each segment's households with a home and their value, summed and per household, within the caller's scope. */
export type SegmentValues = Wire<'SegmentValues'>;
export type ValueCell = SegmentValues['rows'][number]['cells'][number];
