// The club's reads (TanStack Query) and what a change here makes stale.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { customerKeys } from '../customers/queries';
import { useCursorList } from '../../shared/hooks/useCursorList';
import { clubApi } from './api';
import type { ClubMember, ClubSettings, MemberFilters } from './types';

export const clubKeys = {
  all: ['club'] as const,
  members: (filters: MemberFilters) => ['club', 'members', filters] as const,
  member: (id: number) => ['club', 'member', id] as const,
  ledger: (id: number) => ['club', 'member', id, 'ledger'] as const,
  settings: ['club', 'settings'] as const,
  /** The customer's membership, under the customer's keys (read again when the customer changes). */
  customer: (customerId: number) => customerKeys.related(customerId, 'club'),
};

/** The members matching `filters`, a page at a time; the first page's answer says how many match. */
export function useMembers(filters: MemberFilters) {
  return useCursorList(clubKeys.members(filters), (cursor, signal) => clubApi.members(filters, cursor, signal));
}

export function useMember(id: number) {
  return useQuery({ queryKey: clubKeys.member(id), queryFn: ({ signal }) => clubApi.member(id, signal) });
}

/** The member's ledger, newest first, a page at a time. */
export function useLedger(id: number) {
  return useCursorList(clubKeys.ledger(id), (cursor, signal) => clubApi.ledger(id, cursor, signal));
}

/** The group's rules and tiers: they change rarely (a minute fresh). */
export function useClubSettings() {
  return useQuery({ queryKey: clubKeys.settings, queryFn: ({ signal }) => clubApi.settings(signal), staleTime: 60_000 });
}

export function useCustomerClub(customerId: number) {
  return useQuery({ queryKey: clubKeys.customer(customerId), queryFn: ({ signal }) => clubApi.ofCustomer(customerId, signal) });
}

/**
 * After a member was enrolled or their points moved here: the member is read again (their balance,
 * tier and the points that expire next are the server's), with their ledger, the lists and the
 * customer's card; the customer's timeline too (the server writes 入会 there).
 */
export function memberChanged(queryClient: QueryClient, member: Pick<ClubMember, 'id' | 'customer_id'>): void {
  void queryClient.invalidateQueries({ queryKey: clubKeys.member(member.id) });
  void queryClient.invalidateQueries({ queryKey: ['club', 'members'] });
  void queryClient.invalidateQueries({ queryKey: customerKeys.detail(member.customer_id), predicate: (query) => query.queryKey.length > 2 });
}

/** After the rules were saved here: put in place; the members' tier names are read again. */
export function settingsChanged(queryClient: QueryClient, settings: ClubSettings): void {
  queryClient.setQueryData(clubKeys.settings, settings);
  void queryClient.invalidateQueries({ queryKey: ['club', 'members'] });
  void queryClient.invalidateQueries({ queryKey: ['club', 'member'] });
}
