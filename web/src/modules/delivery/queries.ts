// The delivery module's server data in the query cache (shared/api/queryClient.ts).
import { useMemo } from 'react';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { inventoryApi } from '../inventory/api';
import { projectKeys, unitKeys } from '../inventory/queries';
import type { Unit } from '../inventory/types';
import { customerKeys } from '../customers/queries';
import { ticketKeys } from '../service/queries';
import { deliveryApi } from './api';
import type { AdverseFactor, BatchQuery, DeliveryBatch, Finding, FindingQuery, Handover, HandoverQuery, JourneyTask, OpenDayQuery, OpenDaySignup, TaskQuery } from './types';
import type { FundProposalQuery } from './types';
import type { HandoverSlot, SlotList } from './types';

export const batchKeys = {
  all: ['delivery-batches'] as const,
  list: (query: BatchQuery) => ['delivery-batches', 'list', query] as const,
  detail: (id: number) => ['delivery-batches', id] as const,
  inspections: (id: number) => ['delivery-batches', id, 'inspections'] as const,
  /** The batch's handover calendar and its owners' booking links, read again with the batch. */
  slots: (id: number) => ['delivery-batches', id, 'slots'] as const,
  invitations: (id: number) => ['delivery-batches', id, 'invitations'] as const,
  /** The released batch holding a unit (a unit is in one batch), with the lists. */
  releasedOf: (unitId: number) => ['delivery-batches', 'list', 'released-of', unitId] as const,
};

export const findingKeys = {
  all: ['findings'] as const,
  list: (query: FindingQuery) => ['findings', 'list', query] as const,
};

export const openDayKeys = {
  all: ['open-days'] as const,
  list: (query: OpenDayQuery) => ['open-days', 'list', query] as const,
  /** An open day's sign-ups, read again with the lists. */
  signups: (id: number) => ['open-days', id, 'signups'] as const,
  /** Its households' sign-up links. */
  invitations: (id: number) => ['open-days', id, 'invitations'] as const,
};

export const handoverKeys = {
  all: ['handovers'] as const,
  list: (query: HandoverQuery) => ['handovers', 'list', query] as const,
  detail: (id: number) => ['handovers', id] as const,
};

/** Every unit of a project (one page), kept with the project's: what the units of a batch or a booking are chosen from. */
const projectUnitsKey = (projectId: number) => [...projectKeys.detail(projectId), 'units', 'delivery'] as const;

const kNoUnits: Unit[] = [];

/** A project's units (every one, one page), with a map by id; off until there is a project. */
export function useProjectUnits(projectId: number | undefined) {
  const query = useQuery({
    queryKey: projectUnitsKey(projectId ?? 0),
    queryFn: async () => (await inventoryApi.listUnits(projectId!, {})).items,
    enabled: projectId !== undefined,
    staleTime: 30_000,
  });
  const units = query.data ?? kNoUnits;
  const byId = useMemo(() => new Map(units.map((unit) => [unit.id, unit])), [units]);
  return { units, byId, loading: query.isLoading && projectId !== undefined, error: query.error };
}

export function useBatch(id: number) {
  return useQuery({ queryKey: batchKeys.detail(id), queryFn: ({ signal }) => deliveryApi.getBatch(id, signal) });
}

export function useInspections(batchId: number) {
  return useQuery({ queryKey: batchKeys.inspections(batchId), queryFn: async ({ signal }) => (await deliveryApi.inspections(batchId, signal)).items });
}

export function useHandover(id: number) {
  return useQuery({ queryKey: handoverKeys.detail(id), queryFn: ({ signal }) => deliveryApi.getHandover(id, signal) });
}

/** After a batch changed here (created, released): put in place, the lists read again. */
export function batchChanged(queryClient: QueryClient, batch: DeliveryBatch): void {
  queryClient.setQueryData(batchKeys.detail(batch.id), batch);
  void queryClient.invalidateQueries({ queryKey: [...batchKeys.all, 'list'] });
  // Release notes each unit's history.
  for (const id of batch.unit_ids ?? []) void queryClient.invalidateQueries({ queryKey: unitKeys.history(id), exact: true });
}

