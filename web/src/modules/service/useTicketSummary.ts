import { useQuery } from '@tanstack/react-query';
import { serviceApi } from './api';
import { ticketKeys } from './queries';
import type { Ticket, TicketListQuery } from './types';

/** A summary reads one page of this many; past it the count says "100+". */
export const kSummaryLimit = 100;

export interface TicketSummary {
  /** The first tickets of the list, newest first; undefined until the first answer. */
  tickets: Ticket[] | undefined;
  /** How many the page held (all there are unless `more`). */
  count: number;
  /** More tickets match than were counted. */
  more: boolean;
  error: unknown;
}

/**
 * The tickets of a list query, read as one page of up to 100 (the home page's short lists and
 * counts): the count is the server's answer, with "more" when a next page exists. Stale with every
 * ticket list (`ticketChanged`).
 */
export function useTicketSummary(query: Omit<TicketListQuery, 'limit' | 'cursor'>, enabled = true): TicketSummary {
  const full: TicketListQuery = { ...query, limit: kSummaryLimit };
  const answer = useQuery({
    queryKey: ticketKeys.summary(full),
    queryFn: ({ signal }) => serviceApi.list(full, signal),
    enabled,
  });
  const page = answer.data;
  return { tickets: page?.items, count: page?.items.length ?? 0, more: !!page?.next_cursor, error: answer.error };
}
