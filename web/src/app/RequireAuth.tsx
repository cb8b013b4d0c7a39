import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Button, Flex, Result, Spin } from 'antd';
import { useAuth } from './auth/useAuth';
import { hasAnyRole } from './auth/authContext';
import { useT } from './i18n/useT';

export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/** Renders children only for a signed-in user; otherwise goes to /login and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, refresh } = useAuth();
  const location = useLocation();
  const t = useT();
  if (status === 'loading') return <FullPageSpin />;
  if (status === 'signed_out') return <Navigate to="/login" replace state={{ from: location }} />;
  if (status === 'error') {
    return (
      <Result
        status="warning"
        title={t('error.network')}
        extra={
          <Button type="primary" onClick={() => void refresh()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  return <>{children}</>;
}

/** Renders children only for users holding one of `roles`; others see a 403 page. */
export function RequireRole({ roles, children }: { roles: readonly string[]; children: ReactNode }) {
  const { me } = useAuth();
  const t = useT();
  if (!hasAnyRole(me, roles)) {
    return <Result status="403" title={t('forbidden.title')} subTitle={t('forbidden.subtitle')} />;
  }
  return <>{children}</>;
}
