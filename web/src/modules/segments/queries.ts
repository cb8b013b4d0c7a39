// The segments module's reads (TanStack Query) and what a change here makes stale.
import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { customerKeys } from '../customers/queries';
import { segmentsApi } from './api';
import type { ModelInput, SegmentModel, SharesBy, ValueAssumptions } from './types';

export const segmentKeys = {
  all: ['segment-models'] as const,
  list: ['segment-models', 'list'] as const,
  detail: (id: number) => ['segment-models', id] as const,
  /** A model's shares, read again whenever a computation has finished (its time is in the key). */
  shares: (id: number, by: SharesBy, computedAt: string | null) => ['segment-models', id, 'shares', by, computedAt ?? ''] as const,
  preview: (body: ModelInput) => ['segment-preview', body] as const,
  facts: ['segment-facts'] as const,
  presets: ['segment-presets'] as const,
  /** The customer's segments, under the customer's keys (read again when the customer changes). */
  customer: (customerId: number) => customerKeys.related(customerId, 'segments'),
  /** A model's values by segment, read again whenever a computation has finished, as its shares. */
  values: (id: number, by: SharesBy, computedAt: string | null) => ['segment-models', id, 'values', by, computedAt ?? ''] as const,
  /** The household's lifetime value, under the customer's keys. */
  customerValue: (customerId: number) => customerKeys.related(customerId, 'value'),
  assumptionsAll: ['value-assumptions'] as const,
  /** The assumptions of a unit (0: the caller's own). */
  assumptions: (orgUnitId: number | undefined) => ['value-assumptions', orgUnitId ?? 0] as const,
};

/** While a computation runs in the background (a model just saved), how often the model is read again. */
const kPollMs = 2_000;

export function useSegmentModels() {
  return useQuery({ queryKey: segmentKeys.list, queryFn: ({ signal }) => segmentsApi.list(signal) });
}

/**
 * A model; read again every 2 s while its counts are older than its rules (saved, the computation
 * queued) or, when `waitingFor` is given, until its computation's time differs from it.
 */
export function useSegmentModel(id: number, waitingFor?: string | null) {
  return useQuery({
    queryKey: segmentKeys.detail(id),
    queryFn: ({ signal }) => segmentsApi.get(id, signal),
    refetchInterval: (query) => {
      const model = query.state.data;
      if (!model || query.state.error) return false;
      if (waitingFor !== undefined && model.computed_at === waitingFor) return kPollMs;
      return model.stale ? kPollMs : false;
    },
  });
}

export function useShares(model: SegmentModel | undefined, by: SharesBy) {
  return useQuery({
    queryKey: segmentKeys.shares(model?.id ?? 0, by, model?.computed_at ?? null),
    queryFn: ({ signal }) => segmentsApi.shares(model!.id, by, signal),
    enabled: model !== undefined && model.computed_version > 0,
    placeholderData: keepPreviousData,
  });
}

/** The facts' catalog: it changes only with the server. */
export function useFacts() {
  return useQuery({ queryKey: segmentKeys.facts, queryFn: ({ signal }) => segmentsApi.facts(signal), staleTime: Infinity });
}

export function usePresets(enabled = true) {
  return useQuery({ queryKey: segmentKeys.presets, queryFn: ({ signal }) => segmentsApi.presets(signal), staleTime: Infinity, enabled });
}

/**
 * The shares `body` gives (null: nothing to preview yet); the last answer stays shown while the next
 * is read. A 422 (a rule's fault) is the query's error, not retried.
 */
export function usePreview(body: ModelInput | null) {
  return useQuery({
    queryKey: segmentKeys.preview(body ?? {}),
    queryFn: ({ signal }) => segmentsApi.preview(body!, signal),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 60_000,
  });
}

export function useCustomerSegments(customerId: number) {
  return useQuery({ queryKey: segmentKeys.customer(customerId), queryFn: ({ signal }) => segmentsApi.ofCustomer(customerId, signal) });
}

/** After a model was made, changed or computed here: put in place; the list reads again. */
export function modelChanged(queryClient: QueryClient, model: SegmentModel): void {
  queryClient.setQueryData(segmentKeys.detail(model.id), model);
  void queryClient.invalidateQueries({ queryKey: segmentKeys.list });
}

export function useSegmentValues(model: SegmentModel | undefined, by: SharesBy) {
  return useQuery({
    queryKey: segmentKeys.values(model?.id ?? 0, by, model?.computed_at ?? null),
    queryFn: ({ signal }) => segmentsApi.values(model!.id, by, signal),
    enabled: model !== undefined && model.computed_version > 0,
    placeholderData: keepPreviousData,
  });
}

export function useCustomerValue(customerId: number) {
  return useQuery({ queryKey: segmentKeys.customerValue(customerId), queryFn: ({ signal }) => segmentsApi.customerValue(customerId, signal) });
}

/** The assumptions that hold for `orgUnitId` (the caller's unit when undefined). */
export function useValueAssumptions(orgUnitId: number | undefined) {
  return useQuery({ queryKey: segmentKeys.assumptions(orgUnitId), queryFn: ({ signal }) => segmentsApi.assumptions(orgUnitId, signal), placeholderData: keepPreviousData });
}

/**
 * After a unit's assumptions were set or cleared here: put in place; every customer's value and
 * every unit's assumptions (a unit below inherits them) are read again, and the models' values once
 * their computation (queued by the server) has finished.
 */
export function assumptionsChanged(queryClient: QueryClient, view: ValueAssumptions, asked: number | undefined): void {
  queryClient.setQueryData(segmentKeys.assumptions(asked), view);
  void queryClient.invalidateQueries({ queryKey: segmentKeys.assumptionsAll, predicate: (query) => query.queryKey[1] !== (asked ?? 0) });
  void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] === 'customers' && query.queryKey[2] === 'value' });
  void queryClient.invalidateQueries({ queryKey: segmentKeys.all });
}
