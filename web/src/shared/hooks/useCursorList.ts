import { useMemo, type SetStateAction } from 'react';
import { keepPreviousData, useInfiniteQuery, useQueryClient, type InfiniteData, type QueryKey } from '@tanstack/react-query';
import type { Page } from '../api/client';

/** Reads one page: the first when `cursor` is null, else the one `next_cursor` pointed at. */
export type FetchPage<T> = (cursor: string | null, signal: AbortSignal) => Promise<Page<T>>;

export interface CursorList<T> {
  /** Every item read so far, pages in order. */
  items: T[];
  /**
   * The pages read so far, as the server answered them (with what a list answers beside its items,
   * e.g. a search's total: the caller knows its answer's type).
   */
  pages: readonly Page<T>[];
  /** Puts a created or changed item in place without a round trip. */
  setItems: (update: SetStateAction<T[]>) => void;
  /** The cursor of the next page; null once the list has ended. */
  nextCursor: string | null;
  loading: boolean;
  error: unknown;
  /** Appends the next page, if there is one. */
  loadMore: () => Promise<void>;
  /** Reads the first page again, replacing the items. */
  reload: () => Promise<void>;
}

type Pages<T> = InfiniteData<Page<T>, string | null>;

/**
 * A cursor-paged list ("load more") as an infinite query under `queryKey`: the first page is read
 * on mount and whenever the key changes (put the filters in it); until the new answer comes the
 * items read before stay on screen, unless `keepPrevious` is false. Invalidating the key reads it again.
 */
export function useCursorList<T>(queryKey: QueryKey, fetchPage: FetchPage<T>, { keepPrevious = true } = {}): CursorList<T> {
  const queryClient = useQueryClient();
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last: Page<T>) => last.next_cursor ?? undefined,
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  });
  const { data, error, isFetching, hasNextPage, fetchNextPage, refetch } = query;
  const items = useMemo(() => data?.pages.flatMap((page) => page.items) ?? [], [data]);
  const pages = data?.pages ?? [];

  /** Keeps only the first page, so that reading again reads that one alone. */
  const firstPageOnly = (current: Pages<T> | undefined) =>
    current && current.pages.length > 1 ? { pages: current.pages.slice(0, 1), pageParams: current.pageParams.slice(0, 1) } : current;

  return {
    items,
    pages,
    setItems: (update) =>
      queryClient.setQueryData<Pages<T>>(queryKey, (current) => {
        if (!current) return current;
        const next = typeof update === 'function' ? update(current.pages.flatMap((page) => page.items)) : update;
        // One page holding every item, ending where the last page read ended; what the first page
        // answered beside its items (a total) stays.
        const last = current.pages[current.pages.length - 1];
        return { pages: [{ ...current.pages[0], items: next, next_cursor: last.next_cursor }], pageParams: [null] };
      }),
    nextCursor: hasNextPage ? (pages[pages.length - 1]?.next_cursor ?? null) : null,
    loading: isFetching,
    error,
    loadMore: async () => {
      if (hasNextPage) await fetchNextPage();
    },
    reload: async () => {
      queryClient.setQueryData<Pages<T>>(queryKey, firstPageOnly);
      await refetch();
    },
  };
}
