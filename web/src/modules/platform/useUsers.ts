import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { userApi } from './api';
import { userKeys } from './queries';
import type { User } from './types';

const kNone: User[] = [];

/** The users in scope (the first 5000), by id, for picking people and naming them (处理人, 审批人). */
export function useUsers() {
  const query = useQuery({ queryKey: userKeys.everyone, queryFn: async ({ signal }) => (await userApi.listAll(signal)).items });
  const users = query.data ?? kNone;
  const error = query.error;
  return useMemo(() => {
    const byId = new Map(users.map((u) => [u.id, u]));
    /**
     * "客服专员 李娜", or `fallback` (a word such as 工作人员, never the number) while the list is
     * loading or the user is out of the caller's scope; '' for no user.
     */
    const name = (id: number | null | undefined, fallback = '') => {
      if (id === null || id === undefined) return '';
      return byId.get(id)?.display_name || fallback;
    };
    /** Active users as Select options: display name, with the username to tell namesakes apart. */
    const options = users.filter((u) => !u.disabled).map((u) => ({ value: u.id, label: `${u.display_name}（${u.username}）` }));
    /** Like `options`, of the active users `fits` keeps (e.g. those who may be given a ticket). */
    const optionsOf = (fits: (user: User) => boolean) =>
      users.filter((u) => !u.disabled && fits(u)).map((u) => ({ value: u.id, label: `${u.display_name}（${u.username}）` }));
    return { users, byId, name, options, optionsOf, error };
  }, [users, error]);
}

export type Users = ReturnType<typeof useUsers>;
