import { useQuery } from '@tanstack/react-query';
import { serviceApi } from './api';
import { serviceKeys } from './queries';
import type { StandardAnswer, Ticket } from './types';

const kNone: StandardAnswer[] = [];

/**
 * The standard answers that fit the ticket's category and kind, most specific first; read the
 * first time `enabled` is true (when a form the agent writes in opens), then kept. Suggestions are
 * a help: without them (a failure) the agent simply types.
 */
export function useStandardAnswers(ticket: Pick<Ticket, 'category_id' | 'kind'>, enabled: boolean): StandardAnswer[] {
  const { data } = useQuery({
    queryKey: [...serviceKeys.standardAnswers, 'fitting', ticket.category_id, ticket.kind],
    queryFn: async ({ signal }) => (await serviceApi.standardAnswers({ category_id: ticket.category_id, kind: ticket.kind }, signal)).items,
    enabled,
    staleTime: Infinity,
  });
  return data ?? kNone;
}
