import { Alert, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/useT';
import { CursorTable } from '../../../shared/ui/CursorTable';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { serviceApi } from '../../service/api';
import { departmentLabel, kindLabel } from '../../service/labels';
import type { Ticket } from '../../service/types';
import { GradeTag, SlaCountdown, TicketStatusTag } from '../../service/components/TicketCells';
import { useNow } from '../../service/useNow';

const kPageSize = 20;

/** The customer page's 工单 tab: the customer's tickets, newest first, each linking to its page. */
export function CustomerTickets({ customerId, refreshKey }: { customerId: number; refreshKey: number }) {
  const t = useT();
  const now = useNow();
  const tickets = useCursorList((cursor) => serviceApi.list({ customer_id: customerId, cursor, limit: kPageSize }), [customerId, refreshKey]);

  const columns: TableColumnsType<Ticket> = [
    { title: t('common.id'), dataIndex: 'id', key: 'id', width: 72, render: (id: number) => <Link to={`/tickets/${id}`}>#{id}</Link> },
    {
      title: t('ticket.titleField'),
      dataIndex: 'title',
      key: 'title',
      render: (title: string, ticket) => (
        <Link to={`/tickets/${ticket.id}`} data-testid={`customer-ticket-${ticket.id}`}>
          <Typography.Text strong style={{ color: '#1f4fd1' }}>
            {title}
          </Typography.Text>
        </Link>
      ),
    },
    { title: t('ticket.kind'), dataIndex: 'kind', key: 'kind', width: 72, render: (value: string) => kindLabel(t, value) },
    { title: t('ticket.grade'), dataIndex: 'grade', key: 'grade', width: 76, render: (value: string) => <GradeTag grade={value} /> },
    { title: t('ticket.status'), dataIndex: 'status', key: 'status', width: 96, render: (value: string) => <TicketStatusTag status={value} /> },
    { title: t('ticket.department'), dataIndex: 'department', key: 'department', width: 96, render: (value: string) => departmentLabel(t, value) },
    { title: t('ticket.sla'), key: 'sla', width: 160, render: (_, ticket) => <SlaCountdown ticket={ticket} now={now} /> },
    { title: t('common.createdAt'), dataIndex: 'created_at', key: 'created_at', width: 160, render: (at: string) => formatDateTime(at) },
  ];

  return (
    <div data-testid="customer-tickets">
      {!!tickets.error && <Alert type="error" showIcon title={errorMessage(t, tickets.error)} style={{ marginBottom: 16 }} />}
      <CursorTable<Ticket> list={tickets} columns={columns} size="small" locale={{ emptyText: t('customer.ticketsEmpty') }} scroll={{ x: 900 }} />
    </div>
  );
}
