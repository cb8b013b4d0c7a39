import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Flex, Select, Tabs, Typography, type TableColumnsType } from 'antd';
import { PhoneOutlined, ReloadOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { CursorTable } from '../../../shared/ui/CursorTable';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { serviceApi } from '../api';
import { departmentLabel, departmentOptions, gradeOptions, kindLabel, kindOptions, ticketStatusLabel } from '../labels';
import { kTicketStatuses, type Department, type Ticket, type TicketGrade, type TicketKind, type TicketStatus } from '../types';
import { GradeTag, SlaCountdown, TicketStatusTag } from '../components/TicketCells';
import { useNow } from '../useNow';

const kPageSize = 50;

/** /tickets — the queue: every ticket in the caller's scope, newest first, filtered by status and more. */
export default function TicketsPage() {
  const t = useT();
  const navigate = useNavigate();
  const now = useNow();
  const [status, setStatus] = useState<TicketStatus | 'all'>('all');
  const [kind, setKind] = useState<TicketKind | undefined>();
  const [grade, setGrade] = useState<TicketGrade | undefined>();
  const [department, setDepartment] = useState<Department | undefined>();
  const [breached, setBreached] = useState<'yes' | 'no' | undefined>();

  const tickets = useCursorList(
    (cursor) =>
      serviceApi.list({
        status: status === 'all' ? undefined : status,
        kind,
        grade,
        department,
        breached: breached === undefined ? undefined : breached === 'yes',
        limit: kPageSize,
        cursor,
      }),
    [status, kind, grade, department, breached],
  );

  const columns: TableColumnsType<Ticket> = [
    { title: t('common.id'), dataIndex: 'id', key: 'id', width: 72, render: (id: number) => <Link to={`/tickets/${id}`}>#{id}</Link> },
    {
      title: t('ticket.titleField'),
      dataIndex: 'title',
      key: 'title',
      render: (title: string, ticket) => (
        <Link to={`/tickets/${ticket.id}`} data-testid={`ticket-link-${ticket.id}`}>
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
    {
      title: t('ticket.customer'),
      dataIndex: 'customer_id',
      key: 'customer_id',
      width: 96,
      render: (id: number) => <Link to={`/customers/${id}`}>{t('ticket.customerRef', { id })}</Link>,
    },
    {
      title: t('ticket.sla'),
      key: 'sla',
      width: 170,
      render: (_, ticket) => <SlaCountdown ticket={ticket} now={now} testId={`sla-${ticket.id}`} />,
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'created_at',
      key: 'created_at',
      width: 160,
      render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at)}</span>,
    },
  ];

  const filtered = kind || grade || department || breached;
  return (
    <>
      <PageHeader
        title={t('ticket.queueTitle')}
        description={t('ticket.queueDescription')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => void tickets.reload()}>
              {t('common.refresh')}
            </Button>
            <Button type="primary" icon={<PhoneOutlined />} onClick={() => navigate('/tickets/new')} data-testid="new-ticket">
              {t('ticket.incomingCall')}
            </Button>
          </>
        }
      />
      {!!tickets.error && <Alert type="error" showIcon title={errorMessage(t, tickets.error)} style={{ marginBottom: 16 }} />}
      <Card variant="borderless">
        <Tabs
          activeKey={status}
          onChange={(key) => setStatus(key as TicketStatus | 'all')}
          data-testid="status-tabs"
          items={[{ key: 'all', label: t('common.all') }, ...kTicketStatuses.map((value) => ({ key: value, label: ticketStatusLabel(t, value) }))]}
        />
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Select<TicketKind>
            allowClear
            aria-label={t('ticket.kind')}
            placeholder={t('ticket.filterKind')}
            style={{ width: 140 }}
            value={kind}
            onChange={setKind}
            options={kindOptions(t)}
            data-testid="filter-kind"
          />
          <Select<TicketGrade>
            allowClear
            aria-label={t('ticket.grade')}
            placeholder={t('ticket.filterGrade')}
            style={{ width: 140 }}
            value={grade}
            onChange={setGrade}
            options={gradeOptions(t)}
            data-testid="filter-grade"
          />
          <Select<Department>
            allowClear
            aria-label={t('ticket.department')}
            placeholder={t('ticket.filterDepartment')}
            style={{ width: 160 }}
            value={department}
            onChange={setDepartment}
            options={departmentOptions(t)}
            data-testid="filter-department"
          />
          <Select<'yes' | 'no'>
            allowClear
            aria-label={t('ticket.sla')}
            placeholder={t('ticket.filterBreached')}
            style={{ width: 160 }}
            value={breached}
            onChange={setBreached}
            options={[
              { value: 'yes', label: t('ticket.breachedOnly') },
              { value: 'no', label: t('ticket.notBreached') },
            ]}
            data-testid="filter-breached"
          />
          {filtered && (
            <Button
              type="link"
              onClick={() => {
                setKind(undefined);
                setGrade(undefined);
                setDepartment(undefined);
                setBreached(undefined);
              }}
            >
              {t('common.reset')}
            </Button>
          )}
        </Flex>
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
