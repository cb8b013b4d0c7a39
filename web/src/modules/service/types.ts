// Wire types of the service centre (客户服务中心), as the server sends them (src/modules/service/openapi.json).

export const kTicketKinds = ['inquiry', 'complaint', 'repair', 'suggestion', 'praise'] as const;
export type TicketKind = (typeof kTicketKinds)[number];

export const kTicketChannels = ['hotline', 'web', 'wechat', 'onsite', 'email', 'letter', 'media'] as const;
export type TicketChannel = (typeof kTicketChannels)[number];

export const kTicketGrades = ['general', 'important', 'hot', 'major'] as const;
export type TicketGrade = (typeof kTicketGrades)[number];

export const kTicketStatuses = ['new', 'assigned', 'in_progress', 'on_hold', 'resolved', 'reopened', 'closed', 'cancelled'] as const;
export type TicketStatus = (typeof kTicketStatuses)[number];

export const kDepartments = ['customer_relations', 'engineering', 'project', 'property', 'sales', 'design'] as const;
export type Department = (typeof kDepartments)[number];

export const kResponsibilities = ['contractor', 'design', 'property', 'customer', 'force_majeure', 'none'] as const;
export type Responsibility = (typeof kResponsibilities)[number];

export const kTicketActions = ['assign', 'start', 'hold', 'resume', 'resolve', 'callback', 'reopen', 'cancel', 'comment'] as const;
export type TicketAction = (typeof kTicketActions)[number];

export const kWarrantyTypes = ['waterproofing', 'electrical', 'plumbing', 'equipment', 'fitout', 'heating_cooling', 'structure'] as const;
export type WarrantyType = (typeof kWarrantyTypes)[number];

/** The statutory warranty of a ticket's category, counted from the project's completion acceptance. */
export interface TicketWarranty {
  type: WarrantyType;
  /** "5年", "2个采暖期"… as the law states it. */
  period: string;
  completion_date: string;
  until: string;
  in_warranty: boolean;
  responsible: 'contractor' | 'customer';
}

