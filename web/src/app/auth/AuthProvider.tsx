import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, forgetSession, hasSession, onUnauthorized } from '../../shared/api/client';
import { queryClient } from '../../shared/api/queryClient';
import { authApi } from '../../modules/platform/api';
import type { Me, SessionUser } from '../../modules/platform/types';
import { AuthContext, type AuthStatus, type AuthValue } from './authContext';

function fromSessionUser(user: SessionUser): Me {
  return { ...user, org_unit: null, permissions: [] };
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus>(() => (hasSession() ? 'loading' : 'signed_out'));
  const [me, setMe] = useState<Me | null>(null);

  const signOutLocally = useCallback(() => {
    forgetSession();
    // What this user was shown must not be shown to the next one.
    queryClient.clear();
    setMe(null);
    setStatus('signed_out');
  }, []);

  // Any 401 anywhere ends the session; RequireAuth then redirects to /login.
  useEffect(() => {
    onUnauthorized(signOutLocally);
    return () => onUnauthorized(null);
  }, [signOutLocally]);

  const loadMe = useCallback(
    async (fallback?: SessionUser) => {
      try {
        setMe(await authApi.me());
        setStatus('signed_in');
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          signOutLocally();
        } else if (fallback) {
          // /me unavailable for another reason: the login answer is enough to run the shell.
          setMe(fromSessionUser(fallback));
          setStatus('signed_in');
        } else {
          setStatus((current) => (current === 'signed_in' ? current : 'error'));
        }
      }
    },
    [signOutLocally],
  );

  useEffect(() => {
    if (hasSession()) void loadMe();
  }, [loadMe]);

  const login = useCallback(
    async (username: string, password: string) => {
      // The answer's token is also in the HttpOnly session cookie the server set: it is not kept here.
      const answer = await authApi.login(username, password);
      await loadMe(answer.user);
    },
    [loadMe],
  );

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } catch {
      // The session is forgotten here either way.
    }
    signOutLocally();
  }, [signOutLocally]);

  const refresh = useCallback(async () => {
    setStatus((current) => (current === 'error' ? 'loading' : current));
    await loadMe();
  }, [loadMe]);

  const value = useMemo<AuthValue>(
    () => ({ status, me, login, logout, refresh }),
    [status, me, login, logout, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
