import { Link } from 'react-router-dom';
import { Flex, Grid, Tag, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { CursorListFooter, CursorTable } from '../../../shared/ui/CursorTable';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { serviceApi } from '../api';
import { workOrderKeys } from '../queries';
import { kWorkOrderStatusColors, workOrderStatusLabel } from '../labels';
import type { WorkOrder } from '../types';

const kPageSize = 20;
const minutes = (at: string | null) => (at ? formatDateTime(at).slice(0, 16) : '');

function WorkOrderStatusTag({ order }: { order: WorkOrder }) {
  const t = useT();
  return (
    <Tag color={kWorkOrderStatusColors[order.status] ?? 'default'} style={{ marginInlineEnd: 0 }} data-status={order.status}>
      {workOrderStatusLabel(t, order.status)}
    </Tag>
  );
}

function TicketLink({ order }: { order: WorkOrder }) {
  return (
    <Link to={`/tickets/${order.ticket_id}`} data-testid={`work-order-ticket-${order.id}`}>
      {order.ticket_title}
    </Link>
  );
}

/**
 * The customer page's 预约上门 tab (a `customerTabs` entry): the customer's repair appointments and
 * visits, newest appointment first: when, by which contractor, where it stands, and the ticket it
 * repairs (a link). A list on a phone.
 */
export function CustomerWorkOrders({ customerId }: { customerId: number }) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const orders = useCursorList(workOrderKeys.ofCustomer(customerId), (cursor, signal) =>
    serviceApi.workOrderList({ customer_id: customerId, limit: kPageSize, cursor }, signal),
  );

  const columns: TableColumnsType<WorkOrder> = [
    {
      title: t('workOrder.appointment'),
      dataIndex: 'appointment_at',
      key: 'appointment_at',
      width: 150,
      render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{minutes(at)}</span>,
    },
    { title: t('workOrder.contractor'), dataIndex: 'contractor', key: 'contractor', width: 180 },
    { title: t('workOrder.status'), dataIndex: 'status', key: 'status', width: 90, render: (_, order) => <WorkOrderStatusTag order={order} /> },
    { title: t('workOrder.ticket'), dataIndex: 'ticket_title', key: 'ticket_title', render: (_, order) => <TicketLink order={order} /> },
    { title: t('ticket.unit'), dataIndex: 'unit_code', key: 'unit_code', width: 110, render: (code: string | null) => code || '—' },
    { title: t('workOrder.visitedAt'), dataIndex: 'visited_at', key: 'visited_at', width: 150, render: (at: string | null) => minutes(at) || '—' },
    { title: t('workOrder.acceptedAt'), dataIndex: 'accepted_at', key: 'accepted_at', width: 150, render: (at: string | null) => minutes(at) || '—' },
  ];

  return (
    <div data-testid="customer-work-orders">
      <ErrorAlert error={orders.error} />
      {narrow ? (
        <>
          {orders.items.length === 0 && !orders.loading && <Typography.Text type="secondary">{t('workOrder.customerEmpty')}</Typography.Text>}
          <Flex vertical>
            {orders.items.map((order, index) => (
              <div
                key={order.id}
                data-testid="customer-work-order"
                data-id={order.id}
                style={{ padding: '10px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }}
              >
                <Flex align="center" gap={8} wrap>
                  <Typography.Text strong>{minutes(order.appointment_at)}</Typography.Text>
                  <WorkOrderStatusTag order={order} />
                </Flex>
                <div style={{ marginTop: 4 }}>
                  <TicketLink order={order} />
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {[order.contractor, order.unit_code].filter(Boolean).join(' · ')}
                </Typography.Text>
              </div>
            ))}
          </Flex>
          <CursorListFooter list={orders} />
        </>
      ) : (
        <CursorTable<WorkOrder>
          list={orders}
          columns={columns}
          size="small"
          locale={{ emptyText: t('workOrder.customerEmpty') }}
          scroll={{ x: 980 }}
        />
      )}
    </div>
  );
}
