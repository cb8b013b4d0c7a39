// Wire types of the service centre (客户服务中心), derived from the server's OpenAPI document
// (src/modules/service/openapi.json; see shared/api/wire.ts).
import type { Answer, Body, Checked, Schema, Wire } from '../../shared/api/wire';

export const kTicketKinds = ['inquiry', 'complaint', 'repair', 'suggestion', 'praise'] as const satisfies readonly Schema<'Ticket'>['kind'][];
export type TicketKind = (typeof kTicketKinds)[number];

export const kTicketChannels = ['hotline', 'web', 'wechat', 'onsite', 'email', 'letter', 'media'] as const satisfies readonly NonNullable<Schema<'Ticket'>['channel']>[];
export type TicketChannel = (typeof kTicketChannels)[number];

export const kTicketGrades = ['general', 'important', 'hot', 'major'] as const satisfies readonly NonNullable<Schema<'Ticket'>['grade']>[];
export type TicketGrade = (typeof kTicketGrades)[number];

export const kTicketStatuses = ['new', 'assigned', 'in_progress', 'on_hold', 'resolved', 'reopened', 'closed', 'cancelled'] as const satisfies readonly Schema<'Ticket'>['status'][];
export type TicketStatus = (typeof kTicketStatuses)[number];

export const kDepartments = ['customer_relations', 'engineering', 'project', 'property', 'sales', 'design'] as const satisfies readonly Schema<'Ticket'>['department'][];
export type Department = (typeof kDepartments)[number];

export const kResponsibilities = ['contractor', 'design', 'property', 'customer', 'force_majeure', 'none'] as const satisfies readonly NonNullable<Schema<'Ticket'>['responsibility']>[];
export type Responsibility = (typeof kResponsibilities)[number];

export const kTicketActions = ['assign', 'start', 'hold', 'resume', 'resolve', 'callback', 'reopen', 'cancel', 'comment'] as const;
export type TicketAction = (typeof kTicketActions)[number];

export const kWarrantyTypes = ['waterproofing', 'electrical', 'plumbing', 'equipment', 'fitout', 'heating_cooling', 'structure'] as const satisfies readonly NonNullable<Schema<'TicketCategory'>['warranty']>[];
export type WarrantyType = (typeof kWarrantyTypes)[number];

/** The statutory warranty of a ticket's category, counted from the project's completion acceptance. */
export type TicketWarranty = Checked<NonNullable<Schema<'Ticket'>['warranty']>>;

/** A ticket (工单): a complaint, repair, inquiry… of a customer, with its SLA deadlines. */
export interface Ticket extends Wire<'Ticket', { warranty: TicketWarranty | null }> {}

export type TicketInput = Body<'/tickets', 'post'>;

/** The body of `POST /tickets/{id}/{action}`; each action reads its own members. */
export type TicketActionInput = Partial<
  Body<'/tickets/{id}/assign', 'post'> &
    Body<'/tickets/{id}/hold', 'post'> &
    Body<'/tickets/{id}/resolve', 'post'> &
    Body<'/tickets/{id}/callback', 'post'> &
    Body<'/tickets/{id}/comment', 'post'>
>;

/** An entry of a ticket's history, oldest first; `detail` differs by action. */
export interface TicketEvent
  extends Wire<'TicketEvent', { from_status: TicketStatus | null; to_status: TicketStatus | null }, { detail: Record<string, unknown> }> {}

export type TicketCategory = Wire<'TicketCategory'>;

export type TicketCategoryInput = Body<'/ticket-categories', 'post'>;

export type TicketCategoryPatch = Body<'/ticket-categories/{id}', 'patch'>;

/** The answer of `POST /tickets/{id}/share`: `url` is the path `/t/<token>`. */
export type TicketShareLink = Checked<Answer<'/tickets/{id}/share', 'post'>>;

/** What the customer sees of a ticket through its link: progress, no internal notes. */
export interface PublicTicket
  extends Wire<'PublicTicket', { kind: TicketKind; status: TicketStatus; progress: { at: string; status: TicketStatus }[] }> {}

export interface RoutingRule
  extends Wire<'RoutingRule', { kind: TicketKind | null; grade: TicketGrade | null; department: Department }> {}

export type RoutingRuleInput = Schema<'RoutingRuleInput'>;

export interface SlaPolicy extends Wire<'SlaPolicy', { kind: TicketKind | null; grade: TicketGrade | null }> {}

