import { useCallback, useEffect, useLayoutEffect, useRef, useState, type DependencyList, type Dispatch, type SetStateAction } from 'react';
import type { Page } from '../api/client';

/** Reads one page: the first when `cursor` is null, else the one `next_cursor` pointed at. */
export type FetchPage<T> = (cursor: string | null) => Promise<Page<T>>;

export interface CursorList<T> {
  /** Every item read so far, pages in order. */
  items: T[];
  /** Puts a created or changed item in place without a round trip. */
  setItems: Dispatch<SetStateAction<T[]>>;
  /** The cursor of the next page; null once the list has ended. */
  nextCursor: string | null;
  loading: boolean;
  error: unknown;
  /** Appends the next page, if there is one. */
  loadMore: () => Promise<void>;
  /** Reads the first page again, replacing the items. */
  reload: () => Promise<void>;
}

/**
 * A cursor-paged list ("load more"): reads the first page on mount and again whenever `deps`
 * change (e.g. the filters `fetchPage` closes over). An answer that a later load overtook is dropped.
 */
export function useCursorList<T>(fetchPage: FetchPage<T>, deps: DependencyList): CursorList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  // The latest fetchPage, so loads always use the current filters.
  const fetchRef = useRef(fetchPage);
  useLayoutEffect(() => {
    fetchRef.current = fetchPage;
  });

  const load = useCallback(async (after: string | null) => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const page = await fetchRef.current(after);
      if (mine !== generation.current) return;
      setItems((list) => (after ? [...list, ...page.items] : page.items));
      setNextCursor(page.next_cursor);
      setError(null);
    } catch (err) {
      if (mine === generation.current) setError(err);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  const reload = useCallback(() => load(null), [load]);
  const loadMore = useCallback(async () => {
    if (nextCursor) await load(nextCursor);
  }, [load, nextCursor]);

  useEffect(() => {
    void reload();
    // The caller's deps stand for fetchPage, which is read through fetchRef.
  }, [reload, ...deps]);

  return { items, setItems, nextCursor, loading, error, loadMore, reload };
}
