import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { Alert, Badge, Button, Empty, Flex, List, Popover, Tooltip, Typography } from 'antd';
import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { notificationApi } from '../api';
import { notificationKeys } from '../queries';
import type { AppNotification } from '../types';
import { notificationLinks } from '../extensionPoints';

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

  const read = useMutation({
    mutationFn: (notification: AppNotification) => notificationApi.markRead(notification.id),
    onMutate: (notification) =>
      queryClient.setQueryData<AppNotification[]>(notificationKeys.unread, (current) => current?.filter((item) => item.id !== notification.id)),
    // Already read elsewhere, or gone: the next poll shows the truth.
  });
  const markRead = (notification: AppNotification) => read.mutate(notification);

  const openOne = (notification: AppNotification) => {
    markRead(notification);
    const link = linkOf(notification);
    if (link) {
      setOpen(false);
      navigate(link);
    }
  };

  const panel = (
    <div style={{ width: 360, maxHeight: 440, overflowY: 'auto' }} data-testid="notifications-panel">
      {failed && <Alert type="warning" showIcon title={t('notifications.loadFailed')} style={{ marginBottom: 8 }} />}
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(item) => (
            <List.Item
              key={item.id}
              data-testid="notification"
              data-id={item.id}
              style={{ cursor: 'pointer', alignItems: 'flex-start' }}
              onClick={() => openOne(item)}
              actions={[
                <Tooltip key="read" title={t('notifications.markRead')}>
                  <Button
                    type="text"
                    size="small"
                    icon={<CheckOutlined />}
                    aria-label={t('notifications.markRead')}
                    onClick={(event) => {
                      event.stopPropagation();
                      markRead(item);
                    }}
                  />
                </Tooltip>,
              ]}
            >
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong>{item.title}</Typography.Text>
                {item.body && <Typography.Paragraph style={{ margin: '2px 0', fontSize: 13 }}>{item.body}</Typography.Paragraph>}
                <Flex gap={8} style={{ fontSize: 12 }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(item.created_at)}
                  </Typography.Text>
                  {linkOf(item) && <Typography.Link style={{ fontSize: 12 }}>{t('notifications.open')}</Typography.Link>}
                </Flex>
              </div>
            </List.Item>
          )}
        />
      )}
    </div>
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
          <Badge count={items.length} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        </Button>
      </Tooltip>
    </Popover>
  );
}
