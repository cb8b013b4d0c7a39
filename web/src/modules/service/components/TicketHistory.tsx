import { useQuery } from '@tanstack/react-query';
import { Flex, Timeline, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { listFallback } from '../../../shared/ui/QueryState';
import type { Translate } from '../../../app/i18n/i18nContext';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { serviceApi } from '../api';
import { ticketKeys } from '../queries';
import { chargeToLabel, departmentLabel, formatFen, responsibilityLabel, ticketActionLabel, workOrderActionLabel, workOrderStatusLabel } from '../labels';
import type { Users } from '../../platform/useUsers';
import { useOrgUnits } from '../../platform/useOrgUnits';
import { TicketStatusTag } from './TicketCells';
import type { TicketEvent, TicketEventAction } from '../types';

/** What an entry adds, by action: members of the document's TicketEventDetail. */
type Detail = TicketEvent['detail'];

const kActionColors: Partial<Record<TicketEventAction, string>> = {
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
  escalated: '#cf1322',
  reminded: '#d4a106',
  shared: '#1f4fd1',
  work_order: '#d46b08',
  attachment_added: '#13a8a8',
  attachment_removed: '#8c94a3',
  filed_case: '#722ed1',
};

/**
 * A work-order step (派工, 审批, 上门, 验收…): on creation `step` is the new order's status, on
 * every later step the action with `from` and `to`.
 */
function workOrderLines(t: Translate, detail: Detail): string[] {
  const text = (key: keyof Detail) => (detail[key] === null || detail[key] === undefined ? '' : String(detail[key]));
  const created = !detail.from;
  const step = created ? t('workOrder.dispatch') : workOrderActionLabel(t, text('step'));
  const lines = [`${t('workOrder.ref', { id: text('work_order') })} · ${step}`];
  if (created) lines.push(`${t('workOrder.status')}：${workOrderStatusLabel(t, text('step'))}`);
  else lines.push(`${t('workOrder.status')}：${workOrderStatusLabel(t, text('from'))} → ${workOrderStatusLabel(t, text('to'))}`);
  if (text('contractor')) lines.push(`${t('workOrder.contractor')}：${text('contractor')}`);
  if (text('appointment_at')) lines.push(`${t('workOrder.appointment')}：${formatDateTime(text('appointment_at'))}`);
  if (typeof detail.cost_fen === 'number') lines.push(`${t('workOrder.cost')}：${formatFen(detail.cost_fen)}`);
  if (text('charge_to')) lines.push(`${t('workOrder.chargeTo')}：${chargeToLabel(t, text('charge_to'))}`);
  if (text('note')) lines.push(`${t('workOrder.note')}：${text('note')}`);
  return lines;
}

/** Names the detail's people and org units by their ids (the history's detail carries ids only). */
interface Namers {
  user: (id: number) => string;
  orgUnit: (id: number) => string;
}

/** The event's detail object as short "label: value" lines, in the reader's language. */
function detailLines(t: Translate, names: Namers, action: TicketEventAction, detail: Detail): string[] {
  if (action === 'work_order') return workOrderLines(t, detail ?? {});
  const lines: string[] = [];
  if (action === 'shared') lines.push(t('ticket.sharedDetail'));
  for (const [key, raw] of Object.entries(detail ?? {}) as [keyof Detail, unknown][]) {
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
        lines.push(`${t('ticket.assignee')}：${names.user(Number(value))}`);
        break;
      case 'round_robin':
        if (raw === true) lines.push(t('ticket.roundRobinDetail'));
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
        lines.push(t('ticket.escalatedTo', { name: names.orgUnit(Number(value)) }));
        break;
      case 'notified':
        lines.push(t('ticket.notified', { count: value }));
        break;
      case 'reason':
        lines.push(`${t('ticket.reason')}：${value}`);
        break;
      case 'comment':
      case 'text':
      case 'file_name':
      case 'title':
        lines.push(value);
        break;
      case 'attachment':
      case 'content_type':
      case 'case_id':
        break;
      default:
        lines.push(`${key}：${value}`);
    }
  }
  return lines;
}

/** A ticket's history, oldest first: every action with its status change and detail (`ticketKeys.events`). */
export function TicketHistory({ ticketId, users }: { ticketId: number; users: Users }) {
  const t = useT();
  const orgUnits = useOrgUnits();
  const names: Namers = {
    user: (id) => users.name(id, t('user.someone')),
    orgUnit: (id) => orgUnits.byId.get(id)?.name ?? t('ticket.higherOrgUnit'),
  };
  const { data: events, error } = useQuery({
    queryKey: ticketKeys.events(ticketId),
    queryFn: async ({ signal }) => (await serviceApi.events(ticketId, signal)).items,
  });

  const fallback = listFallback(events, error, t('ticket.historyEmpty'));
  if (fallback || !events) return fallback;
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
            {detailLines(t, names, event.action, event.detail).map((line, index) => (
              <Typography.Paragraph key={index} style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                {line}
              </Typography.Paragraph>
            ))}
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="ticket-event-actor">
              {formatDateTime(event.at)}
              {` · ${event.actor_name ? t('ticket.actor', { name: event.actor_name }) : event.actor_id === null ? t('ticket.actorSystem') : t('ticket.actor', { name: users.name(event.actor_id, t('user.someone')) })}`}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
