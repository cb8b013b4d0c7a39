// Wire types of sales (销售: 判客, 认筹, 认购, 签约, 回款), derived from the server's OpenAPI document
// (src/modules/sales/openapi.json; see shared/api/wire.ts).
import type { Body, Checked, PageQuery, Schema, Wire } from '../../shared/api/wire';

/** How the customer came: 来电, 来访, 老带新, 中介, 线上, 活动. The protection period depends on it. */
export const kLeadSources = ['visit', 'call', 'referral', 'agent', 'online', 'event'] as const satisfies readonly Schema<'LeadSource'>[];
export type LeadSource = Schema<'LeadSource'>;

/** 意向等级: A (ready to buy) to D (browsing). */
export const kIntents = ['A', 'B', 'C', 'D'] as const satisfies readonly Schema<'Intent'>[];
export type Intent = Schema<'Intent'>;

export const kLeadStatuses = ['active', 'won', 'lost'] as const satisfies readonly Schema<'LeadStatus'>[];
export type LeadStatus = Schema<'LeadStatus'>;

export const kFollowUpKinds = ['call', 'visit', 'wechat', 'sms', 'other'] as const satisfies readonly Schema<'FollowUpKind'>[];
export type FollowUpKind = Schema<'FollowUpKind'>;

/** The visitor's profile (客户画像), each optional. */
export const kAgeBands = ['under_25', '25_34', '35_44', '45_54', '55_plus'] as const satisfies readonly Schema<'AgeBand'>[];
export type AgeBand = Schema<'AgeBand'>;
export const kHouseholds = ['single', 'couple', 'young_family', 'school_family', 'three_generations', 'empty_nest'] as const satisfies readonly Schema<'Household'>[];
export type Household = Schema<'Household'>;
export const kNeedTypes = ['first_home', 'upgrade', 'investment', 'retirement', 'school', 'other'] as const satisfies readonly Schema<'NeedType'>[];
export type NeedType = Schema<'NeedType'>;

export const kPledgeStatuses = ['active', 'converted', 'refunded'] as const satisfies readonly Schema<'PledgeStatus'>[];
export const kSubscriptionStatuses = ['active', 'contracted', 'cancelled'] as const satisfies readonly Schema<'SubscriptionStatus'>[];
export const kContractStatuses = ['signed', 'cancelled'] as const satisfies readonly Schema<'ContractStatus'>[];

/** 变更: 换房, 更名, 退房, 折扣. */
export const kChangeKinds = ['change_unit', 'rename', 'cancel', 'discount'] as const satisfies readonly Schema<'ChangeKind'>[];
export type ChangeKind = Schema<'ChangeKind'>;
/** 待审批, 已批准, 已驳回. */
export const kChangeStatuses = ['pending', 'approved', 'rejected'] as const satisfies readonly Schema<'ChangeStatus'>[];
export type ChangeStatus = Schema<'ChangeStatus'>;

/** 首付, 分期, 按揭: the kinds of a payment plan's lines. */
export const kInstalmentKinds = ['down_payment', 'installment', 'mortgage'] as const satisfies readonly Schema<'InstalmentKind'>[];
export type InstalmentKind = Schema<'InstalmentKind'>;

export const kPaymentMethods = ['bank_transfer', 'pos', 'cash', 'mortgage_loan', 'provident_fund'] as const satisfies readonly Schema<'PaymentMethod'>[];
export type PaymentMethod = Schema<'PaymentMethod'>;

/**
 * A customer registered at a project (判客): held by a consultant until `protected_until`, then in the
 * shared pool (`in_pool`, 公客池) for any consultant to claim. `customer_phone` is masked.
 */
export interface Lead extends Wire<'Lead'> {}
export type LeadInput = Body<'/leads', 'post'>;
export type LeadQuery = PageQuery<'/leads'>;

/** A follow-up of a lead, newest first; `next_at` the reminder it set. */
export type FollowUp = Wire<'FollowUp'>;
export type FollowUpInput = Body<'/leads/{id}/follow-ups', 'post'>;

/** 认筹: a queue number of the project, for an amount, maybe holding a unit. */
export type Pledge = Wire<'Pledge'>;
export type PledgeInput = Body<'/pledges', 'post'>;

/** 认购: a unit, its buyers with their shares (adding up to 1), the price and the deposit. */
export interface Subscription extends Wire<'Subscription'> {}
export type SubscriptionInput = Body<'/subscriptions', 'post'>;
export type Buyer = Wire<'Buyer'>;

