// Campaigns' words and marks: statuses, channels, audiences, the delivery log's outcomes, opt-outs
// (the server names them by code: `sending`, `no_consent`), their colours, counts; and the message
// template's rules as the server applies them (its faults, the text each customer receives).
import type { Translate } from '../../app/i18n/i18nContext';
import { valueLabel } from '../../app/i18n/i18nContext';
import type { BackTo } from '../../shared/ui/RecordPage';
import type { AudienceKind, CampaignStatus, Channel, MessageStatus, OptOutChannel, OptOutSource, RecipientStatus, SkipReason } from './types';

export const backToCampaigns = (t: Translate): BackTo => ({ path: '/campaigns', label: t('campaigns.back') });

export const kChannels = ['sms', 'email', 'wechat'] as const satisfies readonly Channel[];
export const kStatuses = ['draft', 'queuing', 'sending', 'done', 'cancelled'] as const satisfies readonly CampaignStatus[];
export const kAudienceKinds = ['segment', 'project', 'tier', 'all', 'customers'] as const satisfies readonly AudienceKind[];
export const kRecipientStatuses = ['queued', 'sent', 'skipped', 'cancelled'] as const satisfies readonly RecipientStatus[];
export const kOptOutChannels = ['all', 'sms', 'email', 'wechat'] as const satisfies readonly OptOutChannel[];

/** 短信, 邮件, 微信模板消息. */
export const channelLabel = (t: Translate, channel: Channel) => valueLabel(t, 'campaignChannel', channel);
/** 草稿, 读取受众中, 发送中, 已完成, 已取消. */
export const statusLabel = (t: Translate, status: CampaignStatus) => valueLabel(t, 'campaignStatus', status);
export const audienceKindLabel = (t: Translate, kind: AudienceKind) => valueLabel(t, 'audienceKind', kind);
/** 排队中, 已发出, 未发送, 已取消. */
export const recipientStatusLabel = (t: Translate, status: RecipientStatus) => valueLabel(t, 'recipientStatus', status);
/** 未同意营销, 已退订, 无联系方式. */
export const skipReasonLabel = (t: Translate, reason: SkipReason | null) => valueLabel(t, 'skipReason', reason);
export const messageStatusLabel = (t: Translate, status: MessageStatus | null) => valueLabel(t, 'campaignMessageStatus', status);
/** 全部渠道, 短信, 邮件, 微信. */
export const optOutChannelLabel = (t: Translate, channel: OptOutChannel) => valueLabel(t, 'optOutChannel', channel);
/** 退订链接, 客服登记. */
export const optOutSourceLabel = (t: Translate, source: OptOutSource) => valueLabel(t, 'optOutSource', source);

export const kStatusColors: Record<CampaignStatus, string> = { draft: 'default', queuing: 'gold', sending: 'processing', done: 'green', cancelled: 'red' };
export const kRecipientColors: Record<RecipientStatus, string> = { queued: 'gold', sent: 'green', skipped: 'default', cancelled: 'red' };
export const kMessageColors: Record<MessageStatus, string> = { queued: 'gold', sent: 'green', failed: 'red', unconfigured: 'default' };

/** Being read into recipients or sent: the page follows it. */
export const isActive = (status: CampaignStatus) => status === 'queuing' || status === 'sending';

const grouped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
/** A count with thousands grouped: "12,480". */
export const formatCount = (count: number) => grouped.format(count);

// ---- The template ---------------------------------------------------------------------------

/** The placeholders a template may use: the customer's name, their unsubscribe link. */
export const kPlaceholders = ['name', 'unsubscribe'] as const;
export type TemplateFaultReason = 'unknown_placeholder' | 'unclosed_brace' | 'unopened_brace';
/** A template's fault: what, and the character where (0-based, in characters as people count them). */
export interface TemplateFault {
  reason: TemplateFaultReason;
  at: number;
}

/** The template's first fault as the server finds it (src/modules/campaigns/campaign.cpp CheckTemplate), or null. */
export function checkTemplate(text: string): TemplateFault | null {
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '{') {
      const close = chars.indexOf('}', i);
      if (close < 0) return { reason: 'unclosed_brace', at: i };
      const word = chars.slice(i + 1, close).join('');
      if (!(kPlaceholders as readonly string[]).includes(word)) return { reason: 'unknown_placeholder', at: i };
      i = close;
    } else if (chars[i] === '}') {
      return { reason: 'unopened_brace', at: i };
    }
  }
  return null;
}

/** A server reason of a template field ("unknown_placeholder@3") as a fault, or null for another reason. */
export function parseTemplateFault(reason: string): TemplateFault | null {
  const match = /^(unknown_placeholder|unclosed_brace|unopened_brace)@(\d+)$/.exec(reason);
  return match ? { reason: match[1] as TemplateFaultReason, at: Number(match[2]) } : null;
}

/** A fault in words: 第 4 个字符处有未知的占位符. */
export const templateFaultText = (t: Translate, fault: TemplateFault) => t(`templateFault.${fault.reason}`, { position: fault.at + 1 });

/**
 * The text a customer receives (campaign.cpp Render): {name} their name, {unsubscribe} their link,
 * which is appended after 退订： when the text does not place it (an e-mail's on a line of its own).
 */
export function renderTemplate(text: string, name: string, link: string, channel: Channel): string {
  const placed = text.includes('{unsubscribe}');
  const out = text.replaceAll('{name}', name).replaceAll('{unsubscribe}', link);
  if (placed || !link) return out;
  return out + (channel === 'email' ? `\n\n不想再收到这类邮件？退订：${link}` : ` 退订：${link}`);
}

/** A WeChat template message's fields as sent: first (the text), the others, and the link in remark unless a field places it. */
export function renderWeChat(text: string, fields: readonly { key: string; value: string }[], name: string, link: string): { key: string; value: string }[] {
  let placed = text.includes('{unsubscribe}');
  const out = [{ key: 'first', value: renderTemplate(text, name, placed ? link : '', 'wechat') }];
  for (const field of fields) {
    const here = field.value.includes('{unsubscribe}');
    placed ||= here;
    out.push({ key: field.key, value: renderTemplate(field.value, name, here ? link : '', 'wechat') });
  }
  if (!placed) {
    const remark = out.find((field) => field.key === 'remark');
    if (remark) remark.value += ` 退订：${link}`;
    else out.push({ key: 'remark', value: `退订：${link}` });
  }
  return out;
}

/** How many SMS a text takes: one of 70 characters, else parts of 67. */
export function smsParts(text: string): number {
  const length = [...text].length;
  return length <= 70 ? 1 : Math.ceil(length / 67);
}
