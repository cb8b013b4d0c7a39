// Typed calls to the service centre (API.md "Tickets", src/modules/service/openapi.json).
import { api, request, type Page } from '../../shared/api/client';
import type {
  BusinessCalendar,
  CalendarDay,
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
  TicketShareLink,
  Ticket,
  TicketAction,
  TicketActionInput,
  TicketCategory,
  TicketEvent,
  TicketInput,
  TicketListQuery,
} from './types';

export const serviceApi = {
  /** Tickets in the caller's scope, newest first. */
  list: (query: TicketListQuery, signal?: AbortSignal) => api.get<Page<Ticket>>('/tickets', { ...query }, signal),
  get: (id: number) => api.get<Ticket>(`/tickets/${id}`),
  /** Routed to a department and given deadlines by the server. */
  create: (body: TicketInput) => api.post<Ticket>('/tickets', body),
  /** With If-Match: 409 version_conflict when stale, 409 invalid_transition when the status does not allow it. */
  act: (id: number, action: TicketAction, body: TicketActionInput, version: number) =>
    api.post<Ticket>(`/tickets/${id}/${action}`, body, { ifMatch: version }),
  /** The ticket's history, oldest first (one page). */
  events: (id: number) => api.get<Page<TicketEvent>>(`/tickets/${id}/events`),
  categories: () => api.get<Page<TicketCategory>>('/ticket-categories'),
  /** A new customer link; the previous one stops working. */
  share: (id: number) => api.post<TicketShareLink>(`/tickets/${id}/share`),

  createCategory: (body: TicketCategoryInput) => api.post<TicketCategory>('/ticket-categories', body),
  /** With If-Match: 409 version_conflict when stale. */
  updateCategory: (id: number, body: { name?: string; position?: number; active?: boolean }, version: number) =>
    api.patch<TicketCategory>(`/ticket-categories/${id}`, body, version),

  routingRules: () => api.get<Page<RoutingRule>>('/routing-rules'),
  createRoutingRule: (body: RoutingRuleInput) => api.post<RoutingRule>('/routing-rules', body),
  deleteRoutingRule: (id: number) => api.delete<void>(`/routing-rules/${id}`),

  slaPolicies: () => api.get<Page<SlaPolicy>>('/sla-policies'),
  createSlaPolicy: (body: SlaPolicyInput) => api.post<SlaPolicy>('/sla-policies', body),
  deleteSlaPolicy: (id: number) => api.delete<void>(`/sla-policies/${id}`),

  calendar: (region: string) => api.get<BusinessCalendar>(`/calendars/${region}`),
  setWorkingHours: (region: string, body: { day_start: string; day_end: string }) => api.patch<BusinessCalendar>(`/calendars/${region}`, body),
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