/** 签约: the contract with its payment plan (`paid_cents`, `overdue` per line) and what is paid and overdue. */
export interface Contract extends Wire<'Contract'> {}
export type ContractInput = Body<'/contracts', 'post'>;
export type ContractQuery = PageQuery<'/contracts'>;
export type Instalment = Wire<'Instalment'>;
export type InstalmentInput = Schema<'InstalmentInput'>;

/** 回款: a payment with its receipt number. */
export type Payment = Wire<'Payment'>;
export type PaymentInput = Body<'/contracts/{id}/payments', 'post'>;

/** A project's attribution rules (判客规则): protection days by source, and how many leads a consultant may hold. */
export type SalesSettings = Wire<'SalesSettings'>;
export type SalesSettingsInput = Body<'/projects/{id}/sales-settings', 'put'>;

/** 老带新: 待签约 until the referee signs, 待发放 once they have (the reward earned), 已发放 when a manager paid it. */
export const kReferralStatuses = ['pending', 'earned', 'paid'] as const satisfies readonly Schema<'ReferralStatus'>[];
export type ReferralStatus = Schema<'ReferralStatus'>;

/** Why the server refused a referral (422 referral_invalid, `error.reason`), in the order it checks them. */
export const kReferralReasons = [
  'same_person',
  'referrer_not_owner',
  'same_phone',
  'same_id_number',
  'same_household',
  'already_bought',
  'referee_protected',
] as const satisfies readonly Schema<'ReferralReason'>[];
export type ReferralReason = Schema<'ReferralReason'>;

/**
 * 老带新: an owner (the referrer) brought a friend (the referee) to a project, who became the
 * consultant's lead (`lead_id`); the reward (fen, fixed when registered) is due once the referee signs
 * (`contract_id`, `earned_at`) and paid by a manager (`paid_at`). Names are masked as the role says.
 */
export interface Referral extends Wire<'Referral'> {}
export type ReferralInput = Body<'/referrals', 'post'>;
export type ReferralQuery = PageQuery<'/referrals'>;

/**
 * 变更单 of a contract (换房 to `new_unit_code`, 更名 to `buyers`, 退房, 折扣 of `discount_cents`):
 * pending until a manager approves (the change is applied then) or rejects it, with a note.
 */
export interface ChangeOrder extends Checked<KnownMembers<Schema<'ChangeOrder'>>, object, { buyers: Buyer[] }> {}

/** The members a schema names, without the `[key: string]: unknown` an open object (additionalProperties) adds. */
type KnownMembers<T> = { [K in keyof T as string extends K ? never : K]: T[K] };
export type ChangeOrderInput = Body<'/contracts/{id}/changes', 'post'>;
export type ChangeOrderQuery = PageQuery<'/change-orders'>;

/** A project's subscriptions, or (with `approval`) the price approvals in scope. */
export type SubscriptionQuery = PageQuery<'/subscriptions'>;

/** 底价审批 of a subscription: none needed, 待审批 (not to be signed), 已批准, 已驳回 (the subscription cancelled). */
export const kPriceApprovals = ['none', 'pending', 'approved', 'rejected'] as const satisfies readonly Schema<'PriceApproval'>[];
export type PriceApproval = Schema<'PriceApproval'>;

/** A scheme given to a subscription, with what it took off the list price. */
export type AppliedDiscount = Wire<'AppliedDiscount'>;

/**
 * 调价方案: `percent` ± basis points (300 = +3%), `per_m2` ± fen per m², `set_per_m2` the new price in
 * fen per m²; new prices are rounded to whole yuan by the server.
 */
export const kAdjustMethods = ['percent', 'per_m2', 'set_per_m2'] as const satisfies readonly Schema<'AdjustMethod'>[];
export type AdjustMethod = Schema<'AdjustMethod'>;
/** 草稿 (nothing changed yet) → 已执行 (the units' list prices changed) or 已撤销. */
export const kAdjustmentStatuses = ['draft', 'applied', 'cancelled'] as const satisfies readonly Schema<'AdjustmentStatus'>[];
export type AdjustmentStatus = Schema<'AdjustmentStatus'>;

/**
 * A batch of a project's unsold units (one building or all) with their prices before and after;
 * `lines` only in the answer of one adjustment (its draft, its page), not in lists.
 */
