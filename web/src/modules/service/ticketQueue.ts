// The ticket queue's view (tab, search, 我的工单, filters) as it is kept in the address, so that a
// link (from the home page, a colleague, the browser's history) opens the same view.
import { kDepartments, kSlaStates, kTicketGrades, kTicketKinds, kTicketStatuses, type TicketListQuery, type TicketStatus } from './types';
import type { TicketFilters } from './components/TicketFilterBar';

/** 未办结 (open: not closed or cancelled, the default), 全部, or one status. */
export type QueueTab = 'open' | 'all' | TicketStatus;

export interface QueueView {
  tab: QueueTab;
  q: string;
  mine: boolean;
  filters: TicketFilters;
}

const oneOf = <T extends string>(words: readonly T[], value: string | null): T | undefined =>
  value !== null && (words as readonly string[]).includes(value) ? (value as T) : undefined;

/** The view an address asks for; what it does not say (or says wrongly) is left at its default. */
export function queueViewOf(params: URLSearchParams): QueueView {
  const tab = params.get('tab');
  const project = Number(params.get('project_id'));
  return {
    tab: tab === 'all' ? 'all' : (oneOf(kTicketStatuses, tab) ?? 'open'),
    q: params.get('q') ?? '',
    mine: params.get('mine') === 'true' || params.get('mine') === '1',
    filters: {
      kind: oneOf(kTicketKinds, params.get('kind')),
      grade: oneOf(kTicketGrades, params.get('grade')),
      department: oneOf(kDepartments, params.get('department')),
      sla_state: oneOf(kSlaStates, params.get('sla_state')),
      project_id: Number.isInteger(project) && project > 0 ? project : undefined,
    },
  };
}

/** The address of a view: only what differs from the default. */
export function queueParams(view: Partial<QueueView>): URLSearchParams {
  const params = new URLSearchParams();
  if (view.tab && view.tab !== 'open') params.set('tab', view.tab);
  const q = view.q?.trim();
  if (q) params.set('q', q);
  if (view.mine) params.set('mine', 'true');
  for (const [key, value] of Object.entries(view.filters ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params;
}

/** The queue's path for a view, e.g. `/tickets?mine=true` for 我的工单. */
export const queuePath = (view: Partial<QueueView>) => {
  const search = queueParams(view).toString();
  return search ? `/tickets?${search}` : '/tickets';
};

/** The list's query for a view (without paging). */
export function queueQuery(view: QueueView): TicketListQuery {
  const q = view.q.trim();
  return {
    ...(view.tab === 'open' ? { open: true } : view.tab === 'all' ? {} : { status: view.tab }),
    ...(q ? { q } : {}),
    ...(view.mine ? { mine: true } : {}),
    ...Object.fromEntries(Object.entries(view.filters).filter(([, value]) => value !== undefined)),
  };
}
