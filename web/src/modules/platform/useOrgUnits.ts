import { useCallback, useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { orgUnitApi } from './api';
import { buildOrgTree, type OrgTreeNode } from './orgTree';
import { orgUnitKeys } from './queries';
import type { OrgUnit } from './types';

export interface OrgUnitsState {
  units: OrgUnit[];
  byId: Map<number, OrgUnit>;
  tree: OrgTreeNode[];
  loading: boolean;
  error: unknown;
  reload: () => Promise<void>;
  /** Puts a created or changed unit in place without a round trip. */
  upsert: (unit: OrgUnit) => void;
}

const kNone: OrgUnit[] = [];

/** Every org unit the caller may see, as a list, a map and a tree. */
export function useOrgUnits(): OrgUnitsState {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: orgUnitKeys.all,
    queryFn: async ({ signal }) => (await orgUnitApi.listAll(signal)).items,
  });
  const units = query.data ?? kNone;
  const { refetch } = query;

  const upsert = useCallback(
    (unit: OrgUnit) =>
      queryClient.setQueryData<OrgUnit[]>(orgUnitKeys.all, (list = []) =>
        list.some((item) => item.id === unit.id) ? list.map((item) => (item.id === unit.id ? unit : item)) : [...list, unit],
      ),
    [queryClient],
  );
  const reload = useCallback(async () => {
    await refetch();
  }, [refetch]);

  const byId = useMemo(() => new Map(units.map((unit) => [unit.id, unit])), [units]);
  const tree = useMemo(() => buildOrgTree(units), [units]);
  return { units, byId, tree, loading: query.isFetching, error: query.error, reload, upsert };
}
