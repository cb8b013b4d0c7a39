import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { Button, Tooltip } from 'antd';
import { AlertOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { CountBadge } from '../../../shared/ui/CountBadge';
import { serviceApi } from '../api';
import { serviceKeys } from '../queries';
import type { MassAlertStatus } from '../types';

const kPollMs = 60_000;
/** Counted a page each: past it the badge says "100+". */
const kCounted = 100;
const kUnsettled: readonly MassAlertStatus[] = ['open', 'acknowledged'];

/**
 * The header's 群诉预警 bell: how many mass alerts are still open or acknowledged (not closed),
 * polled every minute; a click opens 群诉预警. Shown only to callers who may read them: a 403
 * hides it.
 */
export function MassAlertBell() {
  const t = useT();
  const navigate = useNavigate();
  const query = useQuery({
    queryKey: serviceKeys.massAlertBell,
    queryFn: async ({ signal }) => {
      const pages = await Promise.all(kUnsettled.map((status) => serviceApi.massAlerts({ status, limit: kCounted }, signal)));
      return {
        open: pages[0].items.length,
        count: pages.reduce((sum, page) => sum + page.items.length, 0),
        more: pages.some((page) => page.next_cursor !== null),
      };
    },
    refetchInterval: kPollMs,
  });
  if (query.error instanceof ApiError && query.error.status === 403) return null;
  const count = query.data?.count ?? 0;
  const label = query.data ? t('massAlert.bellTooltip', { count: `${count}${query.data.more ? '+' : ''}` }) : t('nav.massAlerts');
  return (
    <Tooltip title={label}>
      <Button
        type="text"
        aria-label={label}
        onClick={() => navigate('/mass-alerts')}
        data-testid="mass-alert-bell"
        data-count={query.data ? count : undefined}
        data-more={query.data?.more ? 'true' : undefined}
      >
        <CountBadge count={query.data?.more ? `${count}+` : count} color={query.data?.open ? '#d4380d' : '#1f4fd1'}>
          <AlertOutlined style={{ fontSize: 18 }} />
        </CountBadge>
      </Button>
    </Tooltip>
  );
}
