import { useEffect, useMemo, useState } from 'react';
import { userApi } from '../platform/api';
import type { User } from '../platform/types';

/** The users in scope (the first 5000), by id, for picking people and naming them (处理人, 审批人). */
export function useUsers() {
  const [users, setUsers] = useState<User[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const controller = new AbortController();
    userApi.listAll(controller.signal).then(
      ({ items }) => setUsers(items),
      (err) => !controller.signal.aborted && setError(err),
    );
    return () => controller.abort();
  }, []);
  return useMemo(() => {
    const byId = new Map(users.map((u) => [u.id, u]));
    /** "客服专员 李娜" or "#3" while the list is loading or the user is out of scope. */
    const name = (id: number | null | undefined) => {
      if (id === null || id === undefined) return '';
      return byId.get(id)?.display_name || `#${id}`;
    };
    /** Active users as Select options: display name, with the username to tell namesakes apart. */
    const options = users.filter((u) => !u.disabled).map((u) => ({ value: u.id, label: `${u.display_name}（${u.username}）` }));
    return { users, byId, name, options, error };
  }, [users, error]);
}

export type Users = ReturnType<typeof useUsers>;
