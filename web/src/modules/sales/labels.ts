import dayjs from 'dayjs';
import type { Translate } from '../../app/i18n/i18nContext';
import { valueLabel } from '../../app/i18n/i18nContext';
import type { BackTo } from '../../shared/ui/RecordPage';
import { formatYuan } from '../inventory/labels';
import {
  kAgeBands,
  kChangeKinds,
  kFollowUpKinds,
  kHouseholds,
  kInstalmentKinds,
  kIntents,
  kLeadSources,
  kLeadStatuses,
  kNeedTypes,
  kPaymentMethods,
  type Intent,
} from './types';

export const leadSourceLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'leadSource', value);
export const intentLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'intent', value);
export const leadStatusLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'leadStatus', value);
export const followUpKindLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'followUpKind', value);
export const ageBandLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'ageBand', value);
export const householdLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'household', value);
export const needTypeLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'needType', value);
export const instalmentKindLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'instalmentKind', value);
export const paymentMethodLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'paymentMethod', value);
export const pledgeStatusLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'pledgeStatus', value);
export const subscriptionStatusLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'subscriptionStatus', value);
export const contractStatusLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'contractStatus', value);
export const changeKindLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'changeKind', value);
export const changeStatusLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'changeStatus', value);

export const leadSourceOptions = (t: Translate) => kLeadSources.map((value) => ({ value, label: leadSourceLabel(t, value) }));
export const intentOptions = (t: Translate) => kIntents.map((value) => ({ value, label: intentLabel(t, value) }));
export const leadStatusOptions = (t: Translate) => kLeadStatuses.map((value) => ({ value, label: leadStatusLabel(t, value) }));
export const followUpKindOptions = (t: Translate) => kFollowUpKinds.map((value) => ({ value, label: followUpKindLabel(t, value) }));
export const ageBandOptions = (t: Translate) => kAgeBands.map((value) => ({ value, label: ageBandLabel(t, value) }));
export const householdOptions = (t: Translate) => kHouseholds.map((value) => ({ value, label: householdLabel(t, value) }));
export const needTypeOptions = (t: Translate) => kNeedTypes.map((value) => ({ value, label: needTypeLabel(t, value) }));
export const instalmentKindOptions = (t: Translate) => kInstalmentKinds.map((value) => ({ value, label: instalmentKindLabel(t, value) }));
export const changeKindOptions = (t: Translate) => kChangeKinds.map((value) => ({ value, label: changeKindLabel(t, value) }));
export const paymentMethodOptions = (t: Translate) => kPaymentMethods.map((value) => ({ value, label: paymentMethodLabel(t, value) }));

/** 意向等级 colours: A red (hot), B orange, C blue, D grey. */
export const kIntentColors: Record<Intent, string> = { A: 'red', B: 'orange', C: 'blue', D: 'default' };

export const kLeadStatusColors: Record<string, string> = { active: 'processing', won: 'success', lost: 'default' };
export const kPledgeStatusColors: Record<string, string> = { active: 'gold', converted: 'green', refunded: 'default' };
export const kContractStatusColors: Record<string, string> = { signed: 'green', cancelled: 'default' };
export const kChangeStatusColors: Record<string, string> = { pending: 'gold', approved: 'green', rejected: 'red' };
export const kChangeKindColors: Record<string, string> = { change_unit: 'blue', rename: 'purple', cancel: 'volcano', discount: 'cyan' };

/** An amount in fen as people read it: "¥3,000,000", "¥1,280.5"; "¥0" for nothing (paid, overdue). */
export function formatMoney(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '—';
  return cents === 0 ? '¥0' : formatYuan(cents);
}

/** 万元 as typed (up to 4 decimals: to the yuan) to integer fen. */
export function wanToFen(wan: number | null | undefined): number | undefined {
  if (wan === null || wan === undefined || Number.isNaN(wan)) return undefined;
  return Math.round(wan * 10_000) * 100;
}

/** A budget in fen as 万元: "300万"; English gets "¥3M". */
export function formatBudget(t: Translate, cents: number | null | undefined): string {
  if (!cents) return '—';
  return t('sales.budgetWan', { wan: Number((cents / 1_000_000).toFixed(2)), million: Number((cents / 100_000_000).toFixed(2)) });
}

/** A server time as a date and minutes, in local time: "2027-01-05 21:46". */
export const formatMinute = (value: string | null | undefined) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '');

/** A server time as its local date: "2027-01-05". */
export const formatDay = (value: string | null | undefined) => (value ? dayjs(value).format('YYYY-MM-DD') : '');

/** The share of a buyer (0–1) as a percentage: "50%", "33.33%". */
export const formatPercent = (share: number) => `${Number((share * 100).toFixed(2))}%`;

export const backToLeads = (t: Translate): BackTo => ({ path: '/sales/leads', label: t('lead.backToList') });
export const backToContracts = (t: Translate): BackTo => ({ path: '/sales/contracts', label: t('contract.backToList') });
