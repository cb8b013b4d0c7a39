// Typed calls to sales (src/modules/sales/openapi.json), made with the client generated from the
// OpenAPI document (shared/api/openapi.ts): a call the document does not have fails tsc.
import { answer, openapi } from '../../shared/api/openapi';
import { api } from '../../shared/api/client';
import type { Answer } from '../../shared/api/wire';
import type {
  AdjustmentInput,
  AdjustmentQuery,
  ChangeOrderInput,
  ChangeOrderQuery,
  ConsentInput,
  ContractInput,
  ContractQuery,
  DisputeQuery,
  DunningContactInput,
  DunningQuery,
  FunnelBy,
  DiscountSchemeInput,
  DiscountSchemePatch,
  FollowUpInput,
  LeadInput,
  LeadQuery,
  PaymentInput,
  PledgeInput,
  ReferralInput,
  ReferralQuery,
  ReportQuery,
  SalesSettingsInput,
  SubscriptionInput,
  SubscriptionQuery,
} from './types';

const page = <Q extends { cursor?: string | null }>(query: Q) => ({ ...query, cursor: query.cursor ?? undefined });

export const salesApi = {
  /** The leads in scope, newest first: `mine`, `due` (a follow-up due today), `pool` (公客池)… */
  listLeads: (query: LeadQuery, signal?: AbortSignal) => answer(openapi.GET('/api/v1/leads', { params: { query: page(query) }, signal })),
  getLead: (id: number, signal?: AbortSignal) => answer(openapi.GET('/api/v1/leads/{id}', { params: { path: { id } }, signal })),
  /**
   * 判客: `created` is false when the customer was registered at the project before (复访: 200).
   * 409 lead_protected (extra owner_name, protected_until) when another consultant holds them,
   * 409 lead_limit (extra limit) when the consultant holds as many as the project allows.
   */
  registerLead: async (body: LeadInput) => {
    const call = openapi.POST('/api/v1/leads', { body });
    const lead = await answer(call);
    return { lead, created: (await call).response.status === 201 };
  },
  /** Newest first. */
  followUps: (id: number, signal?: AbortSignal) => answer(openapi.GET('/api/v1/leads/{id}/follow-ups', { params: { path: { id } }, signal })),
  /** 422 fields.next_at "in_the_past"; 409 lead_in_pool (claim it first) or lead_protected. */
  addFollowUp: (id: number, body: FollowUpInput) => answer(openapi.POST('/api/v1/leads/{id}/follow-ups', { params: { path: { id } }, body })),
  /** Takes a lead from the pool: 409 lead_protected (someone was quicker), lead_limit, lead_won. */
  claim: (id: number) => answer(openapi.POST('/api/v1/leads/{id}/claim', { params: { path: { id } } })),
  /**
   * 申请判客: claims another consultant's lead, pending until a manager decides. 422 fields.lead_id
   * own_lead; 409 dispute_pending (one waits already), lead_won.
   */
  disputeLead: (id: number, reason: string) =>
    answer(openapi.POST('/api/v1/leads/{id}/disputes', { params: { path: { id } }, body: { reason } })),
  /** 判客争议 in scope (with status=pending: the managers' queue), newest first. */
  listDisputes: (query: DisputeQuery, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/lead-disputes', { params: { query: page(query) }, signal })),
  /** 支持申请人 (a manager's; the note required): the lead moves to the claimant. 409 invalid_transition once decided. */
  upholdDispute: (id: number, note: string) =>
    answer(openapi.POST('/api/v1/lead-disputes/{id}/uphold', { params: { path: { id } }, body: { note } })),
  /** 维持原归属 (a manager's; the note required). 409 invalid_transition once decided. */
  rejectDispute: (id: number, note: string) =>
    answer(openapi.POST('/api/v1/lead-disputes/{id}/reject', { params: { path: { id } }, body: { note } })),

  settings: (projectId: number, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/projects/{id}/sales-settings', { params: { path: { id: projectId } }, signal })),
  /** With If-Match: 409 version_conflict when stale; 403 for those who are not managers. */
  setSettings: (projectId: number, body: SalesSettingsInput, version: number) =>
    answer(openapi.PUT('/api/v1/projects/{id}/sales-settings', { params: { path: { id: projectId }, header: { 'If-Match': String(version) } }, body })),

  /** A project's pledges in queue order. */
  pledges: (projectId: number, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/pledges', { params: { query: { project_id: projectId, limit: 500 } }, signal })),
  pledge: (body: PledgeInput) => answer(openapi.POST('/api/v1/pledges', { body })),

  /**
   * 409 unit_unavailable when the unit was taken meanwhile; 422 discount_scheme_ids[i] (not_found,
   * inactive, not_yet_valid, expired, exhausted, not_stackable, duplicate). A price below the floor
   * is taken with `approval` pending: it is not signed until a manager approves it.
   */
  subscribe: (body: SubscriptionInput) => answer(openapi.POST('/api/v1/subscriptions', { body })),
  getSubscription: (id: number, signal?: AbortSignal) => answer(openapi.GET('/api/v1/subscriptions/{id}', { params: { path: { id } }, signal })),
  /** A project's subscriptions, newest first; with `approval` (and no project): the price approvals in scope. */
  listSubscriptions: (query: SubscriptionQuery, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/subscriptions', { params: { query: page(query) }, signal })),
  /** 底价审批 (a manager's): approved, it may be signed. 409 invalid_transition when not pending any more. */
  approvePrice: (id: number, note?: string) =>
    answer(openapi.POST('/api/v1/subscriptions/{id}/approve-price', { params: { path: { id } }, body: note ? { note } : {} })),
  /** Refused, the subscription is cancelled and the unit is for sale again. 409 invalid_transition as above. */
  rejectPrice: (id: number, note?: string) =>
    answer(openapi.POST('/api/v1/subscriptions/{id}/reject-price', { params: { path: { id } }, body: note ? { note } : {} })),

  listContracts: (query: ContractQuery, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/contracts', { params: { query: page(query) }, signal })),
  getContract: (id: number, signal?: AbortSignal) => answer(openapi.GET('/api/v1/contracts/{id}', { params: { path: { id } }, signal })),
  /** 422 fields.payment_plan "does_not_sum" when the plan does not add up to the total. */
  sign: (body: ContractInput) => answer(openapi.POST('/api/v1/contracts', { body })),
  payments: (id: number, signal?: AbortSignal) => answer(openapi.GET('/api/v1/contracts/{id}/payments', { params: { path: { id } }, signal })),
  /** Settles the earliest unpaid lines; answers the payment (receipt_no) and the contract after it. */
  recordPayment: (id: number, body: PaymentInput) => answer(openapi.POST('/api/v1/contracts/{id}/payments', { params: { path: { id } }, body })),

  /** A contract's change orders (变更), newest first. */
  contractChanges: (id: number, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/contracts/{id}/changes', { params: { path: { id } }, signal })),
  /**
   * 申请变更: pending until a manager decides. 409 contract_closed (a cancelled contract),
   * change_pending (another waits); 422 new_unit_id, buyers, discount_cents.
   */
  requestChange: (id: number, body: ChangeOrderInput) =>
    answer(openapi.POST('/api/v1/contracts/{id}/changes', { params: { path: { id } }, body })),
  /** The change orders in scope (with status=pending: the approvals queue), newest first. */
  listChangeOrders: (query: ChangeOrderQuery, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/change-orders', { params: { query: page(query) }, signal })),
  /** A manager's: applies the change at once. 409 change_closed when decided already. */
  approveChange: (id: number, note?: string) =>
    answer(openapi.POST('/api/v1/change-orders/{id}/approve', { params: { path: { id } }, body: note ? { note } : {} })),
  rejectChange: (id: number, note?: string) =>
    answer(openapi.POST('/api/v1/change-orders/{id}/reject', { params: { path: { id } }, body: note ? { note } : {} })),

  /** 老带新 in scope, newest first; `customer_id` finds the customer as referrer or as referee. */
  listReferrals: (query: ReferralQuery, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/referrals', { params: { query: page(query) }, signal })),
  /**
   * 登记推荐: the referee becomes the consultant's lead (source referral). 422 referral_invalid with
   * `reason` (a fraud check, see errors.ts) and a Chinese `message`; 409 referral_exists when the
   * referee was referred to the project before.
   */
  refer: (body: ReferralInput) => answer(openapi.POST('/api/v1/referrals', { body })),
  /** 发放 (a manager's): only an earned reward; 409 invalid_transition otherwise. */
  payReferral: (id: number, note?: string) =>
    answer(openapi.POST('/api/v1/referrals/{id}/pay', { params: { path: { id } }, body: note ? { note } : {} })),

  /** 调价方案 of a project, newest first (without their lines). */
  listAdjustments: (query: AdjustmentQuery, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/price-adjustments', { params: { query: page(query) }, signal })),
  /** One adjustment with its lines. */
  getAdjustment: (id: number, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/price-adjustments/{id}', { params: { path: { id } }, signal })),
  /**
   * 草拟调价: the draft with its lines; nothing changes until it is applied. 422 fields.value
   * out_of_range or price_below_zero, fields.building no_unsold_units.
   */
  draftAdjustment: (body: AdjustmentInput) => answer(openapi.POST('/api/v1/price-adjustments', { body })),
  /**
   * 执行调价 (a manager's): every unit or none. 409 prices_changed (extra `units`: the codes that moved
   * since the draft, and a Chinese `message`), invalid_transition when no longer a draft.
   */
  applyAdjustment: (id: number) => answer(openapi.POST('/api/v1/price-adjustments/{id}/apply', { params: { path: { id } } })),
  /** 撤销草稿 (its author or a manager); 409 invalid_transition when no longer a draft. */
  cancelAdjustment: (id: number) => answer(openapi.POST('/api/v1/price-adjustments/{id}/cancel', { params: { path: { id } } })),
  /** A unit's applied price changes, newest first. */
  priceHistory: (unitId: number, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/units/{id}/price-history', { params: { path: { id: unitId } }, signal })),

  /** 折扣方案 of a project. */
  listSchemes: (projectId: number, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/discount-schemes', { params: { query: { project_id: projectId } }, signal })),
  /** A manager's; exactly one of percent_off_bp and amount_off_cents (422 naming the field otherwise). */
  createScheme: (body: DiscountSchemeInput) => answer(openapi.POST('/api/v1/discount-schemes', { body })),
  /**
   * Close, reopen, rename or limit (a manager's): only the fields sent change. 422 max_uses
   * below_uses, valid_to before_valid_from. (The document declares no If-Match for it.)
   */
  updateScheme: (id: number, body: DiscountSchemePatch) =>
    answer(openapi.PATCH('/api/v1/discount-schemes/{id}', { params: { path: { id } }, body })),

  /** 回款催收: the tasks in scope (open and promised unless `status`), newest first; `mine` the caller's contracts. */
  listDunning: (query: DunningQuery, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/dunning-tasks', { params: { query: page(query) }, signal })),
  getDunningTask: (id: number, signal?: AbortSignal) => answer(openapi.GET('/api/v1/dunning-tasks/{id}', { params: { path: { id } }, signal })),
  /** A task's contacts, newest first. */
  dunningContacts: (id: number, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/dunning-tasks/{id}/contacts', { params: { path: { id } }, signal })),
  /**
   * 记录催收 (the contract's consultant or a manager; 403 otherwise): with `promised_on` the task is
   * 已承诺 until then. 422 fields.promised_on in_the_past; 409 dunning_closed once paid up.
   */
  addDunningContact: (id: number, body: DunningContactInput) =>
    answer(openapi.POST('/api/v1/dunning-tasks/{id}/contacts', { params: { path: { id } }, body })),

  /** 回款账龄 per project and in total, as of today (China). */
  collections: (query: Pick<ReportQuery, 'project_id'>, signal?: AbortSignal) =>
    api.get<Answer<'/sales/collections', 'get'>>('/sales/collections', { ...query }, signal),
  /** 销售漏斗 of the leads registered in the period (the last 30 days without one). */
  funnel: (query: ReportQuery & { by: FunnelBy }, signal?: AbortSignal) =>
    api.get<Answer<'/sales/funnel', 'get'>>('/sales/funnel', { ...query }, signal),
  /** 来访客户画像 of the period (the last 30 days without one). */
  visitorProfile: (query: ReportQuery, signal?: AbortSignal) =>
    api.get<Answer<'/sales/visitor-profile', 'get'>>('/sales/visitor-profile', { ...query }, signal),

  /**
   * 报备（客户确认）: 409 lead_protected (another consultant holds the customer; nothing is sent), 429
   * within a minute of the last request for the customer, 503 sms_unavailable (no SMS provider: use
   * the QR code), 422 customer_id no_phone. A `qr` answer carries the token of the customer's page.
   */
  requestConsent: (body: ConsentInput) => answer(openapi.POST('/api/v1/lead-consents', { body })),
  /** The desk polls it while the customer agrees on their phone. */
  getConsent: (id: number, signal?: AbortSignal) => answer(openapi.GET('/api/v1/lead-consents/{id}', { params: { path: { id } }, signal })),
  /**
   * The code the customer read out: confirmed, with `lead_id`. 422 fields.code mismatch (extra
   * attempts_left); 409 consent_expired, consent_failed (5 wrong codes), consent_confirmed.
   */
  confirmConsent: (id: number, code: string) =>
    answer(openapi.POST('/api/v1/lead-consents/{id}/confirm', { params: { path: { id } }, body: { code } })),
};
