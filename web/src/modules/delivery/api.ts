// Typed calls to delivery (src/modules/delivery/openapi.json), made with the client generated from
// the OpenAPI document (shared/api/openapi.ts): a call the document does not have fails tsc.
import { answer, openapi } from '../../shared/api/openapi';
import type {
  BatchInput,
  BatchQuery,
  FindingInput,
  FindingQuery,
  HandoverInput,
  HandoverQuery,
  HandoverStep,
  InspectionInput,
  OpenDayInput,
  OpenDayQuery,
  StepInput,
} from './types';

const page = <Q extends { cursor?: string | null }>(query: Q) => ({ ...query, cursor: query.cursor ?? undefined });
/** The `If-Match` header of a change based on `version` (a stale one answers 409 version_conflict). */
const ifMatch = (version: number) => ({ 'If-Match': String(version) });

export const deliveryApi = {
  /** Batches in scope, newest first, each with its gates. */
  listBatches: (query: BatchQuery, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/delivery-batches', { params: { query: page(query) }, signal })),
  /** A batch with its units (`unit_ids`), counts and gates. */
  getBatch: (id: number, signal?: AbortSignal) => answer(openapi.GET('/api/v1/delivery-batches/{id}', { params: { path: { id } }, signal })),
  /** 422 unit_ids not_in_project; 409 unit_in_batch (fields.unit_ids in_another_batch) when a unit is in another batch. */
  createBatch: (body: BatchInput) => answer(openapi.POST('/api/v1/delivery-batches', { body })),
  /**
   * 放行: 409 open_risks (`error.findings`, the open blocking findings) while one is open, unless a
   * manager gives `override_reason` (others: 403); 409 invalid_transition once released.
   */
  release: (id: number, version: number, overrideReason?: string) =>
    answer(
      openapi.POST('/api/v1/delivery-batches/{id}/release', {
        params: { path: { id }, header: ifMatch(version) },
        body: overrideReason ? { override_reason: overrideReason } : {},
      }),
    ),

  /** The batch's inspections, by day. */
  inspections: (batchId: number, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/delivery-batches/{id}/inspections', { params: { path: { id: batchId } }, signal })),
  addInspection: (batchId: number, body: InspectionInput) =>
    answer(openapi.POST('/api/v1/delivery-batches/{id}/inspections', { params: { path: { id: batchId } }, body })),
  /** 422 unit_id not_in_batch, category not_found / ambiguous, category_id not_found. */
  addFinding: (inspectionId: number, body: FindingInput) =>
    answer(openapi.POST('/api/v1/inspections/{id}/findings', { params: { path: { id: inspectionId } }, body })),
  listFindings: (query: FindingQuery, signal?: AbortSignal) => answer(openapi.GET('/api/v1/findings', { params: { query: page(query) }, signal })),
  /** 409 invalid_transition when closed already. */
  closeFinding: (id: number, version: number, note: string) =>
    answer(openapi.POST('/api/v1/findings/{id}/close', { params: { path: { id }, header: ifMatch(version) }, body: note ? { note } : {} })),

  listOpenDays: (query: OpenDayQuery, signal?: AbortSignal) => answer(openapi.GET('/api/v1/open-days', { params: { query: page(query) }, signal })),
  createOpenDay: (body: OpenDayInput) => answer(openapi.POST('/api/v1/open-days', { body })),
  /** A manager's (others: 403); 409 invalid_transition when vetoed already. */
  vetoOpenDay: (id: number, reason: string) => answer(openapi.POST('/api/v1/open-days/{id}/veto', { params: { path: { id } }, body: { reason } })),

  /** With `on` (YYYY-MM-DD, China time): the day's desk, by slot. */
  listHandovers: (query: HandoverQuery, signal?: AbortSignal) => answer(openapi.GET('/api/v1/handovers', { params: { query: page(query) }, signal })),
  getHandover: (id: number, signal?: AbortSignal) => answer(openapi.GET('/api/v1/handovers/{id}', { params: { path: { id } }, signal })),
  /**
   * 预约收房 of a contracted unit: 409 unit_unavailable (not contracted), batch_not_released (its batch
   * waits for its gates), handover_exists; 422 customer_id not_an_owner.
   */
  book: (body: HandoverInput) => answer(openapi.POST('/api/v1/handovers', { body })),
  /** The next step only: 409 invalid_transition (`error.next_step`) out of order. */
  step: (id: number, step: HandoverStep, body: StepInput) =>
    answer(openapi.POST('/api/v1/handovers/{id}/steps/{step}', { params: { path: { id, step } }, body })),
  /** 409 invalid_transition when done or cancelled already. */
  cancel: (id: number, reason: string) => answer(openapi.POST('/api/v1/handovers/{id}/cancel', { params: { path: { id } }, body: { reason } })),
};
