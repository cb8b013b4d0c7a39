import { useCallback, useEffect, useLayoutEffect, useRef, useState, type DependencyList } from 'react';
import { App } from 'antd';
import { useT } from '../../app/i18n/useT';
import { errorMessage } from '../../shared/ui/apiErrors';

export interface ConfigList<T> {
  items: T[];
  loading: boolean;
  error: unknown;
  /** Reads the list again. */
  reload: () => Promise<void>;
  /** Puts a created record at the end, without a round trip. */
  add: (item: T) => void;
  /** Deletes on the server, then from the list, and says so (or why not). */
  remove: (item: T) => Promise<void>;
}

/**
 * A list of service configuration records read in one call (routing rules, SLA policies, standard
 * answers…): read on mount and whenever `deps` change (the filters `read` closes over); an answer
 * that a later read overtook is dropped. `deleted` is the message after a successful delete.
 */
export function useConfigList<T extends { id: number }>(
  { read, destroy, deleted }: { read: () => Promise<T[]>; destroy: (item: T) => Promise<unknown>; deleted: (item: T) => string },
  deps: DependencyList,
): ConfigList<T> {
  const t = useT();
  const { message } = App.useApp();
  const [items, setItems] = useState<T[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  // The latest read, so reloads always use the current filters.
  const readRef = useRef(read);
  useLayoutEffect(() => {
    readRef.current = read;
  });

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const list = await readRef.current();
      if (mine !== generation.current) return;
      setItems(list);
      setError(null);
    } catch (err) {
      if (mine === generation.current) setError(err);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);
  useEffect(() => {
    void reload();
    // The caller's deps stand for read, which is read through readRef.
  }, [reload, ...deps]);

  const add = useCallback((item: T) => setItems((current) => [...current, item]), []);
  const remove = async (item: T) => {
    try {
      await destroy(item);
      setItems((current) => current.filter((i) => i.id !== item.id));
      void message.success(deleted(item));
    } catch (err) {
      void message.error(errorMessage(t, err));
    }
  };
  return { items, loading, error, reload, add, remove };
}
