// The sales module's server data in the query cache (shared/api/queryClient.ts).
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { customerKeys } from '../customers/queries';
import { inventoryApi } from '../inventory/api';
import { projectKeys, unitKeys } from '../inventory/queries';
import { salesApi } from './api';
import type {
  Adjustment,
  AdjustmentQuery,
  ChangeOrder,
  ChangeOrderQuery,
  Contract,
  ContractQuery,
  DiscountScheme,
  Dispute,
  DisputeQuery,
  DunningContact,
  DunningQuery,
  DunningTask,
  FunnelBy,
  Lead,
  LeadQuery,
  Referral,
  ReferralQuery,
  ReportQuery,
  Subscription,
  SubscriptionQuery,
} from './types';

export const leadKeys = {
  all: ['leads'] as const,
  list: (query: LeadQuery) => ['leads', 'list', query] as const,
  detail: (id: number) => ['leads', id] as const,
  followUps: (id: number) => ['leads', id, 'follow-ups'] as const,
};

export const dealKeys = {
  pledges: (projectId: number) => ['pledges', projectId] as const,
  subscription: (id: number) => ['subscriptions', id] as const,
  /** A project's subscriptions (newest first; the lead page picks its lead's). */
  projectSubscriptions: (projectId: number) => ['subscriptions', 'project', projectId] as const,
  /** 底价审批: the subscriptions whose price waits for a manager, in scope. */
  priceApprovals: ['subscriptions', 'approvals'] as const,
  priceApprovalList: (query: SubscriptionQuery) => ['subscriptions', 'approvals', query] as const,
  contracts: ['contracts'] as const,
  contractList: (query: ContractQuery) => ['contracts', 'list', query] as const,
  contract: (id: number) => ['contracts', id] as const,
  payments: (id: number) => ['contracts', id, 'payments'] as const,
  changes: (id: number) => ['contracts', id, 'changes'] as const,
  /** The approvals queue (变更审批), by status. */
  changeOrders: ['change-orders'] as const,
  changeOrderList: (query: ChangeOrderQuery) => ['change-orders', 'list', query] as const,
  settings: (projectId: number) => ['sales-settings', projectId] as const,
  /** The units of a project still for sale (with `pledged`: those pledged too), kept with the project's. */
  openUnits: (projectId: number, pledged: boolean) => ['projects', projectId, 'units', pledged ? 'open' : 'available'] as const,
};

/** 老带新: the lists by filter (the customer's and the lead's are lists filtered by customer). */
export const referralKeys = {
  all: ['referrals'] as const,
  list: (query: ReferralQuery) => ['referrals', 'list', query] as const,
};

/**
 * 价格管理: a project's price adjustments (调价方案) and discount schemes (折扣方案); a unit's price
 * history is kept under the unit (inventory's unitKeys), so what reads the unit again reads it too.
 */
export const priceKeys = {
  adjustments: ['price-adjustments'] as const,
  adjustmentList: (query: AdjustmentQuery) => ['price-adjustments', 'list', query] as const,
  adjustment: (id: number) => ['price-adjustments', id] as const,
  schemes: (projectId: number) => ['discount-schemes', projectId] as const,
  history: (unitId: number) => ['units', unitId, 'price-history'] as const,
  /** Every unit of a project (one page), for what an adjustment's lines lack (their areas). */
  projectUnits: (projectId: number) => ['projects', projectId, 'units', 'all'] as const,
};

/** The units of a project still for sale, for choosing one: available, and with `pledged` the pledged ones too. */
export function useOpenUnits(projectId: number | undefined, pledged: boolean) {
  return useQuery({
    queryKey: dealKeys.openUnits(projectId ?? 0, pledged),
    queryFn: async () => {
      const { items } = await inventoryApi.listUnits(projectId!, {});
      return items.filter((unit) => unit.status === 'available' || (pledged && unit.status === 'pledged'));
    },
    enabled: projectId !== undefined,
  });
}

/** A project's attribution rules (判客规则, with the floor price's percentage); off until there is a project. */
export function useSalesSettings(projectId: number | undefined) {
  return useQuery({
    queryKey: dealKeys.settings(projectId ?? 0),
    queryFn: ({ signal }) => salesApi.settings(projectId!, signal),
    enabled: projectId !== undefined,
  });
}

/** A project's discount schemes (all of them, active or not); off until there is a project. */
export function useSchemes(projectId: number | undefined) {
  return useQuery({
    queryKey: priceKeys.schemes(projectId ?? 0),
    queryFn: async ({ signal }) => (await salesApi.listSchemes(projectId!, signal)).items,
    enabled: projectId !== undefined,
  });
}

