import { Alert, Button, Empty, Flex, Tooltip, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { formatDateTime } from '../../../shared/ui/formatTime';
import type { AppNotification } from '../types';

/**
 * The bell's panel (NotificationBell), a chunk loaded when it first opens: the unread notifications
 * one under the other, each opening its record on a click, with a button that only marks it read.
 * Plain rows rather than antd's List, which brings Pagination, Select and a virtual list.
 */
export function NotificationPanel({
  items,
  failed,
  linkOf,
  onOpen,
  onRead,
}: {
  items: readonly AppNotification[];
  failed: boolean;
  linkOf: (notification: AppNotification) => string | null;
  onOpen: (notification: AppNotification) => void;
  onRead: (notification: AppNotification) => void;
}) {
  const t = useT();
  return (
    <div style={{ width: 360, maxWidth: 'calc(100vw - 48px)', maxHeight: 440, overflowY: 'auto' }} data-testid="notifications-panel">
      {failed && <Alert type="warning" showIcon title={t('notifications.loadFailed')} style={{ marginBottom: 8 }} />}
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <div role="list">
          {items.map((item, index) => (
            <Flex
              key={item.id}
              role="listitem"
              align="flex-start"
              gap={8}
              data-testid="notification"
              data-id={item.id}
              onClick={() => onOpen(item)}
              style={{ padding: '8px 4px', cursor: 'pointer', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }}
            >
              <div style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
                <Typography.Text strong>{item.title}</Typography.Text>
                {item.body && <Typography.Paragraph style={{ margin: '2px 0', fontSize: 13 }}>{item.body}</Typography.Paragraph>}
                <Flex gap={8} style={{ fontSize: 12 }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(item.created_at)}
                  </Typography.Text>
                  {linkOf(item) && <Typography.Link style={{ fontSize: 12 }}>{t('notifications.open')}</Typography.Link>}
                </Flex>
              </div>
              <Tooltip title={t('notifications.markRead')}>
                <Button
                  type="text"
                  size="small"
                  icon={<CheckOutlined />}
                  aria-label={t('notifications.markRead')}
                  style={{ flex: 'none' }}
                  onClick={(event) => {
                    event.stopPropagation();
                    onRead(item);
                  }}
                />
              </Tooltip>
            </Flex>
          ))}
        </div>
      )}
    </div>
  );
}