export interface Adjustment extends Wire<'Adjustment', object, { lines?: AdjustmentLine[] }> {}
export type AdjustmentLine = Wire<'AdjustmentLine'>;
export type AdjustmentInput = Body<'/price-adjustments', 'post'>;
export type AdjustmentQuery = PageQuery<'/price-adjustments'>;

/** One applied adjustment of a unit's list price (价格历史). */
export type PriceChange = Wire<'PriceChange'>;

/**
 * 折扣方案: `percent_off_bp` basis points off (200 = 九八折) or `amount_off_cents` off (one is 0), valid
 * between two China dates (both included, either open), up to `max_uses` open subscriptions.
 */
export interface DiscountScheme extends Wire<'DiscountScheme'> {}
export type DiscountSchemeInput = Body<'/discount-schemes', 'post'>;
export type DiscountSchemePatch = Body<'/discount-schemes/{id}', 'patch'>;

/**
 * 回款催收: one task per contract with an instalment past its due date, raised by the server's daily
 * check: stage 1 逾期提醒 (up to 7 days), 2 逾期催告 (up to 30), 3 转法务 (beyond); 待催收 until a
 * contact promised a date (已承诺, open again when the date passes unpaid), 已结清 once paid up.
 */
export type DunningTask = Wire<'DunningTask'>;
export type DunningStatus = DunningTask['status'];
export const kDunningStatuses = ['open', 'promised', 'closed'] as const satisfies readonly DunningStatus[];
export const kDunningStages = [1, 2, 3] as const;
export type DunningQuery = PageQuery<'/dunning-tasks'>;
/** A contact with the buyers (电话, 短信, 上门, 催款函, 其他), maybe with the date they promised to pay by. */
export type DunningContact = Wire<'DunningContact'>;
export type ContactKind = DunningContact['kind'];
export const kContactKinds = ['call', 'sms', 'visit', 'letter', 'other'] as const satisfies readonly ContactKind[];
export type DunningContactInput = Body<'/dunning-tasks/{id}/contacts', 'post'>;

/** 回款账龄: per project (the most overdue first) and in total, as of a China date; amounts in fen. */
export type Collections = Wire<'Collections'>;
export type CollectionRow = Wire<'CollectionRow'>;

/** The funnel of the leads registered in a period, by channel, consultant or project. */
export type FunnelBy = Schema<'FunnelBy'>;
export const kFunnelBys = ['channel', 'consultant', 'project'] as const satisfies readonly FunnelBy[];
export type FunnelRow = Checked<KnownMembers<Schema<'FunnelRow'>>>;
export type Funnel = Checked<KnownMembers<Schema<'Funnel'>>, object, { rows: FunnelRow[]; total: FunnelRow }>;

/** 来访客户画像: the period's leads counted by age band, household, need, channel and intent. */
export type VisitorProfile = Wire<'VisitorProfile'>;
export type ProfileDimension = VisitorProfile['dimensions'][number];

/** The query of the sales reports (project and period); `format` is the download's. */
export type ReportQuery = { project_id?: number; from?: string; to?: string };
export type ReportFormat = 'csv' | 'xlsx';

/**
 * 报备 with the customer's consent: `sms` sends a 6-digit code the customer reads out to the
 * consultant; `qr` gives a `token` (in the answer to the request only) for the customer's page
 * /consent/{token}. Waiting 10 minutes (`expires_at`); once confirmed, `lead_id` is the lead registered.
 */
export type Consent = Wire<'Consent', object, { token?: string }>;
export type ConsentMethod = Consent['method'];
export const kConsentMethods = ['sms', 'qr'] as const satisfies readonly ConsentMethod[];
export type ConsentInput = Body<'/lead-consents', 'post'>;
/** What the customer's page shows (no phone, no ids). */
export type PublicConsent = Wire<'PublicConsent'>;

/** 判客争议: 待裁决 until a manager upholds it (the lead goes to the claimant) or rejects it. */
export const kDisputeStatuses = ['pending', 'upheld', 'rejected'] as const satisfies readonly Schema<'Dispute'>['status'][];
/**
 * 判客争议: a consultant (`claimant`) claims a lead another consultant held (`holder_name`, as when
 * filed), with a reason; a manager upholds (the lead moves to the claimant) or rejects it, with a note.
 */
export type Dispute = Wire<'Dispute'>;
export type DisputeQuery = PageQuery<'/lead-disputes'>;
