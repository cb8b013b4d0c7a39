// The club's small marks: a member's tier by its name in its colour, a ledger line's reason in words.
import { Tag } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { useClubSettings } from '../queries';
import { eventState, eventStateLabel, kEventStateColors, kOfferStateColors, offerState, offerStateLabel, reasonLabel, tierColor } from '../labels';
import type { ClubEvent, ClubOffer, MoveReason } from '../types';

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

/** An event's status in words: 报名中, 已结束 (closed or over), 已取消. */
export function EventStateTag({ event, testId }: { event: Pick<ClubEvent, 'status' | 'ends_at'>; testId?: string }) {
  const t = useT();
  const state = eventState(event);
  return (
    <Tag color={kEventStateColors[state]} style={kTag} data-testid={testId} data-state={state}>
      {eventStateLabel(t, state)}
    </Tag>
  );
}

/** An offer's status in words: 有效, 未开始, 已过期, 已下架. */
export function OfferStateTag({ offer, testId }: { offer: Pick<ClubOffer, 'status' | 'valid_from' | 'valid_to'>; testId?: string }) {
  const t = useT();
  const state = offerState(offer);
  return (
    <Tag color={kOfferStateColors[state]} style={kTag} data-testid={testId} data-state={state}>
      {offerStateLabel(t, state)}
    </Tag>
  );
}
