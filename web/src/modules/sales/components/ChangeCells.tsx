import { Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { changeKindLabel, changeStatusLabel, formatMoney, formatPercent, kChangeKindColors, kChangeStatusColors } from '../labels';
import type { Buyer, ChangeOrder } from '../types';

export function ChangeStatusTag({ status, testId }: { status: string; testId?: string }) {
  const t = useT();
  return (
    <Tag color={kChangeStatusColors[status] ?? 'default'} style={{ marginInlineEnd: 0 }} data-testid={testId} data-status={status}>
      {changeStatusLabel(t, status)}
    </Tag>
  );
}

export function ChangeKindTag({ kind }: { kind: string }) {
  const t = useT();
  return (
    <Tag color={kChangeKindColors[kind] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {changeKindLabel(t, kind)}
    </Tag>
  );
}

/** The buyers with their shares: "张三（60%）、李四（40%）"; just the name for a single buyer. */
export function buyersText(t: ReturnType<typeof useT>, buyers: Buyer[]): string {
  return buyers
    .map((b) => (buyers.length > 1 ? t('sales.withShare', { name: b.name, share: formatPercent(b.share) }) : b.name))
    .join(t('sales.separator'));
}

/** What a change order changes, in words: 换至 1-1-602, 买受人改为 …, 减免 ¥20,000, 合同作废. */
export function ChangeWhat({ change, testId }: { change: ChangeOrder; testId?: string }) {
  const t = useT();
  let text: string;
  switch (change.kind) {
    case 'change_unit':
      text = t('change.toUnit', { code: change.new_unit_code ?? '—' });
      break;
    case 'rename':
      text = `${t('change.toBuyers')} ${buyersText(t, change.buyers)}`;
      break;
    case 'discount':
      text = t('change.minus', { amount: formatMoney(change.discount_cents) });
      break;
    default:
      text = t('change.cancelWhat');
  }
  return (
    <Typography.Text data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
      {text}
    </Typography.Text>
  );
}
