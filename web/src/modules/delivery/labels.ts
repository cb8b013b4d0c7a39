import dayjs from 'dayjs';
import type { Translate } from '../../app/i18n/i18nContext';
import { valueLabel } from '../../app/i18n/i18nContext';
import type { BackTo } from '../../shared/ui/RecordPage';
import {
  kAckMethods,
  kHandoverSteps,
  kJourneySteps,
  kJourneyTeams,
  kJourneyTriggers,
  kInspectionKinds,
  kOpenDayDecorations,
  kSeverities,
  type BatchGate,
  type DeliveryBatch,
  type HandoverStep,
  type InspectionKind,
  type OpenDay,
  type PrepState,
  type SignupStatus,
  type TaskState,
} from './types';
import type { InviteState, Reinspection, SlotChoice } from './types';
import { kFundInflowKinds, type FundEntryKind, type FundProposalStatus } from './types';

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

/** 筹备会: 待召开, 即将到期, 已逾期, 已召开, 已取消. */
export const prepStateLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'prepState', value);
/** Late red, due orange, held green, the rest plain. */
export const kPrepStateColors: Record<PrepState, string> = { upcoming: 'default', due: 'orange', late: 'red', held: 'green', cancelled: 'default' };
/** A household's sign-up: 已报名, 已签到, 已取消. */
export const signupStatusLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'signupStatus', value);
export const kSignupStatusColors: Record<SignupStatus, string> = { signed_up: 'blue', checked_in: 'green', cancelled: 'default' };
/** "已报名 12/40 户" with a capacity, "已报名 12 户（不限）" without. */
export const signedUpLabel = (t: Translate, day: Pick<OpenDay, 'signed_up' | 'capacity'>) =>
  day.capacity === null ? t('openDay.signedUpNoLimit', { count: day.signed_up }) : t('openDay.signedUpOf', { count: day.signed_up, capacity: day.capacity });
/** Whether an open day has no place left. */
export const openDayFull = (day: Pick<OpenDay, 'signed_up' | 'capacity'>) => day.capacity !== null && day.signed_up >= day.capacity;

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
/**
 * Today in China, whatever the browser's zone: the server's calendar, which decides what is "on the
 * day" (an open day's check-in).
 */
export const chinaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

const kNumber = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
export const formatNumber = (value: number) => kNumber.format(value);

export const backToBatches = (t: Translate): BackTo => ({ path: '/delivery/batches', label: t('batch.backToList') });
export const backToDesk = (t: Translate, day?: string): BackTo => ({ path: day ? `/delivery/desk?on=${day}` : '/delivery/desk', label: t('handover.backToDesk') });

// 交付排期 and the owners' booking links in words.

