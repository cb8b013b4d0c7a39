// The delivery module's server data in the query cache (shared/api/queryClient.ts).
import { useMemo } from 'react';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { inventoryApi } from '../inventory/api';
import { projectKeys, unitKeys } from '../inventory/queries';
import type { Unit } from '../inventory/types';
import { customerKeys } from '../customers/queries';
import { ticketKeys } from '../service/queries';
import { deliveryApi } from './api';
import type { BatchQuery, DeliveryBatch, Finding, FindingQuery, Handover, HandoverQuery, OpenDayQuery } from './types';

export const batchKeys = {
  all: ['delivery-batches'] as const,
  list: (query: BatchQuery) => ['delivery-batches', 'list', query] as const,
  detail: (id: number) => ['delivery-batches', id] as const,
  inspections: (id: number) => ['delivery-batches', id, 'inspections'] as const,
};

export const findingKeys = {
  all: ['findings'] as const,
  list: (query: FindingQuery) => ['findings', 'list', query] as const,
};

export const openDayKeys = {
  all: ['open-days'] as const,
  list: (query: OpenDayQuery) => ['open-days', 'list', query] as const,
};

export const handoverKeys = {
  all: ['handovers'] as const,
  list: (query: HandoverQuery) => ['handovers', 'list', query] as const,
  detail: (id: number) => ['handovers', id] as const,
};

/** Every unit of a project (one page), kept with the project's: what the units of a batch or a booking are chosen from. */
const projectUnitsKey = (projectId: number) => [...projectKeys.detail(projectId), 'units', 'delivery'] as const;

const kNoUnits: Unit[] = [];

/** A project's units (every one, one page), with a map by id; off until there is a project. */
export function useProjectUnits(projectId: number | undefined) {
  const query = useQuery({
    queryKey: projectUnitsKey(projectId ?? 0),
    queryFn: async () => (await inventoryApi.listUnits(projectId!, {})).items,
    enabled: projectId !== undefined,
    staleTime: 30_000,
  });
  const units = query.data ?? kNoUnits;
  const byId = useMemo(() => new Map(units.map((unit) => [unit.id, unit])), [units]);
  return { units, byId, loading: query.isLoading && projectId !== undefined, error: query.error };
}

export function useBatch(id: number) {
  return useQuery({ queryKey: batchKeys.detail(id), queryFn: ({ signal }) => deliveryApi.getBatch(id, signal) });
}

export function useInspections(batchId: number) {
  return useQuery({ queryKey: batchKeys.inspections(batchId), queryFn: async ({ signal }) => (await deliveryApi.inspections(batchId, signal)).items });
}

export function useHandover(id: number) {
  return useQuery({ queryKey: handoverKeys.detail(id), queryFn: ({ signal }) => deliveryApi.getHandover(id, signal) });
}

/** After a batch changed here (created, released): put in place, the lists read again. */
export function batchChanged(queryClient: QueryClient, batch: DeliveryBatch): void {
  queryClient.setQueryData(batchKeys.detail(batch.id), batch);
  void queryClient.invalidateQueries({ queryKey: [...batchKeys.all, 'list'] });
  // Release notes each unit's history.
  for (const id of batch.unit_ids ?? []) void queryClient.invalidateQueries({ queryKey: unitKeys.history(id), exact: true });
}

/**
 * After an inspection or a finding changed here: the batch (its gates, its counts), its inspections
 * (their counts) and the findings' lists read again, and the history of the finding's unit.
 */
export function findingsChanged(queryClient: QueryClient, batchId: number, finding?: Finding): void {
  void queryClient.invalidateQueries({ queryKey: batchKeys.detail(batchId) });
  void queryClient.invalidateQueries({ queryKey: [...batchKeys.all, 'list'] });
  void queryClient.invalidateQueries({ queryKey: findingKeys.all });
  if (finding) void queryClient.invalidateQueries({ queryKey: unitKeys.history(finding.unit_id), exact: true });
}

/** After an open day changed here: the lists, and the batches (their open-day gates). */
export function openDayChanged(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: openDayKeys.all });
  void queryClient.invalidateQueries({ queryKey: batchKeys.all });
}

/**
 * After a handover changed here (booked, a step, cancelled): put in place; the desk's lists read
 * again; its unit (delivered at the keys, its history), its project's boards and units, the owner's
 * timeline and units, and the repair tickets the inspection opened.
 */
export function handoverChanged(queryClient: QueryClient, handover: Handover): void {
  queryClient.setQueryData(handoverKeys.detail(handover.id), handover);
  void queryClient.invalidateQueries({ queryKey: [...handoverKeys.all, 'list'] });
  void queryClient.invalidateQueries({ queryKey: unitKeys.detail(handover.unit_id) });
  void queryClient.invalidateQueries({ queryKey: projectKeys.boards(handover.project_id) });
  void queryClient.invalidateQueries({ queryKey: [...projectKeys.detail(handover.project_id), 'units'] });
  if (handover.batch_id !== null) void queryClient.invalidateQueries({ queryKey: batchKeys.detail(handover.batch_id) });
  if (handover.customer_id !== null) void queryClient.invalidateQueries({ queryKey: customerKeys.detail(handover.customer_id) });
  if (handover.ticket_ids.length) void queryClient.invalidateQueries({ queryKey: [...ticketKeys.all, 'list'] });
}
