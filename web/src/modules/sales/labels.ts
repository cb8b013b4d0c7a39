import dayjs from 'dayjs';
import type { Translate } from '../../app/i18n/i18nContext';
import { valueLabel } from '../../app/i18n/i18nContext';
import type { BackTo } from '../../shared/ui/RecordPage';
import { formatYuan } from '../inventory/labels';
import {
  kAdjustMethods,
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
  kReferralStatuses,
  kContactKinds,
  type AdjustMethod,
  type DiscountScheme,
  type FunnelBy,
  type FunnelRow,
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
export const referralStatusLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'referralStatus', value);
/** Why a referral was refused (`error.reason` of 422 referral_invalid), as the field's reason says it. */
export const referralReasonLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'reason', value);

export const adjustMethodLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'adjustMethod', value);
export const adjustmentStatusLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'adjustmentStatus', value);
export const disputeStatusLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'disputeStatus', value);
export const priceApprovalLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'priceApprovalState', value);

export const leadSourceOptions = (t: Translate) => kLeadSources.map((value) => ({ value, label: leadSourceLabel(t, value) }));
export const intentOptions = (t: Translate) => kIntents.map((value) => ({ value, label: intentLabel(t, value) }));
export const leadStatusOptions = (t: Translate) => kLeadStatuses.map((value) => ({ value, label: leadStatusLabel(t, value) }));
export const followUpKindOptions = (t: Translate) => kFollowUpKinds.map((value) => ({ value, label: followUpKindLabel(t, value) }));
export const ageBandOptions = (t: Translate) => kAgeBands.map((value) => ({ value, label: ageBandLabel(t, value) }));
export const householdOptions = (t: Translate) => kHouseholds.map((value) => ({ value, label: householdLabel(t, value) }));
export const needTypeOptions = (t: Translate) => kNeedTypes.map((value) => ({ value, label: needTypeLabel(t, value) }));
export const instalmentKindOptions = (t: Translate) => kInstalmentKinds.map((value) => ({ value, label: instalmentKindLabel(t, value) }));
export const changeKindOptions = (t: Translate) => kChangeKinds.map((value) => ({ value, label: changeKindLabel(t, value) }));
export const referralStatusOptions = (t: Translate) => kReferralStatuses.map((value) => ({ value, label: referralStatusLabel(t, value) }));
export const adjustMethodOptions = (t: Translate) => kAdjustMethods.map((value) => ({ value, label: adjustMethodLabel(t, value) }));
export const paymentMethodOptions = (t: Translate) => kPaymentMethods.map((value) => ({ value, label: paymentMethodLabel(t, value) }));

/** 意向等级 colours: A red (hot), B orange, C blue, D grey. */
export const kIntentColors: Record<Intent, string> = { A: 'red', B: 'orange', C: 'blue', D: 'default' };

export const kLeadStatusColors: Record<string, string> = { active: 'processing', won: 'success', lost: 'default' };
export const kPledgeStatusColors: Record<string, string> = { active: 'gold', converted: 'green', refunded: 'default' };
export const kContractStatusColors: Record<string, string> = { signed: 'green', cancelled: 'default' };
export const kChangeStatusColors: Record<string, string> = { pending: 'gold', approved: 'green', rejected: 'red' };
/** 待签约 blue, 待发放 gold (a manager's to do), 已发放 green. */
export const kReferralStatusColors: Record<string, string> = { pending: 'blue', earned: 'gold', paid: 'green' };
/** 草稿 gold (waiting for a manager), 已执行 green, 已撤销 grey. */
export const kAdjustmentStatusColors: Record<string, string> = { draft: 'gold', applied: 'green', cancelled: 'default' };
/** 判客争议: 待裁决 gold, 已支持申请人 green, 维持原归属 default. */
export const kDisputeStatusColors: Record<string, string> = { pending: 'gold', upheld: 'green', rejected: 'default' };
/** 底价审批: 待审批 gold, 已批准 green, 已驳回 red. */
export const kPriceApprovalColors: Record<string, string> = { none: 'default', pending: 'gold', approved: 'green', rejected: 'red' };
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