export interface Ticket {
  id: number;
  kind: TicketKind;
  channel: TicketChannel;
  grade: TicketGrade;
  status: TicketStatus;
  customer_id: number;
  unit_id: number | null;
  project_id: number | null;
  category_id: number | null;
  title: string;
  description: string;
  department: Department;
  org_unit_id: number;
  assignee_id: number | null;
  routing_rule_id: number | null;
  resolution: string | null;
  responsibility: Responsibility | null;
  satisfaction: number | null;
  response_due_at: string;
  resolve_due_at: string;
  responded_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  paused_at: string | null;
  sla_breached: boolean;
  escalation_level: number;
  /** Null when the ticket has no category with a warranty, or the project no completion date. */
  warranty?: TicketWarranty | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface TicketInput {
  kind: TicketKind;
  channel: TicketChannel;
  customer_id: number;
  unit_id?: number;
  project_id?: number;
  category_id?: number;
  title: string;
  description?: string;
  grade?: TicketGrade;
}

/** The body of `POST /tickets/{id}/{action}`; each action reads its own members. */
export interface TicketActionInput {
  department?: Department;
  assignee_id?: number;
  resolution?: string;
  responsibility?: Responsibility;
  satisfaction?: number;
  comment?: string;
  reason?: string;
  text?: string;
  /** assign without assignee_id: the department member assigned longest ago (部门成员). */
  round_robin?: boolean;
}

/** An entry of a ticket's history, oldest first. */
export interface TicketEvent {
  id: number;
  at: string;
  action: string;
  from_status: TicketStatus | null;
  to_status: TicketStatus | null;
  actor_id: number | null;
  detail: Record<string, unknown>;
}

export interface TicketCategory {
  id: number;
  parent_id: number | null;
  name: string;
  position: number;
  active: boolean;
  version: number;
  warranty?: WarrantyType | null;
}

export interface TicketCategoryInput {
  name: string;
  parent_id?: number;
  position?: number;
  warranty?: WarrantyType;
}

/** The answer of `POST /tickets/{id}/share`: `url` is the path `/t/<token>`. */
export interface TicketShareLink {
  token: string;
  url: string;
}

/** What the customer sees of a ticket through its link: progress, no internal notes. */
export interface PublicTicket {
  id: number;
  kind: TicketKind;
  title: string;
  status: TicketStatus;
  created_at: string;
  response_due_at: string;
  resolve_due_at: string;
  resolved_at: string | null;
  resolution: string | null;
  satisfaction: number | null;
  can_confirm: boolean;
  progress: { at: string; status: TicketStatus }[];
}


export interface RoutingRule {
  id: number;
  position: number;
  name: string;
  kind: TicketKind | null;
  category_id: number | null;
  grade: TicketGrade | null;
  project_id: number | null;
  unit_status: string | null;
  department: Department;
  org_unit_id: number | null;
  active: boolean;
}

export interface RoutingRuleInput {
  name: string;
  position?: number;
  kind?: TicketKind;
  category_id?: number;
  grade?: TicketGrade;
  project_id?: number;
  unit_status?: string;
  department: Department;
  org_unit_id?: number;
  active?: boolean;
}

export interface SlaPolicy {
  id: number;
  name: string;
  kind: TicketKind | null;
  grade: TicketGrade | null;
  category_id: number | null;
  response_minutes: number;
  resolve_minutes: number;
}

export interface SlaPolicyInput {
  name: string;
  kind?: TicketKind;
  grade?: TicketGrade;
  category_id?: number;
  response_minutes: number;
  resolve_minutes: number;
}

/** A day that breaks the Monday–Friday rhythm: a holiday (working false) or a 调休 make-up day. */
export interface CalendarDay {
  day: string;
  working: boolean;
  name: string;
}

export interface BusinessCalendar {
  region: string;
  day_start: string;
  day_end: string;
  version?: number;
  days: CalendarDay[];
}

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

export const kMassAlertStatuses = ['open', 'acknowledged', 'closed'] as const;
export type MassAlertStatus = (typeof kMassAlertStatuses)[number];

/** 群诉预警: enough tickets of one top-level category in one building (or project) within the window. */
export interface MassAlert {
  id: number;
  project_id: number;
  /** Null when the alert covers the whole project. */
  building: string | null;
  /** A top-level category. */
  category_id: number;
  org_unit_id?: number;
  ticket_count: number;
  proposed_grade: 'hot' | 'major';
  status: MassAlertStatus;
  note: string | null;
  ticket_ids: number[];
  version?: number;
  created_at: string;
  updated_at: string;
}

/** The group's mass-complaint rule: `mass_threshold` tickets within `mass_window_hours`. */
export interface ServiceSettings {
  mass_threshold: number;
  mass_window_hours: number;
}

/** `GET /reports/tickets`: a month, a half-month, or `from`–`to`, optionally of one project. */
export type TicketReportQuery = { month: string; half?: 1 | 2; project_id?: number } | { from: string; to: string; project_id?: number };

/** Rates are fractions (0.95), hours are calendar hours; null when nothing was counted. */
export interface TicketReport {
  from: string;
  to: string;
  /** 报送截止: the 3rd of the next month for a month, the 18th for a first half; null for a custom range. */
  due_by: string | null;
  total: number;
  by_kind: Record<string, number>;
  by_status: Record<string, number>;
  by_grade: Record<string, number>;
  by_department: Record<string, number>;
  by_category: { category_id: number | null; name: string; count: number }[];
  by_project: { project_id: number | null; name: string; count: number }[];
  sla: { on_time: number; breached: number; compliance_rate: number | null };
  avg_response_hours: number | null;
  avg_resolve_hours: number | null;
  callback: { resolved: number; called_back: number; rate: number | null; avg_satisfaction: number | null; satisfied_rate: number | null };
}

export const kWorkOrderStatuses = ['pending_approval', 'dispatched', 'visited', 'accepted', 'cancelled'] as const;
export type WorkOrderStatus = (typeof kWorkOrderStatuses)[number];

export const kWorkOrderActions = ['approve', 'visit', 'accept', 'reject', 'cancel'] as const;
export type WorkOrderAction = (typeof kWorkOrderActions)[number];

/** Who pays for an accepted repair: the contractor (charged back), the developer, or the owner. */
export const kChargeTo = ['contractor', 'developer', 'owner'] as const;
export type ChargeTo = (typeof kChargeTo)[number];

/** 维修工单: a repair ticket dispatched to a contractor. Money is integer fen. */
export interface WorkOrder {
  id: number;
  ticket_id: number;
  contractor: string;
  plan: string;
  status: WorkOrderStatus;
  appointment_at: string;
  visited_at: string | null;
  accepted_at: string | null;
  approved_by: number | null;
  approved_at: string | null;
  cost_fen: number | null;
  charge_to: ChargeTo | null;
  note: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** `POST /tickets/{id}/work-orders`; a major ticket's order starts pending_approval. */
export interface WorkOrderInput {
  contractor: string;
  plan: string;
  appointment_at: string;
}

/** The body of `POST /work-orders/{id}/{action}`; each action reads its own members. */
export interface WorkOrderActionInput {
  note?: string;
  /** reject: the new appointment. */
  appointment_at?: string;
  /** accept */
  cost_fen?: number;
  charge_to?: ChargeTo;
}

/** 案例库: a closed ticket filed as a case. */
export interface TicketCase {
  id: number;
  ticket_id: number;
  category_id: number | null;
  kind: TicketKind;
  title: string;
  problem: string;
  solution: string;
  created_at: string;
}

export interface TicketCaseInput {
  title?: string;
  problem: string;
  solution: string;
}

/** 标准答复: text an agent may insert; no category or kind means it fits every ticket. */
export interface StandardAnswer {
  id: number;
  category_id: number | null;
  kind: TicketKind | null;
  title: string;
  body: string;
}

export interface StandardAnswerInput {
  category_id?: number;
  kind?: TicketKind;
  title: string;
  body: string;
}

/** A member of a department; round-robin assignment takes the one assigned longest ago. */
export interface DepartmentMember {
  user_id: number;
  username: string;
  display_name: string;
  last_assigned_at: string | null;
}

/** A file on a ticket (photo of the defect); its bytes come from GET /tickets/{id}/attachments/{file_id}. */
export interface TicketAttachment {
  id: number;
  file_name: string;
  /** Judged by the server from the bytes. */
  content_type: 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp' | 'image/heic' | 'application/pdf';
  size_bytes: number;
  sha256: string;
  created_by: number;
  created_at: string;
}
