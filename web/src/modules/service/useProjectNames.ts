import { useEffect, useState } from 'react';
import { inventoryApi } from '../inventory/api';

/** The first 500 projects' names by id, for conditions that name a project (routing rules). */
export function useProjectNames(): Map<number, string> {
  const [names, setNames] = useState<Map<number, string>>(() => new Map());
  useEffect(() => {
    const controller = new AbortController();
    inventoryApi.listProjects({ limit: 500 }, controller.signal).then(
      (page) => setNames(new Map(page.items.map((p) => [p.id, p.name]))),
      () => {},
    );
    return () => controller.abort();
  }, []);
  return names;
}
