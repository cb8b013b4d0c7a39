// Typed calls to the service centre (API.md "Tickets", src/modules/service/openapi.json).
import { api, request } from '../../shared/api/client';
import type { Answer, Body, QueryOf } from '../../shared/api/wire';
import type {
  CalendarDayInput,
  CaseQuery,
  Department,
  DepartmentMembersInput,
  MassAlertAcknowledgeInput,
  MassAlertCloseInput,
  MassAlertQuery,
  PublicConfirmInput,
  RoutingRuleInput,
  ServiceSettings,
  SlaPolicyInput,
  StandardAnswerInput,
  TicketAction,
  TicketActionInput,
  TicketCaseInput,
  TicketCategoryInput,
  TicketCategoryPatch,
  TicketInput,
  TicketListQuery,
  TicketReportQuery,
  WorkOrderListQuery,
  WorkingHours,
  WorkOrderAction,
  WorkOrderActionInput,
  WorkOrderInput,
} from './types';

/** The answer of every `POST /tickets/{id}/{action}` (they answer the same: the ticket). */
type ActedTicket = Answer<`/tickets/{id}/${TicketAction}`, 'post'>;

/** The answer of every `POST /work-orders/{id}/{action}`: the work order. */
type ActedWorkOrder = Answer<`/work-orders/{id}/${WorkOrderAction}`, 'post'>;

type StandardAnswerQuery = QueryOf<'/standard-answers', 'get'>;

