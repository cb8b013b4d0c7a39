// Wire types of campaigns (营销活动: a message by SMS, e-mail or WeChat template to an audience — a
// segment, a project's owners, a club tier, every customer or those picked — sent at a pace outside
// quiet hours; the customers' opt-outs and WeChat follower ids), derived from the server's OpenAPI
// document (src/modules/campaigns/openapi.json; see shared/api/wire.ts).
import type { Answer, Body, Filters, Schema, Wire } from '../../shared/api/wire';

type CampaignSchema = Schema<'Campaign'>;

/** What became of the messages so far (the campaign's page reads them; a list may leave them out). */
export type CampaignResults = NonNullable<CampaignSchema['results']>;

/** A campaign: its message, audience, pace, status, and what was queued, skipped and sent. */
export type Campaign = Wire<'Campaign', object, { results?: CampaignResults }>;
export type CampaignStatus = Campaign['status'];
export type Channel = Campaign['channel'];
/** Whom a campaign is for: a segment's codes of a model, a project's owners, a tier (null: every member), all, or those picked. */
export type Audience = Campaign['audience'];
export type AudienceKind = Audience['kind'];
export type SkippedCounts = Campaign['skipped'];

export type CampaignBody = Body<'/campaigns', 'post'>;
export type CampaignPatch = Body<'/campaigns/{id}', 'patch'>;
export type CampaignFilters = Filters<'/campaigns'>;
export type CampaignsPage = Answer<'/campaigns', 'get'>;

/** An audience counted as sending would count it: how many, how many may be sent to, and why the others may not. */
export type AudienceCount = Answer<'/campaigns/audience-count', 'post'>;

/** A line of the delivery log: the customer, the masked address, queued / sent / skipped (why) / cancelled, the message's fate. */
export type Recipient = Wire<'CampaignRecipient'>;
export type RecipientStatus = Recipient['status'];
export type SkipReason = NonNullable<Recipient['reason']>;
export type MessageStatus = NonNullable<Recipient['message_status']>;
export type RecipientFilters = Filters<'/campaigns/{id}/recipients'>;
export type RecipientsPage = Answer<'/campaigns/{id}/recipients', 'get'>;

/** A customer's marketing preferences: consent (the record's), the opt-outs, the WeChat follower id. */
export type MarketingPrefs = Wire<'MarketingPrefs'>;
export type OptOut = MarketingPrefs['opt_outs'][number];
/** A channel one opts out of, or all of them. */
export type OptOutChannel = OptOut['channel'];
export type OptOutSource = OptOut['source'];

/** The owner's unsubscribe page: who sent it, on which channel, whether they opted out already. */
export type Unsubscribe = Wire<'Unsubscribe'>;
