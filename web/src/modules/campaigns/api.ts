// Typed calls to campaigns (src/modules/campaigns/openapi.json), made with the client generated from
// the OpenAPI document (shared/api/openapi.ts): a call the document does not have fails tsc. The
// owner's unsubscribe page has its own (publicApi.ts), so that its chunk holds nothing else.
import { answer, openapi } from '../../shared/api/openapi';
import type {
  Audience,
  AudienceCount,
  Campaign,
  CampaignBody,
  CampaignFilters,
  CampaignPatch,
  CampaignsPage,
  Channel,
  MarketingPrefs,
  OptOutChannel,
  RecipientFilters,
  RecipientsPage,
} from './types';

/** A page of the campaigns list asks for this many. */
export const kCampaignsPageSize = 30;
/** A page of the delivery log. */
export const kRecipientsPageSize = 50;

/** The `If-Match` header of a change based on `version` (a stale one answers 409 version_conflict). */
const ifMatch = (version: number) => ({ 'If-Match': String(version) });

// The document marks a campaign's `results` optional (a list's campaigns may come without them).
const asCampaign = (campaign: unknown) => campaign as Campaign;

export const campaignsApi = {
  /** The campaigns of the caller's scope, newest first, and how many match (`total`). */
  list: async (filters: CampaignFilters, cursor: string | null, signal?: AbortSignal) =>
    (await answer(openapi.GET('/api/v1/campaigns', { params: { query: { ...filters, limit: kCampaignsPageSize, cursor: cursor ?? undefined } }, signal }))) as CampaignsPage,
  get: async (id: number, signal?: AbortSignal) => asCampaign(await answer(openapi.GET('/api/v1/campaigns/{id}', { params: { path: { id } }, signal }))),
  /** A draft (managers); 422 naming the fields (template `unknown_placeholder@12`, subject required, audience.model_id not_computed…). */
  create: async (body: CampaignBody) => asCampaign(await answer(openapi.POST('/api/v1/campaigns', { body }))),
  /** Changes a draft; 409 version_conflict, not_draft once sent; 422 as `create`. */
  update: async (id: number, body: CampaignPatch, version: number) =>
    asCampaign(await answer(openapi.PATCH('/api/v1/campaigns/{id}', { params: { path: { id }, header: ifMatch(version) }, body }))),
  /** Counts the audience as sending would: in scope, with consent, not opted out, reachable on the channel. */
  count: async (channel: Channel, audience: Audience, signal?: AbortSignal) =>
    (await answer(openapi.POST('/api/v1/campaigns/audience-count', { body: { channel, audience }, signal }))) as AudienceCount,
  /** Sends a draft now, or from `sendAt` (at most 90 days ahead: 422 send_at too_far); 409 version_conflict, not_draft. */
  send: async (id: number, version: number, sendAt?: string) =>
    asCampaign(await answer(openapi.POST('/api/v1/campaigns/{id}/send', { params: { path: { id }, header: ifMatch(version) }, body: sendAt ? { send_at: sendAt } : {} }))),
  /** Stops a campaign: the recipients still queued are cancelled; 409 finished. */
  cancel: async (id: number) => asCampaign(await answer(openapi.POST('/api/v1/campaigns/{id}/cancel', { params: { path: { id } } }))),
  /** The delivery log, a page at a time, and how many match. */
  recipients: async (id: number, filters: RecipientFilters, cursor: string | null, signal?: AbortSignal) =>
    (await answer(
      openapi.GET('/api/v1/campaigns/{id}/recipients', { params: { path: { id }, query: { ...filters, limit: kRecipientsPageSize, cursor: cursor ?? undefined } }, signal }),
    )) as RecipientsPage,
  /** The customer's consent (the record's), opt-outs and WeChat follower id. */
  prefs: async (customerId: number, signal?: AbortSignal) =>
    (await answer(openapi.GET('/api/v1/customers/{id}/marketing', { params: { path: { id: customerId } }, signal }))) as MarketingPrefs,
  /** Records the customer's 退订 on `channel` (all: every channel); the roles that write records. */
  optOut: async (customerId: number, channel: OptOutChannel) =>
    (await answer(openapi.PUT('/api/v1/customers/{id}/marketing/opt-outs/{channel}', { params: { path: { id: customerId, channel } } }))) as MarketingPrefs,
  /** Takes an opt-out back on the customer's word (managers: 403 for others). */
  optIn: async (customerId: number, channel: OptOutChannel) =>
    (await answer(openapi.DELETE('/api/v1/customers/{id}/marketing/opt-outs/{channel}', { params: { path: { id: customerId, channel } } }))) as MarketingPrefs,
  /** Binds the customer's follower id of the official account; 422 openid invalid_characters; 409 when another customer holds it. */
  bindWeChat: async (customerId: number, openid: string) =>
    (await answer(openapi.PUT('/api/v1/customers/{id}/marketing/wechat', { params: { path: { id: customerId } }, body: { openid } }))) as MarketingPrefs,
  unbindWeChat: async (customerId: number) =>
    (await answer(openapi.DELETE('/api/v1/customers/{id}/marketing/wechat', { params: { path: { id: customerId } } }))) as MarketingPrefs,
};
