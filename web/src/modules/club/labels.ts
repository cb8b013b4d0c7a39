// The club's words and marks: the ledger's reasons (the server names them by code: `purchase`), the
// tiers' colours (by their place among the group's tiers: the codes are the group's own), points.
import type { Translate } from '../../app/i18n/i18nContext';
import { valueLabel } from '../../app/i18n/i18nContext';
import type { BackTo } from '../../shared/ui/RecordPage';
import type { ClubEvent, ClubMember, ClubOffer, ClubTier, MoveReason, PointsReason } from './types';

export const backToMembers = (t: Translate): BackTo => ({ path: '/club/members', label: t('club.backToMembers') });
export const backToEvents = (t: Translate): BackTo => ({ path: '/club/events', label: t('clubEvents.back') });

/** A reason in words: 推荐成交, 购房, 参与调查, 参加活动, 调整, 兑换, 过期. */
export const reasonLabel = (t: Translate, reason: MoveReason | PointsReason) => valueLabel(t, 'clubReason', reason);

/** The reasons staff give when a member earns points by hand; 调整 only for managers (apart, `kAdjustReason`). */
export const kEarnReasons = ['event', 'survey', 'referral', 'purchase'] as const satisfies readonly PointsReason[];
export const kAdjustReason = 'adjustment' satisfies PointsReason;

const grouped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** Points with thousands grouped: "4,500". */
export const formatPoints = (points: number) => grouped.format(points);
/** A ledger line's points with their sign: "+3,000", "−500". */
export const signedPoints = (delta: number) => (delta > 0 ? `+${grouped.format(delta)}` : `−${grouped.format(-delta)}`);

/** A tier's colour by its place among the group's tiers, lowest first (普卡 grey … 钻石卡 purple). */
const kTierColors = ['default', 'blue', 'gold', 'purple', 'magenta', 'cyan', 'green', 'orange', 'red', 'geekblue'];
export function tierColor(tiers: readonly ClubTier[] | undefined, code: string): string {
  const at = tiers?.findIndex((tier) => tier.code === code) ?? -1;
  return at < 0 ? 'default' : kTierColors[at % kTierColors.length];
}

/** The tier above the member's, and how many points of the last twelve months it still needs (null at the top). */
export function nextTier(tiers: readonly ClubTier[] | undefined, member: Pick<ClubMember, 'tier' | 'earned_12m'>): { tier: ClubTier; missing: number } | null {
  if (!tiers) return null;
  const at = tiers.findIndex((tier) => tier.code === member.tier);
  const next = at < 0 ? undefined : tiers[at + 1];
  return next ? { tier: next, missing: Math.max(0, next.min_points_12m - member.earned_12m) } : null;
}

const kChinaTime = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** A server time as China's wall clock, whatever the browser's zone: "2026-12-20 14:30". */
export function chinaTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const part = Object.fromEntries(kChinaTime.formatToParts(date).map((x) => [x.type, x.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/** An event's time: "2026-12-20 14:30 – 16:30" (the end's day too when it is another). */
export function eventTime(event: Pick<ClubEvent, 'starts_at' | 'ends_at'>): string {
  const start = chinaTime(event.starts_at);
  const end = chinaTime(event.ends_at);
  return `${start} – ${end.slice(0, 10) === start.slice(0, 10) ? end.slice(11) : end}`;
}

/** Today in China: "2026-12-07". */
export const chinaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** What an event shows: 报名中 (open, not over), 已结束 (closed, or over), 已取消. */
export type EventState = 'open' | 'closed' | 'cancelled';
export function eventState(event: Pick<ClubEvent, 'status' | 'ends_at'>, now = Date.now()): EventState {
  if (event.status === 'cancelled') return 'cancelled';
  return event.status === 'closed' || new Date(event.ends_at).getTime() <= now ? 'closed' : 'open';
}
export const eventStateLabel = (t: Translate, state: EventState) => valueLabel(t, 'clubEventState', state);
export const kEventStateColors: Record<EventState, string> = { open: 'green', closed: 'default', cancelled: 'red' };

/** What an offer shows: 有效, 未开始, 已过期, 已下架. */
export type OfferState = 'active' | 'upcoming' | 'expired' | 'withdrawn';
export function offerState(offer: Pick<ClubOffer, 'status' | 'valid_from' | 'valid_to'>, today = chinaToday()): OfferState {
  if (offer.status === 'withdrawn') return 'withdrawn';
  if (offer.valid_to < today) return 'expired';
  return offer.valid_from > today ? 'upcoming' : 'active';
}
export const offerStateLabel = (t: Translate, state: OfferState) => valueLabel(t, 'clubOfferState', state);
export const kOfferStateColors: Record<OfferState, string> = { active: 'green', upcoming: 'blue', expired: 'default', withdrawn: 'red' };

/** The lowest tier an event or offer is open to, by its name; 全体会员 when none. */
export function tierMinName(t: Translate, tiers: readonly ClubTier[] | undefined, code: string | null): string {
  if (!code) return t('clubEvents.allMembers');
  const tier = tiers?.find((x) => x.code === code);
  return tier ? t('clubEvents.tierAndAbove', { tier: tier.name }) : '—';
}

/** A rate as a percentage with one decimal: "12.3%"; null (no one to count) 无数据. */
export const formatRate = (t: Translate, rate: number | null) => (rate === null || !Number.isFinite(rate) ? t('clubRates.noData') : `${(rate * 100).toFixed(1)}%`);
