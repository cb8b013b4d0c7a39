// Wire types of the service centre (客户服务中心), derived from the server's OpenAPI document
// (src/modules/service/openapi.json; see shared/api/wire.ts).
import type { Answer, Body, Filters, PageQuery, QueryOf, Schema, Wire } from '../../shared/api/wire';

export const kTicketKinds = ['inquiry', 'complaint', 'repair', 'suggestion', 'praise'] as const satisfies readonly Schema<'TicketKind'>[];
export type TicketKind = Schema<'TicketKind'>;

export const kTicketChannels = ['hotline', 'web', 'wechat', 'onsite', 'email', 'letter', 'media'] as const satisfies readonly Schema<'TicketChannel'>[];
export type TicketChannel = Schema<'TicketChannel'>;

export const kTicketGrades = ['general', 'important', 'hot', 'major'] as const satisfies readonly Schema<'TicketGrade'>[];
export type TicketGrade = Schema<'TicketGrade'>;

export const kTicketStatuses = ['new', 'assigned', 'in_progress', 'on_hold', 'resolved', 'reopened', 'closed', 'cancelled'] as const satisfies readonly Schema<'TicketStatus'>[];
export type TicketStatus = Schema<'TicketStatus'>;

export const kDepartments = ['customer_relations', 'engineering', 'project', 'property', 'sales', 'design'] as const satisfies readonly Schema<'Department'>[];
export type Department = Schema<'Department'>;

export const kResponsibilities = ['contractor', 'design', 'property', 'customer', 'force_majeure', 'none'] as const satisfies readonly Schema<'Responsibility'>[];
export type Responsibility = Schema<'Responsibility'>;

export const kTicketActions = ['assign', 'start', 'hold', 'resume', 'resolve', 'callback', 'reopen', 'cancel', 'comment'] as const satisfies readonly Schema<'TicketAction'>[];
export type TicketAction = Schema<'TicketAction'>;

/** What an entry of a ticket's history records: its creation, an action, a reminder, a work-order step… */
export type TicketEventAction = Schema<'TicketEventAction'>;

export const kWarrantyTypes = ['waterproofing', 'electrical', 'plumbing', 'equipment', 'fitout', 'heating_cooling', 'structure'] as const satisfies readonly Schema<'WarrantyType'>[];
export type WarrantyType = Schema<'WarrantyType'>;

/** The statutory warranty of a ticket's category, counted from the project's completion acceptance. */
export type TicketWarranty = Wire<'TicketWarranty'>;

/**
 * Where a ticket stands against its deadlines: on_track, at_risk (80% of the time used) or breached
 * while open; met or late once resolved or closed; none when cancelled.
 */
export const kSlaStates = ['on_track', 'at_risk', 'breached', 'met', 'late', 'none'] as const satisfies readonly Schema<'SlaState'>[];
export type SlaState = Schema<'SlaState'>;

/** A ticket (工单): a complaint, repair, inquiry… of a customer, with its SLA deadlines. */
export interface Ticket extends Wire<'Ticket'> {}

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
export interface TicketEvent extends Wire<'TicketEvent'> {}

export type TicketCategory = Wire<'TicketCategory'>;

export type TicketCategoryInput = Body<'/ticket-categories', 'post'>;

export type TicketCategoryPatch = Body<'/ticket-categories/{id}', 'patch'>;

/** The answer of `POST /tickets/{id}/share`: `url` is the path `/t/<token>`. */
export type TicketShareLink = Answer<'/tickets/{id}/share', 'post'>;

/** What the customer sees of a ticket through its link: progress, no internal notes. */
export interface PublicTicket extends Wire<'PublicTicket'> {}

export type PublicConfirmInput = Body<'/public/tickets/{token}/confirm', 'post'>;

export interface RoutingRule extends Wire<'RoutingRule'> {}

export type RoutingRuleInput = Body<'/routing-rules', 'post'>;

export interface SlaPolicy extends Wire<'SlaPolicy'> {}

export type SlaPolicyInput = Body<'/sla-policies', 'post'>;

/** A day that breaks the Monday–Friday rhythm: a holiday (working false) or a 调休 make-up day. */
export type CalendarDay = Wire<'CalendarDay'>;

