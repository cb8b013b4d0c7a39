// The club's words and marks: the ledger's reasons (the server names them by code: `purchase`), the
// tiers' colours (by their place among the group's tiers: the codes are the group's own), points.
import type { Translate } from '../../app/i18n/i18nContext';
import { valueLabel } from '../../app/i18n/i18nContext';
import type { BackTo } from '../../shared/ui/RecordPage';
import type { ClubMember, ClubTier, MoveReason, PointsReason } from './types';

export const backToMembers = (t: Translate): BackTo => ({ path: '/club/members', label: t('club.backToMembers') });

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
