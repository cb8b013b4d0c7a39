// Typed calls of delivery's records and reports (src/modules/delivery/openapi.json): 产权办理, the
// project's special report, the delivery calendar and the findings' photos. Apart from api.ts so
// that these pages' chunks carry only what they use.
import { answer, openapi } from '../../shared/api/openapi';
import type { Schema } from '../../shared/api/wire';

export type TitleCertificate = Schema<'TitleCertificate'>;
export type TitleCertificateList = Schema<'TitleCertificateList'>;
export type TitleStage = Schema<'TitleStage'>;
/** The steps a certificate goes through, in order (not_started is before the first). */
export const kTitleSteps = ['documents', 'tax_paid', 'submitted', 'issued', 'handed_over'] as const satisfies readonly TitleStage[];
export type TitleStep = (typeof kTitleSteps)[number];
export const kTitleStages = ['not_started', ...kTitleSteps] as const satisfies readonly TitleStage[];
export type DeliveryProjectReport = Schema<'DeliveryProjectReport'>;
export type DeliveryCalendar = Schema<'DeliveryCalendar'>;
export type CalendarDay = DeliveryCalendar['days'][number];
export type Attachment = Schema<'Attachment'>;

export interface TitleQuery {
  project_id: number;
  stage?: TitleStage;
  overdue?: boolean;
  limit?: number;
  cursor?: string | null;
}

export interface TitleStepInput {
  on: string;
  certificate_no?: string;
  note?: string;
}

export const reportsApi = {
  /** A project's sold units with their certificate's step, and the counts per step. */
  listTitles: (query: TitleQuery, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/title-certificates', { params: { query: { ...query, cursor: query.cursor ?? undefined } }, signal })),
  /**
   * Records the next step: 409 invalid_transition (`next_stage`) out of order, unit_unavailable for an
   * unsold unit, version_conflict on a stale `version`; 422 on (in_the_future, before_previous_step),
   * certificate_no (required for issued).
   */
  recordTitleStep: (unitId: number, stage: TitleStep, version: number, body: TitleStepInput) =>
    answer(
      openapi.POST('/api/v1/title-certificates/{unit_id}/steps/{stage}', {
        // The server refuses If-Match: 0 (no step yet), so a first step goes without it.
        params: { path: { unit_id: unitId, stage }, header: version > 0 ? { 'If-Match': String(version) } : {} },
        body,
      }),
    ),
  /** 交付风险排查专项报告 of a project. */
  projectReport: (projectId: number, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/delivery-reports/{project_id}', { params: { path: { project_id: projectId } }, signal })),
  /** The delivery calendar, `from`..`to` (at most 62 days). */
  calendar: (query: { from: string; to: string; project_id?: number }, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/delivery-calendar', { params: { query }, signal })),
  /** A finding's photos, oldest first. */
  findingPhotos: (findingId: number, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/findings/{id}/photos', { params: { path: { id: findingId } }, signal })),
  /** Removes a photo of an open finding (409 invalid_transition once it is closed). */
  removeFindingPhoto: (findingId: number, fileId: number) =>
    answer(openapi.DELETE('/api/v1/findings/{id}/photos/{file_id}', { params: { path: { id: findingId, file_id: fileId } } })),
};
