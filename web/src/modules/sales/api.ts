// Typed calls to sales (src/modules/sales/openapi.json), made with the client generated from the
// OpenAPI document (shared/api/openapi.ts): a call the document does not have fails tsc.
import { answer, openapi } from '../../shared/api/openapi';
import type {
  ChangeOrderInput,
  ChangeOrderQuery,
  ContractInput,
  ContractQuery,
  FollowUpInput,
  LeadInput,
  LeadQuery,
  PaymentInput,
  PledgeInput,
  SalesSettingsInput,
  SubscriptionInput,
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

  settings: (projectId: number, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/projects/{id}/sales-settings', { params: { path: { id: projectId } }, signal })),
  /** With If-Match: 409 version_conflict when stale; 403 for those who are not managers. */
  setSettings: (projectId: number, body: SalesSettingsInput, version: number) =>
    answer(openapi.PUT('/api/v1/projects/{id}/sales-settings', { params: { path: { id: projectId }, header: { 'If-Match': String(version) } }, body })),

  /** A project's pledges in queue order. */
  pledges: (projectId: number, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/pledges', { params: { query: { project_id: projectId, limit: 500 } }, signal })),
  pledge: (body: PledgeInput) => answer(openapi.POST('/api/v1/pledges', { body })),

  /** 409 unit_unavailable when the unit was taken meanwhile. */
  subscribe: (body: SubscriptionInput) => answer(openapi.POST('/api/v1/subscriptions', { body })),
  getSubscription: (id: number, signal?: AbortSignal) => answer(openapi.GET('/api/v1/subscriptions/{id}', { params: { path: { id } }, signal })),

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
};
