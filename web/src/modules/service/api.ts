// Typed calls to the service centre (API.md "Tickets", src/modules/service/openapi.json).
import { api, type Page } from '../../shared/api/client';
import type { Ticket, TicketAction, TicketActionInput, TicketCategory, TicketEvent, TicketInput, TicketListQuery } from './types';

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
};
