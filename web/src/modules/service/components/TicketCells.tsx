import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, FieldTimeOutlined, PauseCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { formatSpan, gradeLabel, kGradeColors, kTicketStatusColors, ticketStatusLabel } from '../labels';
import type { Ticket } from '../types';

/** 投诉等级 as a coloured tag: 一般 / 重要 / 热点 / 重大. */
export function GradeTag({ grade, testId }: { grade: string; testId?: string }) {
  const t = useT();
  return (
    <Tag color={kGradeColors[grade] ?? 'default'} style={{ marginInlineEnd: 0 }} data-testid={testId} data-grade={grade}>
      {gradeLabel(t, grade)}
    </Tag>
  );
}

export function TicketStatusTag({ status, testId }: { status: string; testId?: string }) {
  const t = useT();
  return (
    <Tag color={kTicketStatusColors[status] ?? 'default'} style={{ marginInlineEnd: 0 }} data-testid={testId} data-status={status}>
      {ticketStatusLabel(t, status)}
    </Tag>
  );
}

/** The deadline that matters now: the first reply's until someone answered, then the resolution's. */
export function currentDeadline(ticket: Ticket): { kind: 'response' | 'resolve'; at: string } {
  return ticket.responded_at === null ? { kind: 'response', at: ticket.response_due_at } : { kind: 'resolve', at: ticket.resolve_due_at };
}

/**
 * Where a ticket stands against its SLA, as the server says (`sla_state`): while open, the time left
 * to its current deadline (paused while waiting for the customer), 将超时 in amber once 80% of it is
 * used, 已超时 in red once it passed; once finished, 超时办结 in grey when it was late, 按时办结 in
 * green when not; nothing when cancelled. A finished ticket is never shown as 已超时.
 */
export function SlaCountdown({ ticket, now, testId }: { ticket: Ticket; now: number; testId?: string }) {
  const t = useT();
  const deadline = currentDeadline(ticket);
  const which = deadline.kind === 'response' ? t('ticket.responseDue') : t('ticket.resolveDue');
  const tip = `${which}：${formatDateTime(deadline.at)}`;
  const left = new Date(deadline.at).getTime() - now;
  const state = ticket.sla_state;
  const tag = (color: string, icon: ReactNode, text: string, title: string) => (
    <Tooltip title={title}>
      <Tag color={color} icon={icon} style={{ marginInlineEnd: 0 }} data-testid={testId} data-sla={state}>
        {text}
      </Tag>
    </Tooltip>
  );
  switch (state) {
    case 'breached':
      return tag('red', <WarningOutlined />, t('ticket.overdue'), tip);
    case 'at_risk':
      return tag('gold', <FieldTimeOutlined />, t('slaState.at_risk'), left > 0 ? `${tip} · ${t('ticket.timeLeft', { span: formatSpan(t, left) })}` : tip);
    case 'late':
      return (
        <Typography.Text type="secondary" data-testid={testId} data-sla={state} style={{ whiteSpace: 'nowrap' }}>
          {t('slaState.late')}
        </Typography.Text>
      );
    case 'met':
      return (
        <Typography.Text type="success" data-testid={testId} data-sla={state} style={{ whiteSpace: 'nowrap' }}>
          <CheckCircleOutlined /> {t('slaState.met')}
        </Typography.Text>
      );
    case 'none':
      return (
        <Typography.Text type="secondary" data-testid={testId} data-sla={state}>
          —
        </Typography.Text>
      );
    default:
      break;
  }
  if (ticket.status === 'on_hold') {
    return (
      <Tooltip title={tip}>
        <Typography.Text type="secondary" data-testid={testId} data-sla={state} data-paused="true" style={{ whiteSpace: 'nowrap' }}>
          <PauseCircleOutlined /> {t('ticket.slaPaused')}
        </Typography.Text>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={tip}>
      <Typography.Text data-testid={testId} data-sla={state} style={{ whiteSpace: 'nowrap' }}>
        <ClockCircleOutlined />{' '}
        {left <= 0
          ? t('ticket.dueNow')
          : deadline.kind === 'response'
            ? t('ticket.responseLeft', { span: formatSpan(t, left) })
            : t('ticket.resolveLeft', { span: formatSpan(t, left) })}
      </Typography.Text>
    </Tooltip>
  );
}

/**
 * The ticket's customer by name, linking to their page, with their phone as the caller may see it
 * (`withPhone`); 客户 when the name is not the caller's to see.
 */
export function TicketCustomer({ ticket, withPhone, testId }: { ticket: Pick<Ticket, 'customer_id' | 'customer_name' | 'customer_phone'>; withPhone?: boolean; testId?: string }) {
  const t = useT();
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column', minWidth: 0 }}>
      <Link to={`/customers/${ticket.customer_id}`} data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        {ticket.customer_name || t('ticket.customerUnnamed')}
      </Link>
      {withPhone && ticket.customer_phone && (
        <Typography.Text type="secondary" className="hearth-mono" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {ticket.customer_phone}
        </Typography.Text>
      )}
    </span>
  );
}

/**
 * The ticket's unit by code (3-2-1101), linking to its page, with the project's name (`withProject`);
 * the project alone when the ticket names no unit, — when neither.
 */
export function TicketUnit({ ticket, withProject, testId }: { ticket: Pick<Ticket, 'unit_id' | 'unit_code' | 'project_name'>; withProject?: boolean; testId?: string }) {
  const t = useT();
  if (ticket.unit_id === null) {
    return ticket.project_name ? <span>{ticket.project_name}</span> : <Typography.Text type="secondary">—</Typography.Text>;
  }
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column', minWidth: 0 }}>
      <Link to={`/units/${ticket.unit_id}`} data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        {ticket.unit_code || t('ticket.unitUnnamed')}
      </Link>
      {withProject && ticket.project_name && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {ticket.project_name}
        </Typography.Text>
      )}
    </span>
  );
}
