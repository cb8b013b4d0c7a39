import { useEffect, useState } from 'react';
import { Alert, Empty, Flex, Spin, Timeline, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import type { Translate } from '../../../app/i18n/i18nContext';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { serviceApi } from '../api';
import { departmentLabel, responsibilityLabel, ticketActionLabel } from '../labels';
import type { TicketEvent } from '../types';
import { TicketStatusTag } from './TicketCells';

const kActionColors: Record<string, string> = {
  created: '#1f4fd1',
  assign: '#2f54eb',
  start: '#13a8a8',
  hold: '#d4a106',
  resume: '#13a8a8',
  resolve: '#389e0d',
  callback: '#722ed1',
  reopen: '#e8720c',
  cancel: '#8c94a3',
  comment: '#595959',
  escalate: '#cf1322',
  escalated: '#cf1322',
  reminded: '#d4a106',
  shared: '#1f4fd1',
};

/** The event's detail object as short "label: value" lines, in the reader's language. */
function detailLines(t: Translate, action: string, detail: Record<string, unknown>): string[] {
  const lines: string[] = [];
  if (action === 'shared') lines.push(t('ticket.sharedDetail'));
  for (const [key, raw] of Object.entries(detail ?? {})) {
    if (raw === null || raw === undefined || raw === '') continue;
    const value = typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
    switch (key) {
      case 'rule':
      case 'sla_policy':
        break;
      case 'rule_name':
        lines.push(`${t('ticket.routedBy')}：${value}`);
        break;
      case 'from_department':
        lines.push(`${t('ticket.fromDepartment')}：${departmentLabel(t, value)}`);
        break;
      case 'department':
        lines.push(`${t('ticket.department')}：${departmentLabel(t, value)}`);
        break;
      case 'responsibility':
        lines.push(`${t('ticket.responsibility')}：${responsibilityLabel(t, value)}`);
        break;
      case 'assignee_id':
        lines.push(`${t('ticket.assignee')}：#${value}`);
        break;
      case 'satisfaction':
        lines.push(`${t('ticket.satisfaction')}：${value}/5`);
        break;
      case 'resolution':
        lines.push(`${t('ticket.resolution')}：${value}`);
        break;
      case 'level':
        lines.push(t('ticket.escalationLevel', { level: value }));
        break;
      case 'org_unit_id':
        lines.push(t('ticket.escalatedTo', { id: value }));
        break;
      case 'notified':
        lines.push(t('ticket.notified', { count: value }));
        break;
      case 'reason':
        lines.push(`${t('ticket.reason')}：${value}`);
        break;
      case 'comment':
      case 'text':
        lines.push(value);
        break;
      default:
        lines.push(`${key}：${value}`);
    }
  }
  return lines;
}

/** A ticket's history, oldest first: every action with its status change and detail. */
export function TicketHistory({ ticketId, refreshKey }: { ticketId: number; refreshKey: number }) {
  const t = useT();
  const [events, setEvents] = useState<TicketEvent[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    serviceApi.events(ticketId).then(
      (page) => {
        if (!current) return;
        setEvents(page.items);
        setError(null);
      },
      (err) => current && setError(err),
    );
    return () => {
      current = false;
    };
  }, [ticketId, refreshKey]);

  if (error) return <Alert type="error" showIcon title={errorMessage(t, error)} />;
  if (!events) {
    return (
      <Flex justify="center" style={{ padding: 32 }}>
        <Spin />
      </Flex>
    );
  }
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ticket.historyEmpty')} />;
  return (
    <Timeline
      data-testid="ticket-history"
      items={events.map((event) => ({
        key: event.id,
        color: kActionColors[event.action] ?? '#8c94a3',
        content: (
          <div data-testid="ticket-event" data-action={event.action}>
            <Flex gap={8} align="center" wrap>
              <Typography.Text strong>{ticketActionLabel(t, event.action)}</Typography.Text>
              {event.from_status && event.to_status && event.from_status !== event.to_status && (
                <>
                  <TicketStatusTag status={event.from_status} />
                  <span>→</span>
                </>
              )}
              {event.to_status && event.from_status !== event.to_status && <TicketStatusTag status={event.to_status} />}
            </Flex>
            {detailLines(t, event.action, event.detail).map((line, index) => (
              <Typography.Paragraph key={index} style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                {line}
              </Typography.Paragraph>
            ))}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(event.at)}
              {event.actor_id !== null && ` · ${t('ticket.actor', { id: event.actor_id })}`}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
