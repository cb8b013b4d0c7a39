// Typed calls to segments (src/modules/segments/openapi.json), made with the client generated from
// the OpenAPI document (shared/api/openapi.ts): a call the document does not have fails tsc.
import { answer, openapi } from '../../shared/api/openapi';
import { ApiError } from '../../shared/api/client';
import type {
  AssumptionsInput,
  CustomerSegment,
  HouseholdValue,
  ModelInput,
  ModelPatch,
  RuleError,
  SegmentFact,
  SegmentModel,
  SegmentPreset,
  SegmentPreview,
  SegmentShares,
  SegmentValues,
  SharesBy,
  ValueAssumptions,
} from './types';

/** The `If-Match` header of a change based on `version` (a stale one answers 409 version_conflict). */
const ifMatch = (version: number) => ({ 'If-Match': String(version) });

// The document types a model's profiles and a customer's facts loosely (objects of unknown members);
// these casts name what the server sends.
const asModel = (model: unknown) => model as SegmentModel;

export const segmentsApi = {
  /** The facts a rule may name (年龄, 家庭生命周期…), in the catalog's order. */
  facts: async (signal?: AbortSignal) => (await answer(openapi.GET('/api/v1/segment-facts', { signal }))).items as SegmentFact[],
  /** The models that ship: 万科五类客户 (with published shares and sub-classes), 帕尔迪十一类. */
  presets: async (signal?: AbortSignal) => (await answer(openapi.GET('/api/v1/segment-presets', { signal }))).items as SegmentPreset[],
  /** The models of the caller's unit, of the units above it and below it (a handful: not paged). */
  list: async (signal?: AbortSignal) => (await answer(openapi.GET('/api/v1/segment-models', { signal }))).items.map(asModel),
  get: async (id: number, signal?: AbortSignal) => asModel(await answer(openapi.GET('/api/v1/segment-models/{id}', { params: { path: { id } }, signal }))),
  /** A model (managers and administrators): 403 for others; 422 with `rule_errors` for a rule's fault. */
  create: async (body: ModelInput) => asModel(await answer(openapi.POST('/api/v1/segment-models', { body }))),
  /** Changes the model; 409 version_conflict when someone saved since `version`; 422 as `create`. */
  update: async (id: number, version: number, body: ModelPatch) =>
    asModel(await answer(openapi.PATCH('/api/v1/segment-models/{id}', { params: { path: { id }, header: ifMatch(version) }, body }))),
  /** The shares the definition gives before saving; 422 as `create`. */
  preview: async (body: ModelInput, signal?: AbortSignal) =>
    (await answer(openapi.POST('/api/v1/segment-models/preview', { body, signal }))) as SegmentPreview,
  /** Computes the model now (managers, administrators): answers it with its new counts and profiles. */
  recompute: async (id: number) => asModel(await answer(openapi.POST('/api/v1/segment-models/{id}/recompute', { params: { path: { id } } }))),
  /** Each segment's customers and share, overall, by city or by project, within the caller's scope. */
  shares: async (id: number, by: SharesBy, signal?: AbortSignal) =>
    (await answer(openapi.GET('/api/v1/segment-models/{id}/shares', { params: { path: { id }, query: { by } }, signal }))) as SegmentShares,
  /** The customer's segment in each model the caller sees, from today's facts. */
  ofCustomer: async (customerId: number, signal?: AbortSignal) =>
    (await answer(openapi.GET('/api/v1/customers/{id}/segments', { params: { path: { id: customerId } }, signal }))).items as CustomerSegment[],
  /** Each segment's lifetime value (households with a home, summed and per household) from the last computation, within the caller's scope. */
  values: async (id: number, by: SharesBy, signal?: AbortSignal) =>
    (await answer(openapi.GET('/api/v1/segment-models/{id}/value', { params: { path: { id }, query: { by } }, signal }))) as SegmentValues,
  /** The household's lifetime value today: the cash flow by year, its parts, the computation in words, the assumptions used. */
  customerValue: async (customerId: number, signal?: AbortSignal) =>
    (await answer(openapi.GET('/api/v1/customers/{id}/value', { params: { path: { id: customerId } }, signal }))) as HouseholdValue,
  /** The assumptions that hold for `orgUnitId` (the caller's unit when undefined): a unit above, the caller's or below. */
  assumptions: async (orgUnitId: number | undefined, signal?: AbortSignal) =>
    (await answer(openapi.GET('/api/v1/value-assumptions', { params: { query: { org_unit_id: orgUnitId } }, signal }))) as ValueAssumptions,
  /**
   * Sets the unit's own assumptions (its managers): the keys sent over what held. `version` is the
   * unit's own row's (0: it has none yet, and no If-Match is sent — the server takes none below 1);
   * 409 version_conflict when someone saved since; 422 naming the faulty keys.
   */
  setAssumptions: async (orgUnitId: number, version: number, body: AssumptionsInput) =>
    (await answer(
      openapi.PUT('/api/v1/value-assumptions/{org_unit_id}', {
        params: { path: { org_unit_id: orgUnitId }, header: version > 0 ? ifMatch(version) : {} },
        body,
      }),
    )) as ValueAssumptions,
  /** Takes the unit's own assumptions away: it inherits again. */
  clearAssumptions: async (orgUnitId: number) =>
    (await answer(openapi.DELETE('/api/v1/value-assumptions/{org_unit_id}', { params: { path: { org_unit_id: orgUnitId } } }))) as ValueAssumptions,
};

/** The rules' faults a 422 names (`rule_errors`), else none. */
export function ruleErrorsOf(err: unknown): RuleError[] {
  if (!(err instanceof ApiError) || err.status !== 422) return [];
  const list = err.extra.rule_errors;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (e): e is RuleError => typeof e === 'object' && e !== null && typeof e.field === 'string' && typeof e.position === 'number' && typeof e.message === 'string',
  );
}
