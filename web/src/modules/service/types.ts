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
}

export interface TicketListQuery {
  status?: TicketStatus;
  kind?: TicketKind;
  grade?: TicketGrade;
  department?: Department;
  customer_id?: number;
  project_id?: number;
  breached?: boolean;
  limit?: number;
  cursor?: string | null;
}
