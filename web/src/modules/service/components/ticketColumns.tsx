import { Link } from 'react-router-dom';
import { Tooltip, Typography, type TableColumnsType } from 'antd';
import type { Translate } from '../../../app/i18n/i18nContext';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { departmentLabel, kindLabel } from '../labels';
import type { Ticket } from '../types';
import { GradeTag, SlaCountdown, TicketCustomer, TicketStatusTag, TicketUnit } from './TicketCells';

/**
 * The columns of a ticket list: number, title (a link, `data-testid` `${linkTestId}-${id}`), the
 * customer by name and phone (unless `customer` is false: the customer's own page), the unit by
 * code with its project, kind, grade, status, department with the assignee's name, the SLA against
 * `now` and when it was created.
 */
export function ticketColumns(
  t: Translate,
  now: number,
  { linkTestId, customer = true, slaWidth = 160, slaTestId }: { linkTestId: string; customer?: boolean; slaWidth?: number; slaTestId?: boolean },
): TableColumnsType<Ticket> {
  return [
    { title: t('ticket.number'), dataIndex: 'id', key: 'id', width: 64, render: (id: number) => <Link to={`/tickets/${id}`}>{id}</Link> },
    {
      title: t('ticket.titleField'),
      dataIndex: 'title',
      key: 'title',
      render: (title: string, ticket) => (
        <Link to={`/tickets/${ticket.id}`} data-testid={`${linkTestId}-${ticket.id}`}>
          <Typography.Text strong style={{ color: '#1f4fd1' }}>
            {title}
          </Typography.Text>
        </Link>
      ),
    },
    ...(customer
      ? [
          {
            title: t('ticket.customer'),
            key: 'customer',
            width: 120,
            render: (_: unknown, ticket: Ticket) => <TicketCustomer ticket={ticket} withPhone testId={`ticket-customer-${ticket.id}`} />,
          },
        ]
      : []),
    {
      title: t('ticket.unit'),
      key: 'unit',
      width: 120,
      render: (_, ticket) => <TicketUnit ticket={ticket} withProject testId={`ticket-unit-${ticket.id}`} />,
    },
    { title: t('ticket.kind'), dataIndex: 'kind', key: 'kind', width: 56, render: (value: string) => kindLabel(t, value) },
    { title: t('ticket.grade'), dataIndex: 'grade', key: 'grade', width: 64, render: (value: string) => <GradeTag grade={value} /> },
    { title: t('ticket.status'), dataIndex: 'status', key: 'status', width: 90, render: (value: string) => <TicketStatusTag status={value} /> },
    {
      title: t('ticket.department'),
      dataIndex: 'department',
      key: 'department',
      width: 100,
      render: (value: string, ticket) => (
        <span style={{ display: 'inline-flex', flexDirection: 'column' }}>
          <span>{departmentLabel(t, value)}</span>
          {ticket.assignee_name && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`ticket-assignee-${ticket.id}`}>
              {ticket.assignee_name}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: t('ticket.sla'),
      key: 'sla',
      width: slaWidth,
      render: (_, ticket) => <SlaCountdown ticket={ticket} now={now} testId={slaTestId ? `sla-${ticket.id}` : undefined} />,
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'created_at',
      key: 'created_at',
      width: 100,
      render: (at: string) => (
        <Tooltip title={formatDateTime(at)}>
          <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at).slice(5, 16)}</span>
        </Tooltip>
      ),
    },
  ];
}