export type SlaPolicyInput = Schema<'SlaPolicyInput'>;

/** A day that breaks the Monday–Friday rhythm: a holiday (working false) or a 调休 make-up day. */
export interface CalendarDay {
  day: string;
  working: boolean;
  name: string;
}

export interface BusinessCalendar extends Wire<'BusinessCalendar', { days: CalendarDay[]; version?: number }> {}

export type WorkingHours = Body<'/calendars/{region}', 'patch'>;

export interface TicketListQuery {
  status?: TicketStatus;
  kind?: TicketKind;
  grade?: TicketGrade;
  department?: Department;
  customer_id?: number;
  project_id?: number;
  unit_id?: number;
  assignee_id?: number;
  breached?: boolean;
  limit?: number;
  cursor?: string | null;
}

export const kMassAlertStatuses = ['open', 'acknowledged', 'closed'] as const satisfies readonly Schema<'MassAlert'>['status'][];
export type MassAlertStatus = (typeof kMassAlertStatuses)[number];

/** 群诉预警: enough tickets of one top-level category in one building (or project) within the window. */
export interface MassAlert extends Wire<'MassAlert', { org_unit_id?: number; version?: number }> {}

/** The group's mass-complaint rule: `mass_threshold` tickets within `mass_window_hours`. */
export type ServiceSettings = Wire<'ServiceSettings'>;

/** `GET /reports/tickets`: a month, a half-month, or `from`–`to`, optionally of one project. */
export type TicketReportQuery = { month: string; half?: 1 | 2; project_id?: number } | { from: string; to: string; project_id?: number };

type CountRow<Id extends string> = { [K in Id]: number | null } & { name: string; count: number };

/** Rates are fractions (0.95), hours are calendar hours; null when nothing was counted. */
type ReportAnswer = Answer<'/reports/tickets', 'get'>;

export interface TicketReport
  extends Checked<
    ReportAnswer,
    { sla: Checked<NonNullable<ReportAnswer['sla']>>; callback: Checked<NonNullable<ReportAnswer['callback']>> },
    {
      by_kind: Record<string, number>;
      by_status: Record<string, number>;
      by_grade: Record<string, number>;
      by_department: Record<string, number>;
      by_category: CountRow<'category_id'>[];
      by_project: CountRow<'project_id'>[];
    }
  > {}

export const kWorkOrderStatuses = ['pending_approval', 'dispatched', 'visited', 'accepted', 'cancelled'] as const satisfies readonly Schema<'WorkOrder'>['status'][];
export type WorkOrderStatus = (typeof kWorkOrderStatuses)[number];

export const kWorkOrderActions = ['approve', 'visit', 'accept', 'reject', 'cancel'] as const;
export type WorkOrderAction = (typeof kWorkOrderActions)[number];

/** Who pays for an accepted repair: the contractor (charged back), the developer, or the owner. */
export const kChargeTo = ['contractor', 'developer', 'owner'] as const satisfies readonly NonNullable<Schema<'WorkOrder'>['charge_to']>[];
export type ChargeTo = (typeof kChargeTo)[number];

/** 维修工单: a repair ticket dispatched to a contractor. Money is integer fen. */
export type WorkOrder = Wire<'WorkOrder'>;

/** `POST /tickets/{id}/work-orders`; a major ticket's order starts pending_approval. */
export type WorkOrderInput = Body<'/tickets/{id}/work-orders', 'post'>;

/** The body of `POST /work-orders/{id}/{action}`; each action reads its own members. */
export type WorkOrderActionInput = Partial<Body<'/work-orders/{id}/accept', 'post'> & Body<'/work-orders/{id}/reject', 'post'>>;

/** 案例库: a closed ticket filed as a case. */
export interface TicketCase extends Wire<'TicketCase', { kind: TicketKind }> {}

export type TicketCaseInput = Body<'/tickets/{id}/file-case', 'post'>;

/** 标准答复: text an agent may insert; no category or kind means it fits every ticket. */
export interface StandardAnswer extends Wire<'StandardAnswer', { kind: TicketKind | null }> {}

export type StandardAnswerInput = Body<'/standard-answers', 'post'>;

/** A member of a department; round-robin assignment takes the one assigned longest ago. */
export type DepartmentMember = Wire<'DepartmentMember'>;

/** A file on a ticket (photo of the defect); its bytes come from GET /tickets/{id}/attachments/{file_id}. */
export type TicketAttachment = Wire<'Attachment'>;
