import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Badge, Button, Empty, Flex, List, Popover, Tooltip, Typography } from 'antd';
import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { notificationApi } from '../api';
import type { AppNotification } from '../types';

const kPollMs = 30_000;

/** Where a notification leads, or null when it is about nothing the app has a page for. */
function linkOf(notification: AppNotification): string | null {
  if (notification.ref_type === 'ticket' && notification.ref_id !== null) return `/tickets/${notification.ref_id}`;
  return null;
}

/** The header's bell: unread notifications, polled every 30 s; opening one marks it read. */
export function NotificationBell() {
  const t = useT();
  const navigate = useNavigate();
  const [items, setItems] = useState<AppNotification[]>([]);
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState(false);

  const poll = useCallback(async (signal?: AbortSignal) => {
    try {
      const page = await notificationApi.unread(signal);
      setItems(page.items);
      setFailed(false);
    } catch (err) {
      if (!(err instanceof DOMException && err.name === 'AbortError')) setFailed(true);
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void poll(controller.signal);
    const timer = window.setInterval(() => {
      if (!document.hidden) void poll(controller.signal);
    }, kPollMs);
    return () => {
      window.clearInterval(timer);
      controller.abort();
    };
  }, [poll]);

  const markRead = async (notification: AppNotification) => {
    setItems((current) => current.filter((item) => item.id !== notification.id));
    try {
      await notificationApi.markRead(notification.id);
    } catch {
      // Already read elsewhere, or gone: the next poll shows the truth.
    }
  };

  const openOne = (notification: AppNotification) => {
    void markRead(notification);
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
                      void markRead(item);
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
        if (next) void poll();
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
