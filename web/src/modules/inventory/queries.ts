// The inventory module's server data in the query cache (shared/api/queryClient.ts).
import { useMemo } from 'react';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { customerKeys } from '../customers/queries';
import { inventoryApi } from './api';
import type { UnitWithOwners } from './types';

export const projectKeys = {
  all: ['projects'] as const,
  list: ['projects', 'list'] as const,
  /** The first 500 projects' names, for naming a project (routing rules, reports). */
  names: ['projects', 'names'] as const,
  detail: (id: number) => ['projects', id] as const,
  /** Every board of the project (one per building). */
  boards: (id: number) => ['projects', id, 'board'] as const,
  board: (id: number, building: string | undefined) => ['projects', id, 'board', building ?? ''] as const,
};

export const unitKeys = {
  detail: (id: number) => ['units', id] as const,
  history: (id: number) => ['units', id, 'history'] as const,
  /** The units a customer owns: kept with the customer (its page invalidates them with it). */
  ofCustomer: (customerId: number) => customerKeys.related(customerId, 'units'),
};

/** The units a customer owns, with their share (the customer page's 房产 tab, the incoming-call form). */
export const customerUnitsQuery = (customerId: number) =>
  queryOptions({
    queryKey: unitKeys.ofCustomer(customerId),
    queryFn: async ({ signal }) => (await inventoryApi.unitsOfCustomer(customerId, signal)).items,
  });

export function useCustomerUnits(customerId: number | undefined) {
  return useQuery({ ...customerUnitsQuery(customerId ?? 0), enabled: customerId !== undefined });
}

const kNoNames = new Map<number, string>();

/** The first 500 projects' names by id, for conditions and figures that name a project. */
export function useProjectNames(): Map<number, string> {
  const { data } = useQuery({
    queryKey: projectKeys.names,
    queryFn: async ({ signal }) => (await inventoryApi.listProjects({ limit: 500 }, signal)).items,
  });
  return useMemo(() => (data ? new Map(data.map((p) => [p.id, p.name])) : kNoNames), [data]);
}

/**
 * After a unit changed here (status, owners): puts it in place and reads again what shows it (its
 * history, its project's boards, the units tab of its owners and of former owners).
 */
export function unitChanged(queryClient: QueryClient, unit: UnitWithOwners): void {
  queryClient.setQueryData(unitKeys.detail(unit.id), unit);
  void queryClient.invalidateQueries({ queryKey: unitKeys.history(unit.id) });
  void queryClient.invalidateQueries({ queryKey: projectKeys.boards(unit.project_id) });
  void queryClient.invalidateQueries({ queryKey: customerKeys.all, predicate: (query) => query.queryKey[2] === 'units' });
}