/** Yuan as typed (to the fen) to integer fen. */
export function yuanToFen(yuan: number | null | undefined): number | undefined {
  if (yuan === null || yuan === undefined || Number.isNaN(yuan)) return undefined;
  return Math.round(yuan * 100);
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

const kRate = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** Basis points as a percentage without the sign: 300 → "3", 250 → "2.5". */
const bpPercent = (bp: number) => kRate.format(Math.abs(bp) / 100);

/**
 * How an adjustment changes the prices, in words: "上调 3%", "下调 2.5%", "每平米 +¥500",
 * "定价 ¥30,000/㎡".
 */
export function adjustMethodText(t: Translate, method: AdjustMethod | string, value: number): string {
  switch (method) {
    case 'percent':
      return t(value >= 0 ? 'price.raisePercent' : 'price.cutPercent', { percent: bpPercent(value) });
    case 'per_m2':
      return t(value >= 0 ? 'price.raisePerM2' : 'price.cutPerM2', { amount: formatMoney(Math.abs(value)) });
    case 'set_per_m2':
      return t('price.setPerM2', { amount: formatMoney(value) });
    default:
      return adjustMethodLabel(t, method);
  }
}

/** A change from `before` to `after` as a signed percentage of `before`: "+3%", "−2.5%"; "" without a price before. */
export function changePercent(before: number, after: number): string {
  if (!before) return '';
  const rate = ((after - before) / before) * 100;
  const text = kRate.format(Math.abs(rate));
  return rate > 0 ? `+${text}%` : rate < 0 ? `−${text}%` : '0%';
}

/** A signed amount of money: "+¥90,000", "−¥12,000", "¥0". */
export function signedMoney(cents: number): string {
  return cents > 0 ? `+${formatMoney(cents)}` : cents < 0 ? `−${formatMoney(-cents)}` : formatMoney(0);
}

const kChineseDigits = '〇一二三四五六七八九';

/**
 * 折 as people say it, from the basis points off: 200 → "九八折", 1000 → "九折", 1500 → "八五折",
 * 250 → "97.5折".
 */
export function zheText(percentOffBp: number): string {
  const zhe = (10_000 - percentOffBp) / 100;
  if (!Number.isInteger(zhe) || zhe < 10 || zhe > 99) return `${kRate.format(zhe)}折`;
  const tens = kChineseDigits[Math.floor(zhe / 10)];
  return zhe % 10 === 0 ? `${tens}折` : `${tens}${kChineseDigits[zhe % 10]}折`;
}

/** What a scheme takes off, in words: "九八折" (English "2% off") or "减¥50,000" ("¥50,000 off"). */
export function schemeDiscountText(t: Translate, scheme: Pick<DiscountScheme, 'percent_off_bp' | 'amount_off_cents'>): string {
  if (scheme.percent_off_bp > 0) return t('scheme.percentOff', { zhe: zheText(scheme.percent_off_bp), percent: bpPercent(scheme.percent_off_bp) });
  return t('scheme.amountOff', { amount: formatMoney(scheme.amount_off_cents) });
}

/** A scheme's dates: "2027-01-01 至 2027-03-31", "2027-01-01 起", "至 2027-03-31", "长期有效". */
export function schemeValidityText(t: Translate, scheme: Pick<DiscountScheme, 'valid_from' | 'valid_to'>): string {
  const { valid_from: from, valid_to: to } = scheme;
  if (from && to) return t('scheme.validBetween', { from, to });
  if (from) return t('scheme.validFrom', { from });
  if (to) return t('scheme.validTo', { to });
  return t('scheme.validAlways');
}

/** Today in China (the server's calendar for schemes' dates), as YYYY-MM-DD. */
export const chinaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** Whether a scheme may be given today, or why not: the server's reasons (discount_scheme_ids[i]). */
export type SchemeState = 'valid' | 'inactive' | 'not_yet_valid' | 'expired' | 'exhausted';

export function schemeState(scheme: DiscountScheme, today = chinaToday()): SchemeState {
  if (!scheme.active) return 'inactive';
  if (scheme.valid_from && today < scheme.valid_from) return 'not_yet_valid';
  if (scheme.valid_to && today > scheme.valid_to) return 'expired';
  if (scheme.max_uses !== null && scheme.uses >= scheme.max_uses) return 'exhausted';
  return 'valid';
}

export const schemeStateLabel = (t: Translate, state: SchemeState) => valueLabel(t, 'schemeState', state);
export const kSchemeStateColors: Record<SchemeState, string> = { valid: 'green', inactive: 'default', not_yet_valid: 'blue', expired: 'default', exhausted: 'orange' };

/**
 * What the chosen schemes make of a list price, as the server works it out: the percentages one
 * after another (each rounded to the fen), then the amounts (never below zero); each scheme's share.
 */
export function schemePrice(listCents: number, schemes: readonly Pick<DiscountScheme, 'percent_off_bp' | 'amount_off_cents'>[]): { priceCents: number; offCents: number[] } {
  const offCents = schemes.map(() => 0);
  let price = listCents;
  schemes.forEach((scheme, i) => {
    if (!scheme.percent_off_bp) return;
    const off = Math.round((price * scheme.percent_off_bp) / 10_000);
    offCents[i] = off;
    price -= off;
  });
  price = Math.trunc(price);
  schemes.forEach((scheme, i) => {
    if (!scheme.amount_off_cents) return;
    const off = Math.min(scheme.amount_off_cents, price);
    offCents[i] = off;
    price -= off;
  });
  return { priceCents: price, offCents };
}

/** 底价: `percent` of the list price, rounded up to the fen (as the server does). */
export const floorOf = (listCents: number, percent: number) => Math.floor((listCents * percent + 99) / 100);

export const dunningStatusLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'dunningStatus', value);
/** 逾期提醒 (1), 逾期催告 (2), 转法务 (3). */
export const dunningStageLabel = (t: Translate, stage: number | null | undefined) => valueLabel(t, 'dunningStage', stage ? String(stage) : '');
export const contactKindLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'contactKind', value);
export const contactKindOptions = (t: Translate) => kContactKinds.map((value) => ({ value, label: contactKindLabel(t, value) }));
export const funnelByLabel = (t: Translate, value: FunnelBy) => valueLabel(t, 'funnelBy', value);
export const consentStatusLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'consentStatus', value);

