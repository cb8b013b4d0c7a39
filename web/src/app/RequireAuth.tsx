import { lazy, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Button, Flex, Spin, Typography } from 'antd';
import { ExclamationCircleFilled } from '@ant-design/icons';
import { useAuth } from './auth/useAuth';
import { hasAnyRole } from './auth/authContext';
import { useT } from './i18n/useT';

// antd's Result brings its 403/404/500 pictures (~30 kB) with it: the 403 page loads when shown.
const ForbiddenPage = lazy(() => import('./ForbiddenPage').then((m) => ({ default: m.ForbiddenPage })));

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
    // Drawn like antd's Result (status warning) without it: the server, and so any chunk, is out of reach.
    return (
      <Flex vertical align="center" gap={24} style={{ padding: '48px 32px', textAlign: 'center' }}>
        <ExclamationCircleFilled style={{ fontSize: 72, color: '#faad14' }} />
        <Typography.Text style={{ fontSize: 24 }}>{t('error.network')}</Typography.Text>
        <Button type="primary" onClick={() => void refresh()}>
          {t('common.retry')}
        </Button>
      </Flex>
    );
  }
  return <>{children}</>;
}

/** Renders children only for users holding one of `roles`; others see a 403 page. */
export function RequireRole({ roles, children }: { roles: readonly string[]; children: ReactNode }) {
  const { me } = useAuth();
  if (!hasAnyRole(me, roles)) return <ForbiddenPage />;
  return <>{children}</>;
}
