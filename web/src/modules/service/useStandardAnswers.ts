import { useEffect, useState } from 'react';
import { serviceApi } from './api';
import type { StandardAnswer, Ticket } from './types';

/**
 * The standard answers that fit the ticket's category and kind, most specific first; read the
 * first time `enabled` is true (when a form the agent writes in opens), then kept.
 */
export function useStandardAnswers(ticket: Pick<Ticket, 'category_id' | 'kind'>, enabled: boolean): StandardAnswer[] {
  const [answers, setAnswers] = useState<{ key: string; items: StandardAnswer[] } | null>(null);
  const key = `${ticket.category_id ?? ''}/${ticket.kind}`;
  const loaded = answers?.key === key;
  useEffect(() => {
    if (!enabled || loaded) return;
    const controller = new AbortController();
    serviceApi.standardAnswers({ category_id: ticket.category_id, kind: ticket.kind }, controller.signal).then(
      (page) => setAnswers({ key, items: page.items }),
      // Suggestions are a help: without them the agent simply types.
      () => {},
    );
    return () => controller.abort();
  }, [enabled, loaded, key, ticket.category_id, ticket.kind]);
  return loaded ? answers.items : [];
}
