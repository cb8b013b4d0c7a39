// Typed calls to the service centre (API.md "Tickets", src/modules/service/openapi.json).
import { api, request, type Page } from '../../shared/api/client';
import type {
  BusinessCalendar,
  CalendarDay,
  Department,
  DepartmentMember,
  StandardAnswer,
  StandardAnswerInput,
  TicketCase,
  TicketCaseInput,
  WorkOrder,
  WorkOrderAction,
  WorkOrderActionInput,
  WorkOrderInput,
  MassAlert,
  MassAlertStatus,
  ServiceSettings,
  TicketGrade,
  TicketReport,
  TicketReportQuery,
  PublicTicket,
  RoutingRule,
  RoutingRuleInput,
  SlaPolicy,
  SlaPolicyInput,
  TicketCategoryInput,
  TicketCategoryPatch,
  WorkingHours,
  TicketShareLink,
  Ticket,
  TicketAction,
  TicketAttachment,
  TicketActionInput,
  TicketCategory,
  TicketEvent,
  TicketInput,
  TicketKind,
  TicketListQuery,
} from './types';

export const serviceApi = {
  /** Tickets in the caller's scope, newest first. */
  list: (query: TicketListQuery, signal?: AbortSignal) => api.get<Page<Ticket>>('/tickets', { ...query }, signal),
  get: (id: number, signal?: AbortSignal) => api.get<Ticket>(`/tickets/${id}`, undefined, signal),
  /** Routed to a department and given deadlines by the server. */
  create: (body: TicketInput) => api.post<Ticket>('/tickets', body),
  /** With If-Match: 409 version_conflict when stale, 409 invalid_transition when the status does not allow it. */
  act: (id: number, action: TicketAction, body: TicketActionInput, version: number) =>
    api.post<Ticket>(`/tickets/${id}/${action}`, body, { ifMatch: version }),
  /** The ticket's history, oldest first (one page). */
  events: (id: number, signal?: AbortSignal) => api.get<Page<TicketEvent>>(`/tickets/${id}/events`, undefined, signal),
  categories: (signal?: AbortSignal) => api.get<Page<TicketCategory>>('/ticket-categories', undefined, signal),
  /** A new customer link; the previous one stops working. */
  share: (id: number) => api.post<TicketShareLink>(`/tickets/${id}/share`),

  createCategory: (body: TicketCategoryInput) => api.post<TicketCategory>('/ticket-categories', body),
  /** With If-Match: 409 version_conflict when stale. */
  updateCategory: (id: number, body: TicketCategoryPatch, version: number) =>
    api.patch<TicketCategory>(`/ticket-categories/${id}`, body, version),

  routingRules: (signal?: AbortSignal) => api.get<Page<RoutingRule>>('/routing-rules', undefined, signal),
  createRoutingRule: (body: RoutingRuleInput) => api.post<RoutingRule>('/routing-rules', body),
  deleteRoutingRule: (id: number) => api.delete<void>(`/routing-rules/${id}`),

  slaPolicies: (signal?: AbortSignal) => api.get<Page<SlaPolicy>>('/sla-policies', undefined, signal),
  createSlaPolicy: (body: SlaPolicyInput) => api.post<SlaPolicy>('/sla-policies', body),
  deleteSlaPolicy: (id: number) => api.delete<void>(`/sla-policies/${id}`),

  calendar: (region: string, signal?: AbortSignal) => api.get<BusinessCalendar>(`/calendars/${region}`, undefined, signal),
  setWorkingHours: (region: string, body: WorkingHours) => api.patch<BusinessCalendar>(`/calendars/${region}`, body),
  setDay: (region: string, day: string, body: Omit<CalendarDay, 'day'>) => request<BusinessCalendar>('PUT', `/calendars/${region}/days/${day}`, { body }),
  /** Back to the Monday–Friday rhythm; answers the calendar. */
  clearDay: (region: string, day: string) => api.delete<BusinessCalendar>(`/calendars/${region}/days/${day}`),

  /** 群诉预警 in scope, newest first. */
  massAlerts: (query: { status?: MassAlertStatus; limit?: number; cursor?: string | null }, signal?: AbortSignal) =>
    api.get<Page<MassAlert>>('/mass-alerts', { ...query }, signal),
  /** With a grade, the alert's open tickets get it. 409 invalid_transition unless the alert is open. */
  acknowledgeMassAlert: (id: number, body: { grade?: TicketGrade; note?: string }) => api.post<MassAlert>(`/mass-alerts/${id}/acknowledge`, body),
  /** 409 invalid_transition when already closed. */
  closeMassAlert: (id: number, body: { note?: string }) => api.post<MassAlert>(`/mass-alerts/${id}/close`, body),
  settings: () => api.get<ServiceSettings>('/service-settings'),
  /** Administrators only (403 otherwise). */
  saveSettings: (body: ServiceSettings) => request<ServiceSettings>('PUT', '/service-settings', { body }),

  /** 工单报表 over the tickets created in the period. */
  ticketReport: (query: TicketReportQuery, signal?: AbortSignal) => api.get<TicketReport>('/reports/tickets', { ...query }, signal),

  /** The ticket's files, oldest first (upload with uploadFile: the body is the file). */
  attachments: (ticketId: number, signal?: AbortSignal) => api.get<Page<TicketAttachment>>(`/tickets/${ticketId}/attachments`, undefined, signal),
  /** The uploader or an administrator (403 otherwise). */
  removeAttachment: (ticketId: number, fileId: number) => api.delete<void>(`/tickets/${ticketId}/attachments/${fileId}`),
  /** A repair ticket's work orders, oldest first. */
  workOrders: (ticketId: number, signal?: AbortSignal) => api.get<Page<WorkOrder>>(`/tickets/${ticketId}/work-orders`, undefined, signal),
  /** 422 ticket_id not_a_repair; 409 invalid_transition once the ticket is resolved, closed or cancelled. */
  createWorkOrder: (ticketId: number, body: WorkOrderInput) => api.post<WorkOrder>(`/tickets/${ticketId}/work-orders`, body),
  /** 409 invalid_transition when the order's status does not allow it; approve is 403 outside engineering. */
  actOnWorkOrder: (id: number, action: WorkOrderAction, body: WorkOrderActionInput) => api.post<WorkOrder>(`/work-orders/${id}/${action}`, body),

  /** Only a closed ticket (409 invalid_transition), once (409 with ticket_id taken). */
  fileCase: (ticketId: number, body: TicketCaseInput) => api.post<TicketCase>(`/tickets/${ticketId}/file-case`, body),
  /** 案例库: under a category (and its children) and/or containing q, newest first, 50 at most. */
  cases: (query: { category_id?: number; q?: string }, signal?: AbortSignal) => api.get<Page<TicketCase>>('/cases', { ...query }, signal),

  /**
   * The standard answers that fit a ticket of this category and kind, most specific first.
   * Without a category only the general ones come; without a kind only those of any kind.
   */
  standardAnswers: (query: { category_id?: number | null; kind?: TicketKind | null }, signal?: AbortSignal) =>
    api.get<Page<StandardAnswer>>('/standard-answers', { ...query }, signal),
  /** Administrators only (403 otherwise). */
  createStandardAnswer: (body: StandardAnswerInput) => api.post<StandardAnswer>('/standard-answers', body),
  deleteStandardAnswer: (id: number) => api.delete<void>(`/standard-answers/${id}`),

  departmentMembers: (department: Department, signal?: AbortSignal) =>
    api.get<Page<DepartmentMember>>(`/departments/${department}/members`, undefined, signal),
  /** Replaces the members (administrators only); answers the new list. */
  setDepartmentMembers: (department: Department, userIds: number[]) =>
    request<Page<DepartmentMember>>('PUT', `/departments/${department}/members`, { body: { user_ids: userIds } }),
};

/**
 * The customer's ticket page (/t/:token) without logging in: no token is sent, and a 401 must
 * never end a staff session that happens to live in the same browser.
 */
export const publicTicketApi = {
  get: (token: string, signal?: AbortSignal) =>
    request<PublicTicket>('GET', `/public/tickets/${encodeURIComponent(token)}`, { signal, anonymous: true, skipUnauthorizedRedirect: true }),
  confirm: (token: string, body: { satisfaction: number; comment?: string }) =>
    request<PublicTicket>('POST', `/public/tickets/${encodeURIComponent(token)}/confirm`, { body, anonymous: true, skipUnauthorizedRedirect: true }),
};