export function useLead(id: number) {
  return useQuery({ queryKey: leadKeys.detail(id), queryFn: ({ signal }) => salesApi.getLead(id, signal) });
}

/** A project's pledges (one page of 500, queue order); off until there is a project. */
export function usePledges(projectId: number | undefined) {
  return useQuery({
    queryKey: dealKeys.pledges(projectId ?? 0),
    queryFn: async ({ signal }) => (await salesApi.pledges(projectId!, signal)).items,
    enabled: projectId !== undefined,
  });
}

/**
 * After a lead changed here (registered, claimed, followed up): puts it in place and reads the lists
 * again (a tab may have gained or lost it), and what the customer's page shows (its timeline).
 */
export function leadChanged(queryClient: QueryClient, lead: Lead): void {
  queryClient.setQueryData(leadKeys.detail(lead.id), lead);
  void queryClient.invalidateQueries({ queryKey: ['leads', 'list'] });
  void queryClient.invalidateQueries({ queryKey: customerKeys.detail(lead.customer_id), predicate: (query) => query.queryKey.length > 2 });
}

/**
 * After a deal moved a unit (认筹, 认购, 签约): the unit, its project's boards and the owners' units
 * read again; the ledger too.
 */
export function dealChanged(queryClient: QueryClient, deal: { project_id: number; unit_id: number | null }): void {
  if (deal.unit_id !== null) void queryClient.invalidateQueries({ queryKey: unitKeys.detail(deal.unit_id) });
  void queryClient.invalidateQueries({ queryKey: projectKeys.boards(deal.project_id) });
  void queryClient.invalidateQueries({ queryKey: ['projects', deal.project_id, 'units'] });
  void queryClient.invalidateQueries({ queryKey: dealKeys.pledges(deal.project_id) });
  void queryClient.invalidateQueries({ queryKey: dealKeys.projectSubscriptions(deal.project_id) });
  void queryClient.invalidateQueries({ queryKey: ['contracts', 'list'] });
  // What the buyers' pages show: their units (inventory), their registrations and contracts (this module).
  void queryClient.invalidateQueries({ queryKey: customerKeys.all, predicate: (query) => ['units', 'leads', 'contracts'].includes(String(query.queryKey[2])) });
  void queryClient.invalidateQueries({ queryKey: leadKeys.all });
}

/**
 * After a payment: the contract as the server answered it, its payments and the ledger read again;
 * the dunning tasks and the ageing report too (paid up, a task is closed).
 */
export function contractChanged(queryClient: QueryClient, contract: Contract): void {
  queryClient.setQueryData(dealKeys.contract(contract.id), contract);
  void queryClient.invalidateQueries({ queryKey: dealKeys.payments(contract.id) });
  void queryClient.invalidateQueries({ queryKey: ['contracts', 'list'] });
  void queryClient.invalidateQueries({ queryKey: collectionKeys.dunning });
  void queryClient.invalidateQueries({ queryKey: ['sales-reports', 'collections'] });
}

/** After a change order was requested: the contract's changes and the approvals queue read again. */
export function changeRequested(queryClient: QueryClient, change: ChangeOrder): void {
  void queryClient.invalidateQueries({ queryKey: dealKeys.changes(change.contract_id) });
  void queryClient.invalidateQueries({ queryKey: dealKeys.changeOrders });
}

/**
 * After a manager decided a change order: the queue and the contract (its unit, buyers, plan and
 * changes) read again; an approval moved units and owners, so the boards and buyers' pages too.
 */
export function changeDecided(queryClient: QueryClient, change: ChangeOrder): void {
  void queryClient.invalidateQueries({ queryKey: dealKeys.changeOrders });
  void queryClient.invalidateQueries({ queryKey: dealKeys.contract(change.contract_id) });
  if (change.status !== 'approved') return;
  dealChanged(queryClient, { project_id: change.project_id, unit_id: change.new_unit_id });
  void queryClient.invalidateQueries({ queryKey: ['units'] });
}

/**
 * After a referral was registered or paid: the referral lists read again, and what the two customers'
 * pages show (their referrals, registrations and timelines); a new referral made the referee a lead.
 */
export function referralChanged(queryClient: QueryClient, referral: Referral): void {
  void queryClient.invalidateQueries({ queryKey: referralKeys.all });
  for (const id of [referral.referrer_id, referral.referee_id]) {
    void queryClient.invalidateQueries({ queryKey: customerKeys.detail(id), predicate: (query) => query.queryKey.length > 2 });
  }
  if (referral.lead_id !== null) void queryClient.invalidateQueries({ queryKey: leadKeys.all });
}

