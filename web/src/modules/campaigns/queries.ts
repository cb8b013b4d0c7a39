// Campaigns' reads (TanStack Query) and what a change here makes stale.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { customerKeys } from '../customers/queries';
import { useCursorList } from '../../shared/hooks/useCursorList';
import { campaignsApi } from './api';
import { isActive } from './labels';
import type { Campaign, CampaignFilters, MarketingPrefs, RecipientFilters } from './types';

/** How often a campaign being read into recipients or sent is read again. */
export const kActivePollMs = 3_000;

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (filters: CampaignFilters) => ['campaigns', 'list', filters] as const,
  detail: (id: number) => ['campaigns', 'detail', id] as const,
  recipients: (id: number, filters: RecipientFilters) => ['campaigns', 'detail', id, 'recipients', filters] as const,
  /** The customer's marketing preferences, under the customer's keys (read again when the customer changes: consent is the record's). */
  prefs: (customerId: number) => customerKeys.related(customerId, 'marketing'),
};

/** The campaigns matching `filters`, newest first, a page at a time; the first page's answer says how many match. */
export function useCampaigns(filters: CampaignFilters) {
  return useCursorList(campaignKeys.list(filters), (cursor, signal) => campaignsApi.list(filters, cursor, signal));
}

/** A campaign with its results; read again every few seconds while it is queuing or sending. */
export function useCampaign(id: number) {
  return useQuery({
    queryKey: campaignKeys.detail(id),
    queryFn: ({ signal }) => campaignsApi.get(id, signal),
    refetchInterval: (query) => (query.state.data && isActive(query.state.data.status) ? kActivePollMs : false),
  });
}

/** The campaign's delivery log, a page at a time; the first page's answer says how many match. */
export function useRecipients(id: number, filters: RecipientFilters) {
  return useCursorList(campaignKeys.recipients(id, filters), (cursor, signal) => campaignsApi.recipients(id, filters, cursor, signal));
}

export function useMarketingPrefs(customerId: number) {
  return useQuery({ queryKey: campaignKeys.prefs(customerId), queryFn: ({ signal }) => campaignsApi.prefs(customerId, signal) });
}

/**
 * After a campaign was made, changed, sent or cancelled here: put in place, then read again with its
 * log (the answer of a change may leave out the results and who made it); the lists too.
 */
export function campaignChanged(queryClient: QueryClient, campaign: Campaign): void {
  queryClient.setQueryData<Campaign>(campaignKeys.detail(campaign.id), (before) => ({
    ...campaign,
    results: campaign.results ?? before?.results,
    created_by_name: campaign.created_by_name ?? before?.created_by_name ?? null,
  }));
  void queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaign.id) });
  void queryClient.invalidateQueries({ queryKey: ['campaigns', 'list'] });
}

/** After an opt-out or the WeChat id changed here: put in place; the customer's timeline is read again (the server writes 退订 there). */
export function prefsChanged(queryClient: QueryClient, customerId: number, prefs: MarketingPrefs): void {
  queryClient.setQueryData(campaignKeys.prefs(customerId), prefs);
  void queryClient.invalidateQueries({ queryKey: customerKeys.related(customerId, 'timeline') });
}