/** 周一 … 周日 by ISO weekday (1 Monday … 7 Sunday). */
export const weekdayLabel = (t: Translate, weekday: number) => valueLabel(t, 'weekday', String(weekday));
/** The ISO weekday of "2027-01-05". */
export const isoWeekday = (day: string) => dayjs(day).day() || 7;
/** A slot's day: "1月5日 周二". */
export const slotDayLabel = (t: Translate, day: string) => {
  const date = dayjs(day);
  return t('slot.day', { month: date.month() + 1, day: date.date(), weekday: weekdayLabel(t, isoWeekday(day)) });
};
/** A slot's hour, China time: "09:00–10:00". */
export const slotHourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00–${String(hour + 1).padStart(2, '0')}:00`;
/** A slot's day and hour: "1月5日 周二 09:00–10:00". */
export const slotLabel = (t: Translate, slot: Pick<SlotChoice, 'day' | 'hour'>) => `${slotDayLabel(t, slot.day)} ${slotHourLabel(slot.hour)}`;

export const inviteStateLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'inviteState', value);
/** 已发送 default, 已打开 blue, 已预约 green, 已交付 cyan. */
export const kInviteStateColors: Record<InviteState, string> = { sent: 'default', opened: 'blue', booked: 'green', delivered: 'cyan' };
/** 业主自助 / 客服代约. */
export const bookedViaLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'bookedVia', value);
/** Why 发送预约短信 skipped a unit: 已预约, 已交付, 未签约, 未登记业主, 业主没有手机号. */
export const skipReasonLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'inviteSkip', value);
/** A repair's 复验: 待维修, 待复验, 复验通过, 已取消. */
export const reinspectionLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'reinspection', value);
export const kReinspectionColors: Record<Reinspection, string> = { pending_repair: 'orange', due: 'gold', passed: 'green', cancelled: 'default' };

// The 6+2 journey and 不利因素公示 in words.

/** A step's name by its number (1 温馨牵手 … 8 四年之约), for where the server gives the number alone. */
export const stepLabel = (t: Translate, step: number) => valueLabel(t, 'journeyStep', String(step));
/** "3 · 亲密接触". */
export const stepTitle = (t: Translate, step: number, name?: string) => t('journey.stepTitle', { step, name: name || stepLabel(t, step) });
export const stepOptions = (t: Translate) => kJourneySteps.map((value) => ({ value, label: stepTitle(t, value) }));

export const taskStateLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'taskState', value);
export const taskFilterLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'taskFilter', value);
/** 未到期 blue, 到期待办 gold, 逾期未做 red, 已完成 green, 逾期完成 orange. */
export const kTaskStateColors: Record<TaskState, string> = { upcoming: 'blue', due: 'gold', missed: 'red', done: 'green', done_late: 'orange' };

export const teamLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'journeyTeam', value);
export const teamOptions = (t: Translate) => kJourneyTeams.map((value) => ({ value, label: teamLabel(t, value) }));
export const triggerLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'journeyTrigger', value);
export const triggerOptions = (t: Translate) => kJourneyTriggers.map((value) => ({ value, label: triggerLabel(t, value) }));

/** Milestones that come again and again: on the day itself, the milestone alone says when ("交付周年"). */
const kRecurring: readonly string[] = ['construction_quarter', 'anniversary', 'four_year'];

/** When a touch falls due, in words: "签约当天", "签约后 7 天", "计划交付日前 30 天", "每四年". */
export function dueRule(t: Translate, trigger: string, offsetDays: number): string {
  const milestone = triggerLabel(t, trigger);
  if (offsetDays === 0) return kRecurring.includes(trigger) ? milestone : t('touch.onDay', { milestone });
  return offsetDays > 0 ? t('touch.after', { milestone, days: offsetDays }) : t('touch.before', { milestone, days: -offsetDays });
}

export const ackMethodLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'ackMethod', value);
export const ackMethodOptions = (t: Translate) => kAckMethods.map((value) => ({ value, label: ackMethodLabel(t, value) }));
export const factorStatusLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'factorStatus', value);
export const kFactorStatusColors: Record<string, string> = { published: 'volcano', withdrawn: 'default' };
export const scorePartLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'scorePart', value);

/** A quarter as the scores ask for it: "2026Q4". */
export const quarterOf = (day: dayjs.Dayjs) => `${day.year()}Q${Math.floor(day.month() / 3) + 1}`;
const kQuarter = /^(\d{4})Q([1-4])$/;
/** The first day of "2026Q4", or null when it is not a quarter. */
export function quarterStart(period: string): dayjs.Dayjs | null {
  const match = kQuarter.exec(period);
  return match ? dayjs(`${match[1]}-${String((Number(match[2]) - 1) * 3 + 1).padStart(2, '0')}-01`) : null;
}
/** "2026 年第 4 季度". */
export function quarterLabel(t: Translate, period: string): string {
  const match = kQuarter.exec(period);
  return match ? t('score.quarter', { year: match[1], quarter: match[2] }) : period;
}

// 一路同行基金 in words.

/** 利润提取, 业主捐赠/共建, 支出, 更正. */
export const fundKindLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'fundKind', value);
export const fundInflowOptions = (t: Translate) => kFundInflowKinds.map((value) => ({ value, label: fundKindLabel(t, value) }));
/** Inflows green, spending orange, a correction purple. */
export const kFundKindColors: Record<FundEntryKind, string> = { profit_share: 'green', owner_contribution: 'cyan', spending: 'orange', correction: 'purple' };
/** 待审批, 已批准, 已驳回. */
export const proposalStatusLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'proposalStatus', value);
export const kProposalStatusColors: Record<FundProposalStatus, string> = { proposed: 'gold', approved: 'green', rejected: 'red' };

const kFen = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** An amount of the fund in fen as yuan to the fen: "¥12,345.60", "-¥300.00". */
export const formatFen = (cents: number) => `${cents < 0 ? '-' : ''}¥${kFen.format(Math.abs(cents) / 100)}`;
/** An entry's amount with its sign: "+¥5,000.00", "-¥300.00". */
export const formatSignedFen = (cents: number) => (cents > 0 ? `+${formatFen(cents)}` : formatFen(cents));

// 四年之约 in words.

/** A month's name alone: "3月" / "Mar". */
export const monthShortLabel = (t: Translate, month: string) => valueLabel(t, 'monthShort', String(Number(month.slice(5, 7))));
/** A month of the plan ("2027-03") in full: "2027年3月" / "Mar 2027". */
export const monthLabel = (t: Translate, month: string) => t('fourYear.month', { year: month.slice(0, 4), month: monthShortLabel(t, month) });
/** A share as a whole percentage: "84%". */
export const formatPercent = (share: number) => `${Math.round(share * 100)}%`;
