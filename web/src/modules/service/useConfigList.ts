import { App } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
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
  /** Puts a changed record in its place (or at the end when it is new), without a round trip. */
  replace: (item: T) => void;
  /** Deletes on the server, then from the list, and says so (or why not). */
  remove: (item: T) => Promise<void>;
}

/**
 * A list of service configuration records read in one call (routing rules, SLA policies, standard
 * answers…) under `queryKey` (put the filters in it): read on mount and whenever the key changes.
 * `deleted` is the message after a successful delete.
 */
export function useConfigList<T extends { id: number }>({
  queryKey,
  read,
  destroy,
  deleted,
}: {
  queryKey: QueryKey;
  read: (signal: AbortSignal) => Promise<T[]>;
  destroy: (item: T) => Promise<unknown>;
  deleted: (item: T) => string;
}): ConfigList<T> {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // Until the answer for new filters comes, the records read before stay on screen.
  const query = useQuery({ queryKey, queryFn: ({ signal }) => read(signal), placeholderData: keepPreviousData });
  const setItems = (update: (items: T[]) => T[]) => queryClient.setQueryData<T[]>(queryKey, (current) => update(current ?? []));
  const removal = useMutation({
    mutationFn: destroy,
    onSuccess: (_, item) => {
      setItems((current) => current.filter((i) => i.id !== item.id));
      void message.success(deleted(item));
    },
    onError: (err) => void message.error(errorMessage(t, err)),
  });
  return {
    items: query.data ?? [],
    loading: query.isFetching,
    error: query.error,
    reload: async () => {
      await query.refetch();
    },
    add: (item) => setItems((current) => [...current, item]),
    replace: (item) => setItems((current) => (current.some((i) => i.id === item.id) ? current.map((i) => (i.id === item.id ? item : i)) : [...current, item])),
    remove: async (item) => {
      await removal.mutateAsync(item).catch(() => undefined);
    },
  };
}
