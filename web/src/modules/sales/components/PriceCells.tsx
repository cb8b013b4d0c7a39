import { Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { buildingLabel } from '../../inventory/labels';
import {
  adjustmentStatusLabel,
  changePercent,
  formatMoney,
  kAdjustmentStatusColors,
  kPriceApprovalColors,
  kSchemeStateColors,
  priceApprovalLabel,
  schemeState,
  schemeStateLabel,
} from '../labels';
import type { Adjustment, DiscountScheme } from '../types';

export function AdjustmentStatusTag({ status, testId }: { status: string; testId?: string }) {
  const t = useT();
  return (
    <Tag color={kAdjustmentStatusColors[status] ?? 'default'} style={{ marginInlineEnd: 0 }} data-testid={testId} data-status={status}>
      {adjustmentStatusLabel(t, status)}
    </Tag>
  );
}

/** 底价审批 of a subscription: 待审批, 已批准, 已驳回 (nothing when none was needed). */
export function PriceApprovalTag({ approval, testId }: { approval: string; testId?: string }) {
  const t = useT();
  if (approval === 'none') return null;
  return (
    <Tag color={kPriceApprovalColors[approval] ?? 'default'} style={{ marginInlineEnd: 0 }} data-testid={testId} data-approval={approval}>
      {priceApprovalLabel(t, approval)}
    </Tag>
  );
}

/** Whether a scheme may be given today: 有效, 已停用, 未开始, 已过期, 已用完. */
export function SchemeStateTag({ scheme, testId }: { scheme: DiscountScheme; testId?: string }) {
  const t = useT();
  const state = schemeState(scheme);
  return (
    <Tag color={kSchemeStateColors[state]} style={{ marginInlineEnd: 0 }} data-testid={testId} data-state={state}>
      {schemeStateLabel(t, state)}
    </Tag>
  );
}

/** The units an adjustment covers: "3号楼" or 全部楼栋. */
export const adjustmentScope = (t: ReturnType<typeof useT>, building: string | null) => (building ? buildingLabel(t, building) : t('price.allBuildings'));

/** A price (or a total) before and after: "¥3,000,000 → ¥3,090,000" and the change, green up and red down. */
export function BeforeAfter({ before, after, testId, strong }: { before: number; after: number; testId?: string; strong?: boolean }) {
  const change = changePercent(before, after);
  const color = after > before ? '#389e0d' : after < before ? '#cf1322' : undefined;
  return (
    <span data-testid={testId} style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
      <Typography.Text type="secondary">{formatMoney(before)}</Typography.Text>
      {' → '}
      <Typography.Text strong={strong}>{formatMoney(after)}</Typography.Text>
      {change && <span style={{ color, marginInlineStart: 6, whiteSpace: 'nowrap' }}>{change}</span>}
    </span>
  );
}

/** Who drafted an adjustment, and who applied or cancelled it, when. */
export function adjustmentDecision(t: ReturnType<typeof useT>, a: Adjustment, when: (at: string) => string): string {
  if (!a.decided_at) return '—';
  return t(a.status === 'applied' ? 'price.appliedBy' : 'price.cancelledBy', { name: a.decided_by_name ?? '—', at: when(a.decided_at) });
}
