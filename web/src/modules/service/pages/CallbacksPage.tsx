import { useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { App, Button, Card, Flex, Form, Grid, Spin, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { CursorListFooter } from '../../../shared/ui/CursorTable';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { FormModal } from '../../../shared/ui/FormModal';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { useCustomer } from '../../customers/queries';
import { serviceApi } from '../api';
import { ticketChanged, ticketKeys } from '../queries';
import { departmentLabel, formatSpan, kindLabel, responsibilityLabel, ticketStatusLabel } from '../labels';
import type { Ticket, TicketListQuery } from '../types';
import { TicketFilterBar, type TicketFilters } from '../components/TicketFilterBar';
import { CallbackFields, reopensTicket } from '../components/CallbackFields';
import { GradeTag, TicketCustomer, TicketUnit } from '../components/TicketCells';
import { useNow } from '../useNow';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { actionsColumn } from '../../../shared/ui/tableColumns';

/** Waiting longer than this is shown in orange, and past twice it in red (a day's call-back promise). */
const kDueMs = 24 * 3_600_000;
const kPageSize = 20;

interface CallbackValues {
  satisfaction?: number;
  comment?: string;
}

const kCallbackFields = ['satisfaction', 'comment'] as const;

/** 回访 of one resolved ticket: 3–5 stars close it, 1–2 reopen it (the form says so). */
function CallbackModal({ ticket, onClose, onDone, onStale }: { ticket: Ticket; onClose: () => void; onDone: (next: Ticket) => void; onStale: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<CallbackValues>();
  const [initial] = useState<CallbackValues>({});
  // Whom to call: the number as the caller's role may see it (the ticket's is always masked).
  const customer = useCustomer(ticket.customer_id).data ?? null;
  const phone = customer?.phone ?? ticket.customer_phone;

  const save = async (values: CallbackValues) => {
    const comment = values.comment?.trim();
    try {
      const next = await serviceApi.act(ticket.id, 'callback', { satisfaction: values.satisfaction, ...(comment ? { comment } : {}) }, ticket.version);
      if (reopensTicket(values.satisfaction)) message.warning(t('callback.reopened', { id: next.id }));
      else message.success(t('callback.closed', { id: next.id, status: ticketStatusLabel(t, next.status) }));
      onDone(next);
    } catch (err) {
      // Someone else called back or changed the ticket: the queue is read again.
      if (err instanceof ApiError && err.status === 409) onStale();
      throw err;
    }
  };

  return (
    <FormModal<CallbackValues>
      form={form}
      name="callback"
      formFields={kCallbackFields}
      initialValues={initial}
      title={t('callback.modalTitle', { id: ticket.id })}
      okText={t('callback.submit')}
      width={560}
      testId="callback-modal"
      onSave={save}
      onClose={onClose}
    >
      <div style={{ background: '#f7f8fa', borderRadius: 8, padding: '10px 14px', marginBottom: 16 }}>
        <Typography.Text strong style={{ display: 'block' }}>
          {ticket.title}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ display: 'block', whiteSpace: 'pre-wrap', marginTop: 4 }}>
          {t('ticket.resolution')}：{ticket.resolution || '—'}
        </Typography.Text>
        <Flex gap={8} align="center" wrap style={{ marginTop: 6 }}>
          <PhoneOutlined style={{ color: '#1f4fd1' }} />
          <Link to={`/customers/${ticket.customer_id}`} target="_blank" data-testid="callback-customer">
            {customer?.name || ticket.customer_name || t('ticket.customerUnnamed')}
          </Link>
          {phone && <Typography.Text copyable>{phone}</Typography.Text>}
          {ticket.unit_code && <Typography.Text type="secondary">{[ticket.project_name, ticket.unit_code].filter(Boolean).join(' ')}</Typography.Text>}
        </Flex>
      </div>
      <CallbackFields />
    </FormModal>
  );
}

/**
 * /callbacks — 回访队列: resolved tickets waiting for their call-back, 20 a page; the rows read so far
 * stand longest-waiting first. A call-back takes the row out of the queue (closed, or reopened at 1–2 stars).
 */
export default function CallbacksPage() {
  const t = useT();
  const now = useNow(60_000);
  const narrow = !Grid.useBreakpoint().md;
  const [filters, setFilters] = useState<TicketFilters>({});
  const { modal, openModal, closeModal } = useModalTarget<Ticket>();
  const queryClient = useQueryClient();
  const { kind, department, project_id } = filters;
  const query: TicketListQuery = { status: 'resolved', kind, department, project_id, limit: kPageSize };
  const list = useCursorList(ticketKeys.callbacks(query), (cursor, signal) => serviceApi.list({ ...query, cursor }, signal));
  const tickets = list.items;
  const load = () => void list.reload();

  // The server lists newest first; of the pages read, the longest-waiting come first.
  const queue = useMemo(() => [...tickets].sort((a, b) => (a.resolved_at ?? a.updated_at).localeCompare(b.resolved_at ?? b.updated_at) || a.id - b.id), [tickets]);

  const done = (next: Ticket) => {
    ticketChanged(queryClient, next);
    list.setItems((current) => current.filter((ticket) => ticket.id !== next.id || next.status === 'resolved'));
  };

  const waited = (ticket: Ticket) => {
    const since = new Date(ticket.resolved_at ?? ticket.updated_at).getTime();
    const ms = Math.max(0, now - since);
    const color = ms > 2 * kDueMs ? 'red' : ms > kDueMs ? 'orange' : 'default';
    return (
      <Tooltip title={`${t('callback.resolvedAt')}：${formatDateTime(ticket.resolved_at)}`}>
        <Tag color={color} style={{ marginInlineEnd: 0 }}>
          {t('callback.waited', { span: formatSpan(t, ms) })}
        </Tag>
      </Tooltip>
    );
  };

  const callbackButton = (ticket: Ticket) => (
    <Button type="primary" size="small" icon={<PhoneOutlined />} onClick={() => openModal(ticket)} data-testid={`callback-${ticket.id}`}>
      {t('callback.action')}
    </Button>
  );

  const columns: TableColumnsType<Ticket> = [
    { title: t('ticket.number'), dataIndex: 'id', key: 'id', width: 64, render: (id: number) => <Link to={`/tickets/${id}`}>{id}</Link> },
    {
      title: t('ticket.titleField'),
      dataIndex: 'title',
      key: 'title',
      render: (title: string, ticket) => (
        <Flex vertical gap={2}>
          <Link to={`/tickets/${ticket.id}`}>
            <Typography.Text strong style={{ color: '#1f4fd1' }}>
              {title}
            </Typography.Text>
          </Link>
          {ticket.resolution && (
            <Typography.Text type="secondary" ellipsis={{ tooltip: ticket.resolution }} style={{ fontSize: 12, maxWidth: 420 }}>
              {t('ticket.resolution')}：{ticket.resolution}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('ticket.customer'),
      key: 'customer',
      width: 120,
      render: (_, ticket) => <TicketCustomer ticket={ticket} withPhone testId={`ticket-customer-${ticket.id}`} />,
    },
    { title: t('ticket.unit'), key: 'unit', width: 120, render: (_, ticket) => <TicketUnit ticket={ticket} withProject testId={`ticket-unit-${ticket.id}`} /> },
    { title: t('ticket.kind'), dataIndex: 'kind', key: 'kind', width: 56, render: (value: string) => kindLabel(t, value) },
    { title: t('ticket.grade'), dataIndex: 'grade', key: 'grade', width: 64, render: (value: string) => <GradeTag grade={value} /> },
    {
      title: t('ticket.department'),
      dataIndex: 'department',
      key: 'department',
      width: 100,
      render: (value: string, ticket) => (
        <Flex vertical>
          <span>{departmentLabel(t, value)}</span>
          {ticket.assignee_name && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {ticket.assignee_name}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t('ticket.responsibility'), dataIndex: 'responsibility', key: 'responsibility', width: 90, render: (value: string | null) => responsibilityLabel(t, value) || '—' },
    { title: t('callback.waiting'), key: 'waited', width: 130, render: (_, ticket) => waited(ticket) },
    actionsColumn(t('common.actions'), 90, callbackButton),
  ];

  return (
    <>
      <PageHeader title={t('callback.title')} description={t('callback.description')} onRefresh={load} />
      <ErrorAlert error={list.error} />
      <Card variant="borderless">
        <TicketFilterBar filters={filters} onChange={setFilters} shown={['kind', 'department', 'project_id']} resettable />
        {narrow ? (
          <Spin spinning={list.loading}>
            {queue.length === 0 && !list.loading ? (
              <Typography.Text type="secondary">{t('callback.empty')}</Typography.Text>
            ) : (
              <Flex vertical data-testid="callback-list">
                {queue.map((ticket, index) => (
                  <div key={ticket.id} data-id={ticket.id} style={{ padding: '10px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }}>
                    <Link to={`/tickets/${ticket.id}`}>
                      <Typography.Text strong style={{ color: '#1f4fd1' }}>
                        {ticket.title}
                      </Typography.Text>
                    </Link>
                    <Flex align="center" gap={8} wrap style={{ marginTop: 4 }}>
                      <TicketCustomer ticket={ticket} withPhone />
                      <TicketUnit ticket={ticket} />
                      {waited(ticket)}
                      <span style={{ marginLeft: 'auto' }}>{callbackButton(ticket)}</span>
                    </Flex>
                  </div>
                ))}
              </Flex>
            )}
            <CursorListFooter list={list} pageSize={kPageSize} />
          </Spin>
        ) : (
          <>
            <Table<Ticket>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={queue}
              loading={list.loading}
              pagination={false}
              locale={{ emptyText: t('callback.empty') }}
              scroll={{ x: 1080 }}
              data-testid="callback-table"
            />
            <CursorListFooter list={list} pageSize={kPageSize} />
          </>
        )}
      </Card>
      {modal && <CallbackModal key={modal.key} ticket={modal.target} onClose={closeModal} onDone={done} onStale={load} />}
    </>
  );
}
