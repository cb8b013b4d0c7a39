// Wire types of delivery (交付: batches and their gates, inspections and findings, site open days,
// the handover day), derived from the server's OpenAPI document (src/modules/delivery/openapi.json;
// see shared/api/wire.ts).
import type { Body, PageQuery, Schema, Wire } from '../../shared/api/wire';

/** 待放行, 已放行. */
export const kBatchStatuses = ['planned', 'released'] as const satisfies readonly Schema<'BatchStatus'>[];
export type BatchStatus = Schema<'BatchStatus'>;

/** T−90 交付风险排查, 模拟验收 (T−60), T−30 复查. */
export const kInspectionKinds = ['risk_check', 'simulated_acceptance', 'recheck'] as const satisfies readonly Schema<'InspectionKind'>[];
export type InspectionKind = Schema<'InspectionKind'>;

/** 阻断交付 (refuses the release while open), 严重, 一般. */
export const kSeverities = ['blocking', 'major', 'minor'] as const satisfies readonly Schema<'FindingSeverity'>[];
export type Severity = Schema<'FindingSeverity'>;

export const kFindingStatuses = ['open', 'closed'] as const satisfies readonly Schema<'FindingStatus'>[];
export type FindingStatus = Schema<'FindingStatus'>;

/** 收楼通知 → 身份核验 → 缴费 → 资料签收 → 验房 → 交钥匙, in this order only. */
export const kHandoverSteps = ['notice', 'identity', 'fees', 'documents', 'inspection', 'keys'] as const satisfies readonly Schema<'HandoverStep'>[];
export type HandoverStep = Schema<'HandoverStep'>;

export const kHandoverStatuses = ['booked', 'in_progress', 'done', 'cancelled'] as const satisfies readonly Schema<'HandoverStatus'>[];
export type HandoverStatus = Schema<'HandoverStatus'>;

/** 毛坯, 精装: the units an open day shows. */
export const kOpenDayDecorations = ['raw', 'finished'] as const satisfies readonly Schema<'OpenDay'>['decoration'][];
export type OpenDayDecoration = Schema<'OpenDay'>['decoration'];

/** A gate of a batch: an inspection held, the open days held, no blocking finding open (which alone refuses the release). */
export type BatchGate = Wire<'BatchGate'>;
export type GateKey = BatchGate['key'];

/** 交付批次: a project's units planned for a day, with its gates; `unit_ids` on a single batch only. */
export interface DeliveryBatch extends Wire<'DeliveryBatch', object, { unit_ids?: number[] }> {}
export type BatchInput = Body<'/delivery-batches', 'post'>;
export type BatchQuery = PageQuery<'/delivery-batches'>;

/** An inspection of a batch (交付风险排查, 模拟验收, 复查) with its finding counts. */
export type Inspection = Wire<'Inspection'>;
export type InspectionInput = Body<'/delivery-batches/{id}/inspections', 'post'>;

/** A finding (问题) on a unit of the batch: where, the ticket category's path, how serious, open or closed. */
export interface Finding extends Wire<'Finding'> {}
export type FindingInput = Body<'/inspections/{id}/findings', 'post'>;
export type FindingQuery = PageQuery<'/findings'>;

/** 工地开放日: planned for raw or finished units; `held` once its day has come and it was not vetoed. */
export interface OpenDay extends Wire<'OpenDay'> {}
export type OpenDayInput = Body<'/open-days', 'post'>;
export type OpenDayQuery = PageQuery<'/open-days'>;

/** A step done, with who, when and what it recorded (`detail`: the attendee, the fees, the defects' tickets, the meters). */
export type HandoverStepRecord = Wire<'HandoverStepRecord'>;

/** A handover (收房): a contracted unit's slot, its steps in order, the repair tickets its inspection opened. */
export interface Handover extends Wire<'Handover'> {}
export type HandoverInput = Body<'/handovers', 'post'>;
export type HandoverQuery = PageQuery<'/handovers'>;
/** What a step records; each step reads only its own members. */
export type StepInput = NonNullable<Body<'/handovers/{id}/steps/{step}', 'post'>>;
export type DefectInput = NonNullable<StepInput['defects']>[number];

/** An open blocking finding, as 409 open_risks names it (`error.findings`). */
export interface OpenRisk {
  id: number;
  unit_id: number;
  unit_code: string;
  location: string;
  description: string;
}
