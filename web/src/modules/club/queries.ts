// The club's reads (TanStack Query) and what a change here makes stale.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { customerKeys } from '../customers/queries';
import { useCursorList } from '../../shared/hooks/useCursorList';
import { clubApi } from './api';
import type { ClubEvent, ClubMember, ClubRates, ClubSettings, EventSignup, MemberFilters } from './types';

export const clubKeys = {
  all: ['club'] as const,
  members: (filters: MemberFilters) => ['club', 'members', filters] as const,
  member: (id: number) => ['club', 'member', id] as const,
  ledger: (id: number) => ['club', 'member', id, 'ledger'] as const,
  settings: ['club', 'settings'] as const,
  events: (upcoming: boolean) => ['club', 'events', { upcoming }] as const,
  event: (id: number) => ['club', 'event', id] as const,
  signups: (id: number) => ['club', 'event', id, 'signups'] as const,
  offers: (current: boolean) => ['club', 'offers', { current }] as const,
  rates: ['club', 'rates'] as const,
  /** The members a picker offers for what was typed. */
  pick: (q: string) => ['club', 'pick', q] as const,
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

/** The events, newest first, a page at a time; only the open ones not yet over when `upcoming`. */
export function useEvents(upcoming: boolean) {
  return useCursorList(clubKeys.events(upcoming), (cursor, signal) => clubApi.events(upcoming, cursor, signal));
}

export function useEvent(id: number) {
  return useQuery({ queryKey: clubKeys.event(id), queryFn: ({ signal }) => clubApi.event(id, signal) });
}

export function useSignups(eventId: number) {
  return useCursorList(clubKeys.signups(eventId), (_cursor, signal) => clubApi.signups(eventId, signal));
}

/** The partner merchants' offers, a page at a time; only those valid today when `current`. */
export function useOffers(current: boolean) {
  return useCursorList(clubKeys.offers(current), (cursor, signal) => clubApi.offers(current, cursor, signal));
}

/** Members against the other owners (computed each night: five minutes fresh). */
export function useClubRates() {
  return useQuery({ queryKey: clubKeys.rates, queryFn: ({ signal }) => clubApi.rates(signal), staleTime: 300_000 });
}

/** After an event was created or changed here: put in place; the lists are read again. */
export function eventChanged(queryClient: QueryClient, event: ClubEvent): void {
  queryClient.setQueryData(clubKeys.event(event.id), event);
  void queryClient.invalidateQueries({ queryKey: ['club', 'events'] });
}

/**
 * After a sign-up was made, cancelled or checked in: the event (its places taken) and its sign-ups
 * are read again, the lists too; a check-in earns points, so the member and their ledger as well.
 */
export function signupChanged(queryClient: QueryClient, signup: Pick<EventSignup, 'event_id' | 'member_id'>): void {
  void queryClient.invalidateQueries({ queryKey: clubKeys.event(signup.event_id) });
  void queryClient.invalidateQueries({ queryKey: ['club', 'events'] });
  void queryClient.invalidateQueries({ queryKey: clubKeys.member(signup.member_id) });
  void queryClient.invalidateQueries({ queryKey: ['club', 'members'] });
}

/** After an offer was added, changed or withdrawn here: the offers are read again. */
export function offerChanged(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: ['club', 'offers'] });
}

/** After the rates were computed here: put in place. */
export function ratesChanged(queryClient: QueryClient, rates: ClubRates): void {
  queryClient.setQueryData(clubKeys.rates, rates);
}
