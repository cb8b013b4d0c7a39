import dayjs from 'dayjs';
import type { Translate } from '../../app/i18n/i18nContext';
import { valueLabel } from '../../app/i18n/i18nContext';
import type { BackTo } from '../../shared/ui/RecordPage';
import {
  kHandoverSteps,
  kInspectionKinds,
  kOpenDayDecorations,
  kSeverities,
  type BatchGate,
  type DeliveryBatch,
  type HandoverStep,
  type InspectionKind,
  type OpenDay,
} from './types';

export const batchStatusLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'batchStatus', value);
export const inspectionKindLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'inspectionKind', value);
export const severityLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'severity', value);
export const findingStatusLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'findingStatus', value);
export const handoverStepLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'handoverStep', value);
export const handoverStatusLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'handoverStatus', value);
export const gateLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'gate', value);
/** A gate's name in a few words, for the list's tags. */
export const gateShortLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'gateShort', value);
export const openDayDecorationLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'openDayDecoration', value);

export const inspectionKindOptions = (t: Translate) => kInspectionKinds.map((value) => ({ value, label: inspectionKindLabel(t, value) }));
export const severityOptions = (t: Translate) => kSeverities.map((value) => ({ value, label: severityLabel(t, value) }));
export const openDayDecorationOptions = (t: Translate) => kOpenDayDecorations.map((value) => ({ value, label: openDayDecorationLabel(t, value) }));

export const kBatchStatusColors: Record<string, string> = { planned: 'gold', released: 'green' };
/** 阻断交付 red, 严重 orange, 一般 blue. */
export const kSeverityColors: Record<string, string> = { blocking: 'red', major: 'orange', minor: 'blue' };
export const kFindingStatusColors: Record<string, string> = { open: 'volcano', closed: 'green' };
export const kHandoverStatusColors: Record<string, string> = { booked: 'blue', in_progress: 'gold', done: 'green', cancelled: 'default' };

/** How many days before the planned delivery each inspection is due (the server's seeds: T−90, T−60, T−30). */
export const kDaysAhead: Record<InspectionKind, number> = { risk_check: 90, simulated_acceptance: 60, recheck: 30 };

/** An open day's state: 已否决, 已举办 (its day has come), 待举办. */
export type OpenDayState = 'vetoed' | 'held' | 'scheduled';
export const openDayState = (day: Pick<OpenDay, 'status' | 'held'>): OpenDayState => (day.status === 'vetoed' ? 'vetoed' : day.held ? 'held' : 'scheduled');
export const openDayStateLabel = (t: Translate, state: OpenDayState) => valueLabel(t, 'openDayState', state);
export const kOpenDayStateColors: Record<OpenDayState, string> = { vetoed: 'red', held: 'green', scheduled: 'blue' };

/**
 * What a gate still asks for, in words: an inspection's window, the open days held and still needed
 * (the server's counts, read from its sentence "已举办 1 次，还需 1 次"), the open findings.
 */
export function gateDetail(t: Translate, gate: BatchGate, batch: Pick<DeliveryBatch, 'open_blocking' | 'open_findings'>): string {
  switch (gate.key) {
    case 'risk_check':
    case 'simulated_acceptance':
    case 'recheck':
      return gate.passed ? t('gate.inspectionDone') : t('gate.inspectionDue', { days: kDaysAhead[gate.key] });
    case 'open_days_raw':
    case 'open_days_finished': {
      const [held, more] = (gate.detail.match(/\d+/g) ?? []).map(Number);
      if (held === undefined) return gate.detail;
      return more === undefined || gate.passed ? t('gate.openDaysHeld', { held }) : t('gate.openDaysMore', { held, more });
    }
    case 'blocking_findings': {
      const other = batch.open_findings - batch.open_blocking;
      if (batch.open_blocking > 0) return t('gate.blockingOpen', { count: batch.open_blocking });
      return other > 0 ? t('gate.otherOpen', { count: other }) : t('gate.noneOpen');
    }
    default:
      return gate.detail;
  }
}

/** A gate's colour: passed green, refusing the release red, overdue orange, else waiting. */
export function gateColor(gate: BatchGate): string {
  if (gate.passed) return 'green';
  if (gate.blocks) return 'red';
  return gate.overdue ? 'orange' : 'default';
}

/** The step after `done` steps, or null once all six are done. */
export const stepAt = (done: number): HandoverStep | null => kHandoverSteps[done] ?? null;

/** A server time as a date and minutes, in local time: "2027-01-05 09:30". */
export const formatMinute = (value: string | null | undefined) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '');
/** A server time's local hour and minute: "09:30". */
export const formatClock = (value: string | null | undefined) => (value ? dayjs(value).format('HH:mm') : '');
/** A server time's local day: "2027-01-05". */
export const formatDay = (value: string | null | undefined) => (value ? dayjs(value).format('YYYY-MM-DD') : '');
/** Today, as the desk and the forms count it (the browser's calendar: China time at the centre). */
export const today = () => dayjs().format('YYYY-MM-DD');

const kNumber = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
export const formatNumber = (value: number) => kNumber.format(value);

export const backToBatches = (t: Translate): BackTo => ({ path: '/delivery/batches', label: t('batch.backToList') });
export const backToDesk = (t: Translate, day?: string): BackTo => ({ path: day ? `/delivery/desk?on=${day}` : '/delivery/desk', label: t('handover.backToDesk') });
