import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, Tabs } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { CursorTable } from '../../../shared/ui/CursorTable';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { serviceApi } from '../api';
import { ticketKeys } from '../queries';
import { ticketStatusLabel } from '../labels';
import { kTicketStatuses, type Ticket, type TicketListQuery, type TicketStatus } from '../types';
import { TicketFilterBar, ticketFilterQuery, type TicketFilters } from '../components/TicketFilterBar';
import { ticketColumns } from '../components/ticketColumns';
import { useNow } from '../useNow';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';

const kPageSize = 50;

/** /tickets — the queue: every ticket in the caller's scope, newest first, filtered by status and more. */
export default function TicketsPage() {
  const t = useT();
  const navigate = useNavigate();
  const now = useNow();
  const [status, setStatus] = useState<TicketStatus | 'all'>('all');
  const [filters, setFilters] = useState<TicketFilters>({});

  const query: TicketListQuery = { status: status === 'all' ? undefined : status, ...ticketFilterQuery(filters), limit: kPageSize };
  const tickets = useCursorList(ticketKeys.list(query), (cursor, signal) => serviceApi.list({ ...query, cursor }, signal));

  const columns = ticketColumns(t, now, {
    linkTestId: 'ticket-link',
    slaWidth: 170,
    slaTestId: true,
    middle: [
      {
        title: t('ticket.customer'),
        dataIndex: 'customer_id',
        key: 'customer_id',
        width: 96,
        render: (id: number) => <Link to={`/customers/${id}`}>{t('ticket.customerRef', { id })}</Link>,
      },
    ],
  });

  return (
    <>
      <PageHeader
        title={t('ticket.queueTitle')}
        description={t('ticket.queueDescription')}
        onRefresh={() => void tickets.reload()}
        extra={
          <>
            <Button type="primary" icon={<PhoneOutlined />} onClick={() => navigate('/tickets/new')} data-testid="new-ticket">
              {t('ticket.incomingCall')}
            </Button>
          </>
        }
      />
      <ErrorAlert error={tickets.error} />
      <Card variant="borderless">
        <Tabs
          activeKey={status}
          onChange={(key) => setStatus(key as TicketStatus | 'all')}
          data-testid="status-tabs"
          items={[{ key: 'all', label: t('common.all') }, ...kTicketStatuses.map((value) => ({ key: value, label: ticketStatusLabel(t, value) }))]}
        />
        <TicketFilterBar filters={filters} onChange={setFilters} shown={['kind', 'grade', 'department', 'breached']} resettable />
        <CursorTable<Ticket>
          list={tickets}
          columns={columns}
          data-testid="ticket-table"
          locale={{ emptyText: t('ticket.queueEmpty') }}
          scroll={{ x: 1100 }}
        />
      </Card>
    </>
  );
}