/**
 * After a manager decided a price below the floor: the queue and the subscription read again; a
 * refusal cancelled the subscription and freed the unit, and gave the schemes' uses back.
 */
export function priceDecided(queryClient: QueryClient, subscription: Subscription): void {
  queryClient.setQueryData(dealKeys.subscription(subscription.id), subscription);
  void queryClient.invalidateQueries({ queryKey: dealKeys.priceApprovals });
  void queryClient.invalidateQueries({ queryKey: dealKeys.projectSubscriptions(subscription.project_id) });
  if (subscription.approval !== 'rejected') return;
  dealChanged(queryClient, subscription);
  void queryClient.invalidateQueries({ queryKey: priceKeys.schemes(subscription.project_id) });
}

/**
 * After an adjustment was drafted, applied or cancelled: it in place, the lists read again; applied,
 * its units' prices changed, so the units (and their price history), the boards and the units for
 * sale read again.
 */
export function adjustmentChanged(queryClient: QueryClient, adjustment: Adjustment): void {
  queryClient.setQueryData(priceKeys.adjustment(adjustment.id), adjustment);
  void queryClient.invalidateQueries({ queryKey: ['price-adjustments', 'list'] });
  if (adjustment.status !== 'applied') return;
  void queryClient.invalidateQueries({ queryKey: ['units'] });
  void queryClient.invalidateQueries({ queryKey: projectKeys.boards(adjustment.project_id) });
  void queryClient.invalidateQueries({ queryKey: ['projects', adjustment.project_id, 'units'] });
}

/** After a scheme was created or changed: it in its project's list, as the server answered it. */
export function schemeChanged(queryClient: QueryClient, scheme: DiscountScheme): void {
  queryClient.setQueryData<DiscountScheme[]>(priceKeys.schemes(scheme.project_id), (list) => {
    if (!list) return list;
    return list.some((s) => s.id === scheme.id) ? list.map((s) => (s.id === scheme.id ? scheme : s)) : [...list, scheme];
  });
  void queryClient.invalidateQueries({ queryKey: priceKeys.schemes(scheme.project_id) });
}

/** 回款催收 and the sales reports (回款账龄, 销售漏斗, 来访画像), by their filters. */
export const collectionKeys = {
  dunning: ['dunning-tasks'] as const,
  dunningList: (query: DunningQuery) => ['dunning-tasks', 'list', query] as const,
  contacts: (taskId: number) => ['dunning-tasks', taskId, 'contacts'] as const,
  collections: (query: ReportQuery) => ['sales-reports', 'collections', query] as const,
  funnel: (query: ReportQuery & { by: FunnelBy }) => ['sales-reports', 'funnel', query] as const,
  profile: (query: ReportQuery) => ['sales-reports', 'visitor-profile', query] as const,
};

/** 报备（客户确认）: one consent, polled by the desk while the customer agrees on their phone. */
export const consentKeys = {
  detail: (id: number) => ['lead-consents', id] as const,
};

/**
 * After a contact was recorded on a dunning task: its contacts gain it, the lists read again (a
 * promise made it 已承诺; its last contact changed), the ageing report too, and the buyers' timelines.
 */
export function dunningContacted(queryClient: QueryClient, task: DunningTask, contact: DunningContact): void {
  queryClient.setQueryData<DunningContact[]>(collectionKeys.contacts(task.id), (list) => (list ? [contact, ...list] : list));
  void queryClient.invalidateQueries({ queryKey: collectionKeys.dunning });
  for (const buyer of task.buyers) {
    void queryClient.invalidateQueries({ queryKey: customerKeys.detail(buyer.customer_id), predicate: (query) => query.queryKey.length > 2 });
  }
}

/** 判客争议: the lists by status (the approvals page's queue and its decided ones). */
export const disputeKeys = {
  all: ['lead-disputes'] as const,
  list: (query: DisputeQuery) => ['lead-disputes', 'list', query] as const,
};

/** After a dispute was filed or decided: the lists and its lead (whose consultant an uphold changed) read again. */
export function disputeChanged(queryClient: QueryClient, dispute: Dispute): void {
  void queryClient.invalidateQueries({ queryKey: disputeKeys.all });
  void queryClient.invalidateQueries({ queryKey: leadKeys.detail(dispute.lead_id), exact: true });
  if (dispute.status === 'upheld') void queryClient.invalidateQueries({ queryKey: ['leads', 'list'] });
}