/** 待催收 red (to do), 已承诺 blue (waiting for the promised day), 已结清 green. */
export const kDunningStatusColors: Record<string, string> = { open: 'volcano', promised: 'blue', closed: 'green' };
/** 逾期提醒 gold, 逾期催告 orange, 转法务 red. */
export const kDunningStageColors: Record<number, string> = { 1: 'gold', 2: 'orange', 3: 'red' };

/** A rate (0–1) as a percentage to one decimal: "45.5%"; "—" when there is none (nothing to divide by). */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  return `${Number((rate * 100).toFixed(1))}%`;
}

/**
 * A row of the funnel in words: a channel by the UI's word for it, 合计 for the total, a consultant or
 * a project by the name the server sent.
 */
export function funnelRowLabel(t: Translate, by: FunnelBy, row: Pick<FunnelRow, 'key' | 'label'>): string {
  if (row.key === 'total') return t('funnel.total');
  if (by === 'channel') return leadSourceLabel(t, row.key) || row.label;
  return row.label || t('funnel.unnamed');
}

const kProfileWords: Record<string, (t: Translate, value: string) => string> = {
  age_band: ageBandLabel,
  household: householdLabel,
  need_type: needTypeLabel,
  source: leadSourceLabel,
  intent: intentLabel,
};

/** A dimension of the visitor profile by the UI's name for it (年龄段, 家庭结构…), else the server's. */
export function profileDimensionLabel(t: Translate, key: string, fallback: string): string {
  return valueLabel(t, 'profile.dimension', key) === key ? fallback : valueLabel(t, 'profile.dimension', key);
}

/** A value of a profile dimension in the UI's words (the same as the desk's), 未填写 for none. */
export function profileItemLabel(t: Translate, dimension: string, key: string, fallback: string): string {
  if (key === 'unknown') return t('profile.unknown');
  const word = kProfileWords[dimension]?.(t, key);
  return word && word !== key ? word : fallback || key;
}
