import { Alert, Empty, Flex, List, Spin, Tag, Typography } from 'antd';
import { ToolOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { CursorListFooter } from '../../../shared/ui/CursorTable';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { customerApi } from '../api';
import { kTimelineColors } from '../labels';

const kPageSize = 20;

/**
 * The customer page's 工单 tab. Until the service-centre module lands, it lists what the timeline
 * recorded as tickets (kind "ticket"), newest first, and says so; it invents nothing.
 */
export function CustomerTickets({ customerId, refreshKey }: { customerId: number; refreshKey: number }) {
  const t = useT();
  const events = useCursorList(
    (cursor) => customerApi.timeline(customerId, { kind: 'ticket', cursor, limit: kPageSize }),
    [customerId, refreshKey],
  );
  const color = kTimelineColors.ticket;

  return (
    <div data-testid="customer-tickets">
      <Alert type="info" showIcon title={t('customer.ticketsInterim')} style={{ marginBottom: 16 }} />
      {!!events.error && <Alert type="error" showIcon title={errorMessage(t, events.error)} style={{ marginBottom: 16 }} />}
      {events.items.length === 0 ? (
        events.loading ? (
          <Flex justify="center" style={{ padding: 48 }}>
            <Spin />
          </Flex>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.ticketsEmpty')} data-testid="customer-tickets-empty" />
        )
      ) : (
        <>
          <List
            itemLayout="horizontal"
            dataSource={events.items}
            renderItem={(event) => (
              <List.Item key={event.id ?? event.at} data-testid="ticket-event">
                <Flex gap={12} align="center" style={{ width: '100%' }}>
                  <ToolOutlined style={{ color, fontSize: 16 }} />
                  <Tag style={{ marginInlineEnd: 0, color, borderColor: `${color}66`, background: `${color}0d` }}>{t('timelineKind.ticket')}</Tag>
                  <Typography.Text style={{ flex: 1 }}>{event.summary}</Typography.Text>
                  {event.ref_type && event.ref_id !== null && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{`${event.ref_type} #${event.ref_id}`}</Typography.Text>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                    {formatDateTime(event.at)}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
          <CursorListFooter list={events} />
        </>
      )}
    </div>
  );
}
