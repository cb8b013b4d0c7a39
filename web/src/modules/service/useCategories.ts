import { useCallback, useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from './api';
import { serviceKeys } from './queries';
import type { TicketCategory } from './types';

export interface CategoryNode {
  value: number;
  title: string;
  children: CategoryNode[];
}

const kNone: TicketCategory[] = [];

/** The ticket categories as the server lists them (every one, active or not); `upsert` puts a saved one in place. */
export function useCategoryList() {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: serviceKeys.categories, queryFn: async () => (await serviceApi.categories()).items });
  const upsert = useCallback(
    (category: TicketCategory) =>
      queryClient.setQueryData<TicketCategory[]>(serviceKeys.categories, (current = []) =>
        current.some((c) => c.id === category.id) ? current.map((c) => (c.id === category.id ? category : c)) : [...current, category],
      ),
    [queryClient],
  );
  return { items: query.data ?? kNone, loading: query.isFetching, error: query.error, reload: query.refetch, upsert };
}

/** The ticket categories (渗漏 › 屋面渗漏, …): by id, and as a tree of the active ones for a TreeSelect. */
export function useCategories() {
  const { items, error } = useCategoryList();
  return useMemo(() => {
    const byId = new Map(items.map((c) => [c.id, c]));
    const nodes = new Map<number, CategoryNode>();
    const active = items.filter((c) => c.active).sort((a, b) => a.position - b.position || a.id - b.id);
    for (const c of active) nodes.set(c.id, { value: c.id, title: c.name, children: [] });
    const tree: CategoryNode[] = [];
    for (const c of active) {
      const node = nodes.get(c.id)!;
      const parent = c.parent_id === null ? undefined : nodes.get(c.parent_id);
      if (parent) parent.children.push(node);
      else if (c.parent_id === null || !byId.has(c.parent_id)) tree.push(node);
    }
    /** "渗漏 › 屋面渗漏" */
    const path = (id: number | null | undefined): string => {
      const names: string[] = [];
      let c = id === null || id === undefined ? undefined : byId.get(id);
      for (let guard = 0; c && guard < 10; guard += 1) {
        names.unshift(c.name);
        c = c.parent_id === null ? undefined : byId.get(c.parent_id);
      }
      return names.join(' › ');
    };
    return { items, byId, tree, path, error };
  }, [items, error]);
}
