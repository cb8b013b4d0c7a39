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

/**
 * 变更单 of a contract (换房 to `new_unit_code`, 更名 to `buyers`, 退房, 折扣 of `discount_cents`):
 * pending until a manager approves (the change is applied then) or rejects it, with a note.
 */
export interface ChangeOrder extends Checked<KnownMembers<Schema<'ChangeOrder'>>, object, { buyers: Buyer[] }> {}

/** The members a schema names, without the `[key: string]: unknown` an open object (additionalProperties) adds. */
type KnownMembers<T> = { [K in keyof T as string extends K ? never : K]: T[K] };
export type ChangeOrderInput = Body<'/contracts/{id}/changes', 'post'>;
export type ChangeOrderQuery = PageQuery<'/change-orders'>;