export type CalendarDayInput = Body<'/calendars/{region}/days/{day}', 'put'>;

export interface BusinessCalendar extends Wire<'BusinessCalendar'> {}

export type WorkingHours = Body<'/calendars/{region}', 'patch'>;

export type TicketListQuery = PageQuery<'/tickets'>;

export const kMassAlertStatuses = ['open', 'acknowledged', 'closed'] as const satisfies readonly Schema<'MassAlertStatus'>[];
export type MassAlertStatus = Schema<'MassAlertStatus'>;

/** 群诉预警: enough tickets of one top-level category in one building (or project) within the window. */
export interface MassAlert extends Wire<'MassAlert'> {}

export type MassAlertQuery = PageQuery<'/mass-alerts'>;

export type MassAlertAcknowledgeInput = Body<'/mass-alerts/{id}/acknowledge', 'post'>;

export type MassAlertCloseInput = Body<'/mass-alerts/{id}/close', 'post'>;

/** The group's mass-complaint rule: `mass_threshold` tickets within `mass_window_hours`. */
export type ServiceSettings = Wire<'ServiceSettings'>;

type ReportFilters = Filters<'/reports/tickets'>;

/** `GET /reports/tickets`: a month, a half-month, or `from`–`to`, optionally of one project. */
export type TicketReportQuery =
  | (Required<Pick<ReportFilters, 'month'>> & Pick<ReportFilters, 'half' | 'project_id'>)
  | (Required<Pick<ReportFilters, 'from' | 'to'>> & Pick<ReportFilters, 'project_id'>);

/** Rates are fractions (0.95), hours are calendar hours; null when nothing was counted. */
export interface TicketReport extends Wire<'TicketReport'> {}

export const kWorkOrderStatuses = ['pending_approval', 'dispatched', 'visited', 'accepted', 'cancelled'] as const satisfies readonly Schema<'WorkOrderStatus'>[];
export type WorkOrderStatus = Schema<'WorkOrderStatus'>;

export const kWorkOrderActions = ['approve', 'visit', 'accept', 'reject', 'cancel'] as const satisfies readonly Schema<'WorkOrderAction'>[];
export type WorkOrderAction = Schema<'WorkOrderAction'>;

/** Who pays for an accepted repair: the contractor (charged back), the developer, or the owner. */
export const kChargeTo = ['contractor', 'developer', 'owner'] as const satisfies readonly Schema<'ChargeTo'>[];
export type ChargeTo = Schema<'ChargeTo'>;

/** 维修工单: a repair ticket dispatched to a contractor. Money is integer fen. */
export type WorkOrder = Wire<'WorkOrder'>;

/** `GET /work-orders`: a customer's appointments and visits, or those still to visit (open). */
export type WorkOrderListQuery = PageQuery<'/work-orders'>;

/** `POST /tickets/{id}/work-orders`; a major ticket's order starts pending_approval. */
export type WorkOrderInput = Body<'/tickets/{id}/work-orders', 'post'>;

/** The body of `POST /work-orders/{id}/{action}`; each action reads its own members. */
export type WorkOrderActionInput = Partial<Body<'/work-orders/{id}/accept', 'post'> & Body<'/work-orders/{id}/reject', 'post'>>;

/** 案例库: a closed ticket filed as a case. */
export interface TicketCase extends Wire<'TicketCase'> {}

export type TicketCaseInput = Body<'/tickets/{id}/file-case', 'post'>;

export type CaseQuery = QueryOf<'/cases', 'get'>;

/** 标准答复: text an agent may insert; no category or kind means it fits every ticket. */
export interface StandardAnswer extends Wire<'StandardAnswer'> {}

export type StandardAnswerInput = Body<'/standard-answers', 'post'>;

/** A member of a department; round-robin assignment takes the one assigned longest ago. */
export type DepartmentMember = Wire<'DepartmentMember'>;

export type DepartmentMembersInput = Body<'/departments/{department}/members', 'put'>;

/** A file on a ticket (photo of the defect); its bytes come from GET /tickets/{id}/attachments/{file_id}. */
export type TicketAttachment = Wire<'Attachment'>;