/**
 * After an inspection or a finding changed here: the batch (its gates, its counts), its inspections
 * (their counts) and the findings' lists read again, and the history of the finding's unit.
 */
export function findingsChanged(queryClient: QueryClient, batchId: number, finding?: Finding): void {
  void queryClient.invalidateQueries({ queryKey: batchKeys.detail(batchId) });
  void queryClient.invalidateQueries({ queryKey: [...batchKeys.all, 'list'] });
  void queryClient.invalidateQueries({ queryKey: findingKeys.all });
  if (finding) void queryClient.invalidateQueries({ queryKey: unitKeys.history(finding.unit_id), exact: true });
}

/** After an open day changed here: the lists, and the batches (their open-day gates). */
export function openDayChanged(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: openDayKeys.all });
  void queryClient.invalidateQueries({ queryKey: batchKeys.all });
}

/**
 * After a sign-up changed here (made, checked in, cancelled): the lists (their counts) and the day's
 * sign-ups read again, and the owner's timeline (the server notes the sign-up and the check-in there).
 */
export function signupChanged(queryClient: QueryClient, signup: OpenDaySignup): void {
  void queryClient.invalidateQueries({ queryKey: openDayKeys.all });
  void queryClient.invalidateQueries({ queryKey: customerKeys.related(signup.customer_id, 'timeline') });
}

/**
 * After a handover changed here (booked, a step, cancelled): put in place; the desk's lists read
 * again; its unit (delivered at the keys, its history), its project's boards and units, the owner's
 * timeline and units, and the repair tickets the inspection opened.
 */
export function handoverChanged(queryClient: QueryClient, handover: Handover): void {
  queryClient.setQueryData(handoverKeys.detail(handover.id), handover);
  void queryClient.invalidateQueries({ queryKey: [...handoverKeys.all, 'list'] });
  void queryClient.invalidateQueries({ queryKey: unitKeys.detail(handover.unit_id) });
  void queryClient.invalidateQueries({ queryKey: projectKeys.boards(handover.project_id) });
  void queryClient.invalidateQueries({ queryKey: [...projectKeys.detail(handover.project_id), 'units'] });
  if (handover.batch_id !== null) void queryClient.invalidateQueries({ queryKey: batchKeys.detail(handover.batch_id) });
  if (handover.customer_id !== null) void queryClient.invalidateQueries({ queryKey: customerKeys.detail(handover.customer_id) });
  if (handover.ticket_ids.length) void queryClient.invalidateQueries({ queryKey: [...ticketKeys.all, 'list'] });
}

/** A batch's handover calendar (every slot, with the totals); off until there is a batch. */
export function useSlots(batchId: number | null | undefined) {
  return useQuery({
    queryKey: batchKeys.slots(batchId ?? 0),
    queryFn: ({ signal }) => deliveryApi.slots(batchId!, signal),
    enabled: typeof batchId === 'number',
  });
}

/** A batch's owners' booking links, where each stands. */
export function useInvitations(batchId: number) {
  return useQuery({ queryKey: batchKeys.invitations(batchId), queryFn: async ({ signal }) => (await deliveryApi.invitations(batchId, signal)).items });
}

/**
 * The released batch holding a unit, in one request (`?unit_id=`): undefined while that is being
 * found, null when there is none (the unit is in no batch, or in one not released yet). Off until the
 * unit is known.
 */
export function useReleasedBatchOf(unitId: number | undefined): { batch: DeliveryBatch | null | undefined } {
  const query = useQuery({
    queryKey: batchKeys.releasedOf(unitId ?? 0),
    queryFn: async ({ signal }) => (await deliveryApi.listBatches({ unit_id: unitId, status: 'released', limit: 1 }, signal)).items[0] ?? null,
    enabled: unitId !== undefined,
    staleTime: 30_000,
  });
  if (query.error) return { batch: null };
  return { batch: unitId === undefined ? undefined : query.data };
}

