import { useCallback, useEffect, useMemo, useState } from 'react';
import { orgUnitApi } from './api';
import { buildOrgTree, type OrgTreeNode } from './orgTree';
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

/** Every org unit the caller may see, as a list, a map and a tree. */
export function useOrgUnits(): OrgUnitsState {
  const [units, setUnits] = useState<OrgUnit[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const { items } = await orgUnitApi.listAll();
      setUnits(items);
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const upsert = useCallback((unit: OrgUnit) => {
    setUnits((list) => {
      const index = list.findIndex((item) => item.id === unit.id);
      if (index < 0) return [...list, unit];
      const copy = list.slice();
      copy[index] = unit;
      return copy;
    });
  }, []);

  const byId = useMemo(() => new Map(units.map((unit) => [unit.id, unit])), [units]);
  const tree = useMemo(() => buildOrgTree(units), [units]);
  return { units, byId, tree, loading, error, reload, upsert };
}
