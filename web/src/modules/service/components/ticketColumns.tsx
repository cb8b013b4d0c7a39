import { Link } from 'react-router-dom';
import { Typography, type TableColumnsType } from 'antd';
import type { Translate } from '../../../app/i18n/i18nContext';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { departmentLabel, kindLabel } from '../labels';
import type { Ticket } from '../types';
import { GradeTag, SlaCountdown, TicketStatusTag } from './TicketCells';

/**
 * The columns of a ticket list: number, title (a link, `data-testid` `${linkTestId}-${id}`), kind,
 * grade, status, department, then `middle` (e.g. the customer), the SLA countdown against `now`
 * and when it was created.
 */
export function ticketColumns(
  t: Translate,
  now: number,
  { linkTestId, middle = [], slaWidth = 160, slaTestId }: { linkTestId: string; middle?: TableColumnsType<Ticket>; slaWidth?: number; slaTestId?: boolean },
): TableColumnsType<Ticket> {
  return [
    { title: t('common.id'), dataIndex: 'id', key: 'id', width: 72, render: (id: number) => <Link to={`/tickets/${id}`}>#{id}</Link> },
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
    { title: t('ticket.kind'), dataIndex: 'kind', key: 'kind', width: 72, render: (value: string) => kindLabel(t, value) },
    { title: t('ticket.grade'), dataIndex: 'grade', key: 'grade', width: 76, render: (value: string) => <GradeTag grade={value} /> },
    { title: t('ticket.status'), dataIndex: 'status', key: 'status', width: 96, render: (value: string) => <TicketStatusTag status={value} /> },
    { title: t('ticket.department'), dataIndex: 'department', key: 'department', width: 96, render: (value: string) => departmentLabel(t, value) },
    ...middle,
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
      width: 160,
      render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at)}</span>,
    },
  ];
}