/** After slots were opened here: the batch's calendar as the server answered it. */
export function slotsOpened(queryClient: QueryClient, batchId: number, slots: SlotList): void {
  queryClient.setQueryData(batchKeys.slots(batchId), slots);
}

/** After a slot's seats changed here: put in place (the totals counted again), then read again. */
export function slotChanged(queryClient: QueryClient, slot: HandoverSlot): void {
  queryClient.setQueryData<SlotList>(batchKeys.slots(slot.batch_id), (list) => {
    if (!list) return list;
    const items = list.items.map((item) => (item.id === slot.id ? slot : item));
    return { ...list, items, capacity: items.reduce((sum, item) => sum + item.capacity, 0), booked: items.reduce((sum, item) => sum + item.booked, 0) };
  });
  void queryClient.invalidateQueries({ queryKey: batchKeys.slots(slot.batch_id) });
}

/** After booking links were sent here: the batch's links read again. */
export function invitationsSent(queryClient: QueryClient, batchId: number): void {
  void queryClient.invalidateQueries({ queryKey: batchKeys.invitations(batchId) });
}

export const journeyKeys = {
  all: ['journey'] as const,
  tasks: (query: TaskQuery) => ['journey', 'tasks', query] as const,
  /** The group's playbook (0) or a company's. */
  playbook: (companyId: number | undefined) => ['journey', 'playbook', companyId ?? 0] as const,
  scores: (period: string) => ['journey', 'scores', period] as const,
  /** The after-delivery figures of every project in scope (0) or of one. */
  afterDelivery: (projectId: number | undefined) => ['journey', 'after-delivery', projectId ?? 0] as const,
  /** 四年之约 of every project in scope, a company's or a project's (0: not asked). */
  fourYear: (companyId: number | undefined, projectId: number | undefined) => ['journey', 'four-year', companyId ?? 0, projectId ?? 0] as const,
};

/** A customer's journey, with what else the customer page shows of them (invalidated when the customer changes). */
export const customerJourneyKey = (customerId: number) => customerKeys.related(customerId, 'journey');

export const disclosureKeys = {
  all: ['disclosures'] as const,
  factors: (projectId: number, withdrawn: boolean) => ['disclosures', projectId, 'factors', withdrawn] as const,
  acks: (projectId: number) => ['disclosures', projectId, 'acks'] as const,
};

export function useCustomerJourney(customerId: number) {
  return useQuery({ queryKey: customerJourneyKey(customerId), queryFn: ({ signal }) => deliveryApi.customerJourney(customerId, signal) });
}

export function usePlaybook(companyId: number | undefined) {
  return useQuery({ queryKey: journeyKeys.playbook(companyId), queryFn: async ({ signal }) => (await deliveryApi.playbook(companyId, signal)).items });
}

export function useScores(period: string) {
  return useQuery({ queryKey: journeyKeys.scores(period), queryFn: async ({ signal }) => (await deliveryApi.scores(period, signal)).items });
}

/** The after-delivery figures: per project in scope with recent deliveries, or the project asked (its figures even without any). */
export function useAfterDelivery(projectId: number | undefined) {
  return useQuery({ queryKey: journeyKeys.afterDelivery(projectId), queryFn: async ({ signal }) => (await deliveryApi.afterDelivery(projectId, signal)).items });
}

/** 四年之约: the plan of a company's projects, of one project (which then is all that counts), or of every project in scope. */
export function useFourYearPlan(companyId: number | undefined, projectId: number | undefined) {
  return useQuery({
    queryKey: journeyKeys.fourYear(companyId, projectId),
    queryFn: ({ signal }) =>
      deliveryApi.fourYearPlan({ ...(companyId ? { company_id: companyId } : {}), ...(projectId ? { project_id: projectId } : {}) }, signal),
  });
}

/** A project's adverse factors (the withdrawn ones too when asked); off until there is a project. */
export function useFactors(projectId: number | undefined, withdrawn: boolean) {
  return useQuery({
    queryKey: disclosureKeys.factors(projectId ?? 0, withdrawn),
    queryFn: async ({ signal }) => (await deliveryApi.listFactors(projectId!, withdrawn, signal)).items,
    enabled: projectId !== undefined,
  });
}

