import { Tag, Tooltip, Typography } from 'antd';
import { ClockCircleOutlined, PauseCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { formatSpan, gradeLabel, isSettled, kGradeColors, kTicketStatusColors, ticketStatusLabel } from '../labels';
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
 * The SLA countdown of a ticket: time left to its current deadline, 已超时 in red once the server
 * says a deadline passed unmet, paused while waiting for the customer, nothing once settled.
 */
export function SlaCountdown({ ticket, now, testId }: { ticket: Ticket; now: number; testId?: string }) {
  const t = useT();
  const deadline = currentDeadline(ticket);
  const which = deadline.kind === 'response' ? t('ticket.responseDue') : t('ticket.resolveDue');
  const tip = `${which}：${formatDateTime(deadline.at)}`;
  if (ticket.sla_breached) {
    return (
      <Tooltip title={tip}>
        <Tag color="red" icon={<WarningOutlined />} style={{ marginInlineEnd: 0 }} data-testid={testId} data-sla="breached">
          {t('ticket.overdue')}
        </Tag>
      </Tooltip>
    );
  }
  if (isSettled(ticket.status)) {
    return (
      <Typography.Text type="secondary" data-testid={testId} data-sla="settled">
        —
      </Typography.Text>
    );
  }
  if (ticket.status === 'on_hold') {
    return (
      <Tooltip title={tip}>
        <Typography.Text type="secondary" data-testid={testId} data-sla="paused" style={{ whiteSpace: 'nowrap' }}>
          <PauseCircleOutlined /> {t('ticket.slaPaused')}
        </Typography.Text>
      </Tooltip>
    );
  }
  const left = new Date(deadline.at).getTime() - now;
  if (left <= 0) {
    return (
      <Tooltip title={tip}>
        <Typography.Text type="danger" data-testid={testId} data-sla="due" style={{ whiteSpace: 'nowrap' }}>
          {t('ticket.dueNow')}
        </Typography.Text>
      </Tooltip>
    );
  }
  const soon = left < 2 * 3_600_000;
  return (
    <Tooltip title={tip}>
      <Typography.Text type={soon ? 'warning' : undefined} data-testid={testId} data-sla="running" style={{ whiteSpace: 'nowrap' }}>
        <ClockCircleOutlined />{' '}
        {deadline.kind === 'response' ? t('ticket.responseLeft', { span: formatSpan(t, left) }) : t('ticket.resolveLeft', { span: formatSpan(t, left) })}
      </Typography.Text>
    </Tooltip>
  );
}