export const serviceApi = {
  /** Tickets in the caller's scope, newest first. */
  list: (query: TicketListQuery, signal?: AbortSignal) => api.get<Answer<'/tickets', 'get'>>('/tickets', { ...query }, signal),
  get: (id: number, signal?: AbortSignal) => api.get<Answer<'/tickets/{id}', 'get'>>(`/tickets/${id}`, undefined, signal),
  /** Routed to a department and given deadlines by the server. */
  create: (body: TicketInput) => api.post<Answer<'/tickets', 'post', 201>>('/tickets', body),
  /** With If-Match: 409 version_conflict when stale, 409 invalid_transition when the status does not allow it. */
  act: (id: number, action: TicketAction, body: TicketActionInput, version: number) =>
    api.post<ActedTicket>(`/tickets/${id}/${action}`, body, { ifMatch: version }),
  /** The ticket's history, oldest first (one page). */
  events: (id: number, signal?: AbortSignal) => api.get<Answer<'/tickets/{id}/events', 'get'>>(`/tickets/${id}/events`, undefined, signal),
  categories: (signal?: AbortSignal) => api.get<Answer<'/ticket-categories', 'get'>>('/ticket-categories', undefined, signal),
  /** A new customer link; the previous one stops working. */
  share: (id: number) => api.post<Answer<'/tickets/{id}/share', 'post'>>(`/tickets/${id}/share`),

  createCategory: (body: TicketCategoryInput) => api.post<Answer<'/ticket-categories', 'post', 201>>('/ticket-categories', body),
  /** With If-Match: 409 version_conflict when stale. */
  updateCategory: (id: number, body: TicketCategoryPatch, version: number) =>
    api.patch<Answer<'/ticket-categories/{id}', 'patch'>>(`/ticket-categories/${id}`, body, version),

  routingRules: (signal?: AbortSignal) => api.get<Answer<'/routing-rules', 'get'>>('/routing-rules', undefined, signal),
  createRoutingRule: (body: RoutingRuleInput) => api.post<Answer<'/routing-rules', 'post', 201>>('/routing-rules', body),
  /** Replaces the rule (every field as given; a new position reorders it). */
  updateRoutingRule: (id: number, body: RoutingRuleInput) =>
    request<Answer<'/routing-rules/{id}', 'put'>>('PUT', `/routing-rules/${id}`, { body: body satisfies Body<'/routing-rules/{id}', 'put'> }),
  deleteRoutingRule: (id: number) => api.delete<void>(`/routing-rules/${id}`),

  slaPolicies: (signal?: AbortSignal) => api.get<Answer<'/sla-policies', 'get'>>('/sla-policies', undefined, signal),
  createSlaPolicy: (body: SlaPolicyInput) => api.post<Answer<'/sla-policies', 'post', 201>>('/sla-policies', body),
  /** Replaces the policy (every field as given); tickets filed later use it. */
  updateSlaPolicy: (id: number, body: SlaPolicyInput) =>
    request<Answer<'/sla-policies/{id}', 'put'>>('PUT', `/sla-policies/${id}`, { body: body satisfies Body<'/sla-policies/{id}', 'put'> }),
  deleteSlaPolicy: (id: number) => api.delete<void>(`/sla-policies/${id}`),

  calendar: (region: string, signal?: AbortSignal) => api.get<Answer<'/calendars/{region}', 'get'>>(`/calendars/${region}`, undefined, signal),
  setWorkingHours: (region: string, body: WorkingHours) => api.patch<Answer<'/calendars/{region}', 'patch'>>(`/calendars/${region}`, body),
  setDay: (region: string, day: string, body: CalendarDayInput) =>
    request<Answer<'/calendars/{region}/days/{day}', 'put'>>('PUT', `/calendars/${region}/days/${day}`, { body }),
  /** Back to the Monday–Friday rhythm; answers the calendar. */
  clearDay: (region: string, day: string) => api.delete<Answer<'/calendars/{region}/days/{day}', 'delete'>>(`/calendars/${region}/days/${day}`),

  /** 群诉预警 in scope, newest first. */
  massAlerts: (query: MassAlertQuery, signal?: AbortSignal) => api.get<Answer<'/mass-alerts', 'get'>>('/mass-alerts', { ...query }, signal),
  /** With a grade, the alert's open tickets get it. 409 invalid_transition unless the alert is open. */
  acknowledgeMassAlert: (id: number, body: MassAlertAcknowledgeInput) =>
    api.post<Answer<'/mass-alerts/{id}/acknowledge', 'post'>>(`/mass-alerts/${id}/acknowledge`, body),
  /** 409 invalid_transition when already closed. */
  closeMassAlert: (id: number, body: MassAlertCloseInput) => api.post<Answer<'/mass-alerts/{id}/close', 'post'>>(`/mass-alerts/${id}/close`, body),
  settings: () => api.get<Answer<'/service-settings', 'get'>>('/service-settings'),
  /** Administrators only (403 otherwise). */
  saveSettings: (body: ServiceSettings) =>
    request<Answer<'/service-settings', 'put'>>('PUT', '/service-settings', { body: body satisfies Body<'/service-settings', 'put'> }),

  /** 工单报表 over the tickets created in the period. */
  ticketReport: (query: TicketReportQuery, signal?: AbortSignal) => api.get<Answer<'/reports/tickets', 'get'>>('/reports/tickets', { ...query }, signal),

  /** The ticket's files, oldest first (upload with uploadFile: the body is the file). */
  attachments: (ticketId: number, signal?: AbortSignal) =>
    api.get<Answer<'/tickets/{id}/attachments', 'get'>>(`/tickets/${ticketId}/attachments`, undefined, signal),
  /** The uploader or an administrator (403 otherwise). */
  removeAttachment: (ticketId: number, fileId: number) => api.delete<void>(`/tickets/${ticketId}/attachments/${fileId}`),
  /** A repair ticket's work orders, oldest first. */
  workOrders: (ticketId: number, signal?: AbortSignal) =>
    api.get<Answer<'/tickets/{id}/work-orders', 'get'>>(`/tickets/${ticketId}/work-orders`, undefined, signal),
  /** Work orders in scope, newest appointment first: a customer's (customer_id), or those still to visit (open). */
  workOrderList: (query: WorkOrderListQuery, signal?: AbortSignal) =>
    api.get<Answer<'/work-orders', 'get'>>('/work-orders', { ...query }, signal),
  /** 422 ticket_id not_a_repair; 409 invalid_transition once the ticket is resolved, closed or cancelled. */
  createWorkOrder: (ticketId: number, body: WorkOrderInput) =>
    api.post<Answer<'/tickets/{id}/work-orders', 'post', 201>>(`/tickets/${ticketId}/work-orders`, body),
  /** 409 invalid_transition when the order's status does not allow it; approve is 403 outside engineering. */
  actOnWorkOrder: (id: number, action: WorkOrderAction, body: WorkOrderActionInput) => api.post<ActedWorkOrder>(`/work-orders/${id}/${action}`, body),

  /** Only a closed ticket (409 invalid_transition), once (409 with ticket_id taken). */
  fileCase: (ticketId: number, body: TicketCaseInput) => api.post<Answer<'/tickets/{id}/file-case', 'post', 201>>(`/tickets/${ticketId}/file-case`, body),
  /** 案例库: under a category (and its children) and/or containing q, newest first, 50 at most. */
  cases: (query: CaseQuery, signal?: AbortSignal) => api.get<Answer<'/cases', 'get'>>('/cases', { ...query }, signal),

  /**
   * The standard answers that fit a ticket of this category and kind, most specific first.
   * Without a category only the general ones come; without a kind only those of any kind (null is left out).
   */
  standardAnswers: (query: { [K in keyof StandardAnswerQuery]?: StandardAnswerQuery[K] | null }, signal?: AbortSignal) =>
    api.get<Answer<'/standard-answers', 'get'>>('/standard-answers', { ...query }, signal),
  /** Administrators only (403 otherwise). */
  createStandardAnswer: (body: StandardAnswerInput) => api.post<Answer<'/standard-answers', 'post', 201>>('/standard-answers', body),
  deleteStandardAnswer: (id: number) => api.delete<void>(`/standard-answers/${id}`),

  departmentMembers: (department: Department, signal?: AbortSignal) =>
    api.get<Answer<'/departments/{department}/members', 'get'>>(`/departments/${department}/members`, undefined, signal),
  /** Replaces the members (administrators only); answers the new list. */
  setDepartmentMembers: (department: Department, userIds: number[]) =>
    request<Answer<'/departments/{department}/members', 'put'>>('PUT', `/departments/${department}/members`, {
      body: { user_ids: userIds } satisfies DepartmentMembersInput,
    }),
};

/**
 * The customer's ticket page (/t/:token) without logging in: no token is sent, and a 401 must
 * never end a staff session that happens to live in the same browser.
 */
export const publicTicketApi = {
  get: (token: string, signal?: AbortSignal) =>
    request<Answer<'/public/tickets/{token}', 'get'>>('GET', `/public/tickets/${encodeURIComponent(token)}`, {
      signal,
      anonymous: true,
      skipUnauthorizedRedirect: true,
    }),
  confirm: (token: string, body: PublicConfirmInput) =>
    request<Answer<'/public/tickets/{token}/confirm', 'post'>>('POST', `/public/tickets/${encodeURIComponent(token)}/confirm`, {
      body,
      anonymous: true,
      skipUnauthorizedRedirect: true,
    }),
};
