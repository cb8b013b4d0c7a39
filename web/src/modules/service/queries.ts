// The service module's server data in the query cache (shared/api/queryClient.ts).
import type { QueryClient } from '@tanstack/react-query';
import { customerKeys } from '../customers/queries';
import type { Department, MassAlertStatus, Ticket, TicketListQuery, TicketReportQuery } from './types';

export const ticketKeys = {
  all: ['tickets'] as const,
  list: (query: TicketListQuery) => ['tickets', 'list', query] as const,
  /** One page of a list, read as a whole (the home page's short lists and counts); stale with the lists. */
  summary: (query: TicketListQuery) => ['tickets', 'list', 'summary', query] as const,
  /** 回访队列: the resolved tickets, a page at a time. */
  callbacks: (query: TicketListQuery) => ['tickets', 'callbacks', query] as const,
  detail: (id: number) => ['tickets', id] as const,
  events: (id: number) => ['tickets', id, 'events'] as const,
  workOrders: (id: number) => ['tickets', id, 'work-orders'] as const,
  attachments: (id: number) => ['tickets', id, 'attachments'] as const,
};

export const serviceKeys = {
  categories: ['ticket-categories'] as const,
  routingRules: ['service', 'routing-rules'] as const,
  slaPolicies: ['service', 'sla-policies'] as const,
  /** Every list of standard answers (the admin page's, and those offered on a ticket). */
  standardAnswers: ['service', 'standard-answers'] as const,
  calendar: (region: string) => ['service', 'calendar', region] as const,
  departmentMembers: (department: Department) => ['service', 'department-members', department] as const,
  settings: ['service', 'settings'] as const,
  massAlerts: (status: MassAlertStatus) => ['mass-alerts', status] as const,
  cases: (query: { q?: string; category_id?: number }) => ['cases', query] as const,
  report: (query: TicketReportQuery) => ['reports', 'tickets', query] as const,
  publicTicket: (token: string) => ['public-tickets', token] as const,
  /** The header's bell: the mass alerts still open or acknowledged (stale with every list of alerts). */
  massAlertBell: ['mass-alerts', 'bell'] as const,
};

export const workOrderKeys = {
  /** A customer's appointments and visits: kept with the customer (its page invalidates them with it). */
  ofCustomer: (customerId: number) => customerKeys.related(customerId, 'work-orders'),
};

/**
 * After a ticket changed here: puts it in place, and marks the lists that show it as stale (the
 * queue, the call-back queue, the customer's tickets), which read it again when next shown.
 */
export function ticketChanged(queryClient: QueryClient, ticket: Ticket): void {
  queryClient.setQueryData(ticketKeys.detail(ticket.id), ticket);
  void queryClient.invalidateQueries({ queryKey: ['tickets', 'list'] });
  void queryClient.invalidateQueries({ queryKey: ['tickets', 'callbacks'] });
  void queryClient.invalidateQueries({ queryKey: customerKeys.related(ticket.customer_id, 'tickets') });
}
