// The club's small marks: a member's tier by its name in its colour, a ledger line's reason in words.
import { Tag } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { useClubSettings } from '../queries';
import { reasonLabel, tierColor } from '../labels';
import type { MoveReason } from '../types';

const kTag = { marginInlineEnd: 0 };

/** 普卡, 银卡…: the tier's name (the server's, from the group's tiers) in its colour. */
export function TierTag({ code, name, testId }: { code: string; name: string; testId?: string }) {
  const settings = useClubSettings();
  return (
    <Tag color={tierColor(settings.data?.tiers, code)} style={kTag} data-testid={testId} data-tier={code}>
      {name}
    </Tag>
  );
}

const kReasonColors: Record<string, string> = {
  referral: 'green',
  purchase: 'blue',
  survey: 'cyan',
  event: 'geekblue',
  adjustment: 'gold',
  redeem: 'magenta',
  expired: 'default',
};

/** A ledger line's reason in words: 推荐成交, 购房, 参与调查, 参加活动, 调整, 兑换, 过期. */
export function ReasonTag({ reason }: { reason: MoveReason }) {
  const t = useT();
  return (
    <Tag color={kReasonColors[reason] ?? 'default'} style={kTag} data-reason={reason}>
      {reasonLabel(t, reason)}
    </Tag>
  );
}