export function useAcks(projectId: number | undefined) {
  return useQuery({
    queryKey: disclosureKeys.acks(projectId ?? 0),
    queryFn: async ({ signal }) => (await deliveryApi.listAcks(projectId!, signal)).items,
    enabled: projectId !== undefined,
  });
}

/**
 * After a task was completed here: the task lists are stale but not read again at once (the caller
 * has put the task in place in the list on screen, where it stays, done, until the next refresh);
 * the scores, the after-delivery figures, the four-year plan, and the customer's journey and
 * timeline read again.
 */
export function taskChanged(queryClient: QueryClient, task: JourneyTask): void {
  void queryClient.invalidateQueries({ queryKey: ['journey', 'tasks'], refetchType: 'none' });
  void queryClient.invalidateQueries({ queryKey: ['journey', 'scores'] });
  void queryClient.invalidateQueries({ queryKey: ['journey', 'after-delivery'] });
  void queryClient.invalidateQueries({ queryKey: ['journey', 'four-year'] });
  void queryClient.invalidateQueries({ queryKey: customerKeys.related(task.customer_id), predicate: (query) => query.queryKey.length > 2 });
}

/** After the task maker ran: every list of tasks, the scores, the customers' journeys. */
export function tasksMade(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: journeyKeys.all });
  void queryClient.invalidateQueries({ queryKey: customerKeys.all, predicate: (query) => query.queryKey[2] === 'journey' });
}

/** After a factor was published or withdrawn: the project's factors and acknowledgements read again. */
export function factorChanged(queryClient: QueryClient, factor: AdverseFactor): void {
  void queryClient.invalidateQueries({ queryKey: ['disclosures', factor.project_id] });
}

/** After an acknowledgement was recorded: the project's acknowledgements, and the customer's timeline. */
export function ackRecorded(queryClient: QueryClient, projectId: number, customerId: number): void {
  void queryClient.invalidateQueries({ queryKey: disclosureKeys.acks(projectId) });
  void queryClient.invalidateQueries({ queryKey: customerKeys.related(customerId, 'timeline') });
}

// 一路同行基金.

export const fundKeys = {
  all: ['journey-funds'] as const,
  /** The funds of the companies in scope. */
  list: ['journey-funds', 'list'] as const,
  /** A company's fund, its ledger and its statements. */
  company: (companyId: number) => ['journey-funds', companyId] as const,
  entries: (companyId: number) => ['journey-funds', companyId, 'entries'] as const,
  statement: (companyId: number, from: string, to: string) => ['journey-funds', companyId, 'statement', from, to] as const,
  proposals: (query: FundProposalQuery) => ['journey-funds', 'proposals', query] as const,
};

export function useFunds() {
  return useQuery({ queryKey: fundKeys.list, queryFn: async ({ signal }) => (await deliveryApi.listFunds(signal)).items });
}

/** A company's fund (zero before its first entry); off until there is a company. */
export function useFund(companyId: number | undefined) {
  return useQuery({
    queryKey: fundKeys.company(companyId ?? 0),
    queryFn: ({ signal }) => deliveryApi.getFund(companyId!, signal),
    enabled: companyId !== undefined,
  });
}

/** A company's statement of `from` … `to` (YYYY-MM-DD); off until there is a company. */
export function useFundStatement(companyId: number | undefined, from: string, to: string) {
  return useQuery({
    queryKey: fundKeys.statement(companyId ?? 0, from, to),
    queryFn: ({ signal }) => deliveryApi.fundStatement(companyId!, from, to, signal),
    enabled: companyId !== undefined,
  });
}

/**
 * After money moved in a company's fund here (an inflow, a correction, an approval) or a proposal
 * was filed or decided: the funds, the company's fund, ledger and statements, and the proposals read again.
 */
export function fundChanged(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: fundKeys.all });
}
