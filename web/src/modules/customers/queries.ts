// The customers module's server data in the query cache (shared/api/queryClient.ts).
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { customerApi, type CustomerListQuery } from './api';
import { searchable } from './search';
import type { Customer } from './types';

export const customerKeys = {
  all: ['customers'] as const,
  list: (query: CustomerListQuery) => ['customers', 'list', query] as const,
  search: (q: string, limit: number) => ['customers', 'search', q, limit] as const,
  detail: (id: number) => ['customers', id] as const,
  /**
   * What is shown about one customer besides the record: its timeline here, and what other modules
   * list on the customer page (units, tickets). Invalidated together when the customer changes.
   */
  related: (id: number, ...rest: readonly unknown[]) => ['customers', id, ...rest] as const,
};

/** One customer, masked as the server shows it to the caller. */
export function useCustomer(id: number | undefined) {
  return useQuery({
    queryKey: customerKeys.detail(id ?? 0),
    queryFn: () => customerApi.get(id!),
    enabled: id !== undefined,
  });
}

const kNone: Customer[] = [];

/**
 * The best matches of `q` (name, phone or ID number) while it is specific enough to search
 * (`searchable`), else none: `found` holds the last answer's customers.
 */
export function useCustomerSearch(q: string, limit: number) {
  const enabled = searchable(q);
  const query = useQuery({
    queryKey: customerKeys.search(q, limit),
    queryFn: ({ signal }) => customerApi.list({ q, limit }, signal),
    enabled,
  });
  return { found: enabled ? (query.data?.items ?? kNone) : kNone, searching: enabled && query.isFetching, error: enabled ? query.error : null };
}

/** After the customer changed (edit, merge, erase): puts the record in place and reads what is shown about it again. */
export function customerChanged(queryClient: QueryClient, customer: Customer): void {
  queryClient.setQueryData(customerKeys.detail(customer.id), customer);
  void queryClient.invalidateQueries({ queryKey: customerKeys.detail(customer.id), predicate: (query) => query.queryKey.length > 2 });
  void queryClient.invalidateQueries({ queryKey: ['customers', 'list'] });
  void queryClient.invalidateQueries({ queryKey: ['customers', 'search'] });
}
