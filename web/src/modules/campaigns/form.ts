// The campaign editor's form: its values, from a campaign and back to the body the server takes, and
// where the server's field names land on it.
import type { NamePath } from 'antd/es/form/interface';
import type { Audience, AudienceKind, Campaign, CampaignBody, Channel } from './types';

/** A WeChat template's field other than first: its name (keyword1, remark…) and its text. */
export interface WeChatField {
  key: string;
  value: string;
}

export interface CampaignValues {
  name: string;
  channel: Channel;
  kind: AudienceKind;
  model_id?: number;
  segments?: string[];
  project_id?: number;
  /** '' for every member */
  tier?: string;
  customer_ids?: number[];
  subject?: string;
  template: string;
  wechat_template_id?: string;
  wechat_fields?: WeChatField[];
  rate_per_minute: number;
  quiet_hours: boolean;
}

export const kFields = [
  'name',
  'channel',
  'kind',
  'model_id',
  'segments',
  'project_id',
  'tier',
  'customer_ids',
  'subject',
  'template',
  'wechat_template_id',
  'wechat_fields',
  'rate_per_minute',
  'quiet_hours',
] as const;

/** The fields that make the audience (with the channel, what a count depends on). */
export const kAudienceFields = ['channel', 'kind', 'model_id', 'segments', 'project_id', 'tier', 'customer_ids'] as const;

/** The segment code of 未归类 (the customers no segment of the model takes). */
export const kUnclassified = '_none';
export const kDefaultRate = 600;
/** A WeChat template's usual fields besides first, offered on a new campaign. */
const kDefaultWeChatFields: WeChatField[] = [
  { key: 'keyword1', value: '' },
  { key: 'keyword2', value: '' },
  { key: 'remark', value: '' },
];
/** A WeChat field's name as the server takes it: letters, digits, _ and ., not first. */
export const kWeChatKey = /^[A-Za-z0-9_.]{1,32}$/;

export const newCampaignValues = (): CampaignValues => ({
  name: '',
  channel: 'sms',
  kind: 'all',
  tier: '',
  template: '',
  wechat_fields: kDefaultWeChatFields.map((field) => ({ ...field })),
  rate_per_minute: kDefaultRate,
  quiet_hours: true,
});

export function valuesOf(campaign: Campaign): CampaignValues {
  const { audience } = campaign;
  const fields = Object.entries(campaign.wechat_fields ?? {}).map(([key, value]) => ({ key, value }));
  return {
    name: campaign.name,
    channel: campaign.channel,
    kind: audience.kind,
    model_id: audience.model_id,
    segments: audience.segments,
    project_id: audience.project_id,
    tier: audience.tier ?? '',
    customer_ids: audience.customer_ids,
    subject: campaign.subject ?? '',
    template: campaign.template,
    wechat_template_id: campaign.wechat_template_id ?? '',
    wechat_fields: fields.length ? fields : kDefaultWeChatFields.map((field) => ({ ...field })),
    rate_per_minute: campaign.rate_per_minute,
    quiet_hours: campaign.quiet_hours,
  };
}

/** The audience the values name (only the members of its kind). */
export function audienceOf(values: Pick<CampaignValues, (typeof kAudienceFields)[number]>): Audience {
  switch (values.kind) {
    case 'segment':
      return { kind: 'segment', model_id: values.model_id, segments: values.segments ?? [] };
    case 'project':
      return { kind: 'project', project_id: values.project_id };
    case 'tier':
      return { kind: 'tier', tier: values.tier || null };
    case 'customers':
      return { kind: 'customers', customer_ids: values.customer_ids ?? [] };
    default:
      return { kind: 'all' };
  }
}

/**
 * The body of a create or a change: every field, those of another channel emptied (so that a draft
 * moved from e-mail to SMS keeps no subject); a WeChat field left empty is not sent.
 */
export function bodyOf(values: CampaignValues): CampaignBody {
  const wechat = values.channel === 'wechat';
  const fields = Object.fromEntries((values.wechat_fields ?? []).filter((field) => field.key.trim() && field.value.trim()).map((field) => [field.key.trim(), field.value]));
  return {
    name: values.name.trim(),
    channel: values.channel,
    audience: audienceOf(values),
    subject: values.channel === 'email' ? (values.subject ?? '').trim() : '',
    template: values.template,
    wechat_template_id: wechat ? (values.wechat_template_id ?? '').trim() : '',
    wechat_fields: wechat ? fields : {},
    rate_per_minute: values.rate_per_minute,
    quiet_hours: values.quiet_hours,
  };
}

/**
 * Where a server field lands on the form: the audience's members on their fields ("audience.model_id"
 * on 细分模型), a WeChat field's text on its row ("wechat_fields.keyword1"); null for one the form
 * does not show.
 */
export function fieldOf(field: string, wechatFields: readonly WeChatField[] | undefined): NamePath | null {
  if (field === 'audience' || field === 'audience.kind') return 'kind';
  const audience = /^audience\.(\w+)$/.exec(field);
  if (audience) return audience[1];
  const wechat = /^wechat_fields\.(.+)$/.exec(field);
  if (wechat) {
    const at = (wechatFields ?? []).findIndex((row) => row.key.trim() === wechat[1]);
    return at < 0 ? null : ['wechat_fields', at, 'value'];
  }
  return field;
}
