// Campaigns' small marks: a campaign's status, a delivery log line's status and its message's, in words.
import { Tag } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { kMessageColors, kRecipientColors, kStatusColors, messageStatusLabel, recipientStatusLabel, statusLabel } from '../labels';
import type { CampaignStatus, MessageStatus, RecipientStatus } from '../types';

const kTag = { marginInlineEnd: 0 };

/** 草稿, 读取受众中, 发送中, 已完成, 已取消. */
export function StatusTag({ status, testId }: { status: CampaignStatus; testId?: string }) {
  const t = useT();
  return (
    <Tag color={kStatusColors[status] ?? 'default'} style={kTag} data-testid={testId} data-status={status}>
      {statusLabel(t, status)}
    </Tag>
  );
}

/** A recipient: 排队中, 已发出, 未发送, 已取消. */
export function RecipientTag({ status, testId }: { status: RecipientStatus; testId?: string }) {
  const t = useT();
  return (
    <Tag color={kRecipientColors[status] ?? 'default'} style={kTag} data-testid={testId} data-status={status}>
      {recipientStatusLabel(t, status)}
    </Tag>
  );
}

/** A message: 待回执, 已送达, 发送失败, 通道未配置，仅记录. */
export function MessageTag({ status }: { status: MessageStatus }) {
  const t = useT();
  return (
    <Tag color={kMessageColors[status] ?? 'default'} style={kTag} data-status={status}>
      {messageStatusLabel(t, status)}
    </Tag>
  );
}
