import { lazy, Suspense, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { Button, Flex, Popover, Spin, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { CountBadge } from '../../../shared/ui/CountBadge';
import { notificationApi } from '../api';
import { notificationKeys } from '../queries';
import type { AppNotification } from '../types';
import { notificationLinks } from '../extensionPoints';

// The panel (its rows, antd's Alert and Empty) is a chunk of its own, loaded when the bell first opens:
// the frame, on every first screen, holds only the bell.
const NotificationPanel = lazy(() => import('./NotificationPanel').then((m) => ({ default: m.NotificationPanel })));

const kPollMs = 30_000;
const kNone: AppNotification[] = [];

/** Where a notification leads (`notificationLinks`), or null when it is about nothing the app has a page for. */
function linkOf(notification: AppNotification): string | null {
  const link = notificationLinks.entries().find((entry) => entry.key === notification.ref_type);
  return link && notification.ref_id !== null ? link.href(notification.ref_id) : null;
}

/** The header's bell: unread notifications, polled every 30 s; opening one marks it read. */
export function NotificationBell() {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  // Polled while the browser tab is visible; the last answer stays when a poll fails.
  const unread = useQuery({
    queryKey: notificationKeys.unread,
    queryFn: async ({ signal }) => (await notificationApi.unread(signal)).items,
    refetchInterval: kPollMs,
  });
  const items = unread.data ?? kNone;
  const failed = unread.isError;

  // Marked read at once here; a plain call rather than useMutation, whose observer (~4 KB gzip) the
  // frame, on every first screen, would otherwise download for this alone.
  const markRead = (notification: AppNotification) => {
    queryClient.setQueryData<AppNotification[]>(notificationKeys.unread, (current) => current?.filter((item) => item.id !== notification.id));
    // Already read elsewhere, or gone: the next poll shows the truth.
    notificationApi.markRead(notification.id).catch(() => {});
  };

  const openOne = (notification: AppNotification) => {
    markRead(notification);
    const link = linkOf(notification);
    if (link) {
      setOpen(false);
      navigate(link);
    }
  };

  const panel = (
    <Suspense
      fallback={
        <Flex justify="center" align="center" style={{ width: 360, maxWidth: 'calc(100vw - 48px)', height: 96 }}>
          <Spin />
        </Flex>
      }
    >
      <NotificationPanel items={items} failed={failed} linkOf={linkOf} onOpen={openOne} onRead={markRead} />
    </Suspense>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('notifications.title')}
      content={panel}
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) void unread.refetch();
      }}
    >
      <Tooltip title={open ? undefined : t('notifications.tooltip', { count: items.length })}>
        <Button type="text" data-testid="notifications-bell" data-count={items.length} aria-label={t('notifications.title')}>
          <CountBadge count={items.length}>
            <BellOutlined style={{ fontSize: 18 }} />
          </CountBadge>
        </Button>
      </Tooltip>
    </Popover>
  );
}
