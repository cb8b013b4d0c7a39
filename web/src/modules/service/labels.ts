import type { Translate } from '../../app/i18n/i18nContext';
import { valueLabel } from '../../app/i18n/i18nContext';
import {
  kDepartments,
  kResponsibilities,
  kTicketChannels,
  kTicketGrades,
  kTicketKinds,
  kTicketStatuses,
  kWarrantyTypes,
  kChargeTo,
  type SlaState,
  type TicketAction,
  type TicketStatus,
  type WorkOrderAction,
  type WorkOrderStatus,
} from './types';

export const kindLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'ticketKind', value);
export const channelLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'ticketChannel', value);
export const gradeLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'ticketGrade', value);
export const ticketStatusLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'ticketStatus', value);
export const departmentLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'department', value);
export const responsibilityLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'responsibility', value);
export const ticketActionLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'ticketAction', value);
export const warrantyLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'warranty', value);

export const kindOptions = (t: Translate) => kTicketKinds.map((value) => ({ value, label: kindLabel(t, value) }));
export const channelOptions = (t: Translate) => kTicketChannels.map((value) => ({ value, label: channelLabel(t, value) }));
export const gradeOptions = (t: Translate) => kTicketGrades.map((value) => ({ value, label: gradeLabel(t, value) }));
export const ticketStatusOptions = (t: Translate) => kTicketStatuses.map((value) => ({ value, label: ticketStatusLabel(t, value) }));
export const departmentOptions = (t: Translate) => kDepartments.map((value) => ({ value, label: departmentLabel(t, value) }));
export const warrantyOptions = (t: Translate) => kWarrantyTypes.map((value) => ({ value, label: warrantyLabel(t, value) }));
export const responsibilityOptions = (t: Translate) => kResponsibilities.map((value) => ({ value, label: responsibilityLabel(t, value) }));

/** 投诉等级 colours: 一般 grey, 重要 blue, 热点 orange, 重大 red. */
export const kGradeColors: Record<string, string> = { general: 'default', important: 'blue', hot: 'orange', major: 'red' };

export const kTicketStatusColors: Record<string, string> = {
  new: 'blue',
  assigned: 'geekblue',
  in_progress: 'processing',
  on_hold: 'gold',
  resolved: 'green',
  reopened: 'volcano',
  closed: 'default',
  cancelled: 'default',
};

/** Which actions each status allows (mirrors the server's rule, ticket.cpp); comment is always allowed. */
export const kAllowedActions: Record<TicketStatus, TicketAction[]> = {
  new: ['assign', 'resolve', 'cancel', 'comment'],
  assigned: ['assign', 'start', 'hold', 'resolve', 'cancel', 'comment'],
  in_progress: ['assign', 'hold', 'resolve', 'cancel', 'comment'],
  on_hold: ['resume', 'cancel', 'comment'],
  resolved: ['callback', 'reopen', 'comment'],
  reopened: ['assign', 'start', 'hold', 'resolve', 'cancel', 'comment'],
  closed: ['reopen', 'comment'],
  cancelled: ['comment'],
};

export const slaStateLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'slaState', value);

/** The SLA states a queue filters by, in the order a supervisor asks for them. */
export const slaStateOptions = (t: Translate) =>
  (['at_risk', 'breached', 'on_track', 'late', 'met'] as const satisfies readonly SlaState[]).map((value) => ({ value, label: slaStateLabel(t, value) }));

/** Statuses whose SLA clock no longer runs. */
export const isSettled = (status: TicketStatus) => status === 'resolved' || status === 'closed' || status === 'cancelled';

/** "2天3小时" / "3小时20分" / "12分钟" of a span in milliseconds (its absolute value). */
export function formatSpan(t: Translate, ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return t('ticket.spanDays', { days, hours });
  if (hours > 0) return t('ticket.spanHours', { hours, minutes: mins });
  return t('ticket.spanMinutes', { minutes: mins });
}

export const massAlertStatusLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'massAlertStatus', value);
export const kMassAlertStatusColors: Record<string, string> = { open: 'red', acknowledged: 'blue', closed: 'default' };

export const workOrderStatusLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'workOrderStatus', value);
export const workOrderActionLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'workOrderAction', value);
export const chargeToLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'chargeTo', value);
export const chargeToOptions = (t: Translate) => kChargeTo.map((value) => ({ value, label: chargeToLabel(t, value) }));

export const kWorkOrderStatusColors: Record<string, string> = {
  pending_approval: 'gold',
  dispatched: 'blue',
  visited: 'cyan',
  accepted: 'green',
  cancelled: 'default',
};

/** Which actions each work-order status allows (mirrors the server's rule, work_orders.cpp). */
export const kWorkOrderAllowed: Record<WorkOrderStatus, WorkOrderAction[]> = {
  pending_approval: ['approve', 'cancel'],
  dispatched: ['visit', 'cancel'],
  visited: ['accept', 'reject', 'cancel'],
  accepted: [],
  cancelled: [],
};

const kMoney = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "¥1,280.50" from integer fen; "—" when there is no amount. */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return `¥${kMoney.format(fen / 100)}`;
}
