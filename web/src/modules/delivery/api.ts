// Typed calls to delivery (src/modules/delivery/openapi.json), made with the client generated from
// the OpenAPI document (shared/api/openapi.ts): a call the document does not have fails tsc.
import { answer, openapi } from '../../shared/api/openapi';
import { kMaxPageSize } from '../../shared/api/client';
import type {
  AckInput,
  BatchInput,
  CompleteInput,
  FactorInput,
  FundEntryInput,
  FundProposalInput,
  FundProposalQuery,
  BatchQuery,
  FindingInput,
  FindingQuery,
  HandoverInput,
  HandoverQuery,
  HandoverStep,
  InspectionInput,
  OpenDayInput,
  OpenDayQuery,
  PrepInput,
  RescheduleInput,
  SlotsInput,
  StepInput,
  SignupInput,
  TaskQuery,
  TouchPatch,
} from './types';

const page = <Q extends { cursor?: string | null }>(query: Q) => ({ ...query, cursor: query.cursor ?? undefined });
/** The `If-Match` header of a change based on `version` (a stale one answers 409 version_conflict). */
const ifMatch = (version: number) => ({ 'If-Match': String(version) });

export const deliveryApi = {
  /** Batches in scope, newest first, each with its gates. */
  listBatches: (query: BatchQuery, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/delivery-batches', { params: { query: page(query) }, signal })),
  /** A batch with its units (`unit_ids`), counts and gates. */
  getBatch: (id: number, signal?: AbortSignal) => answer(openapi.GET('/api/v1/delivery-batches/{id}', { params: { path: { id } }, signal })),
  /** 422 unit_ids not_in_project; 409 unit_in_batch (fields.unit_ids in_another_batch) when a unit is in another batch. */
  createBatch: (body: BatchInput) => answer(openapi.POST('/api/v1/delivery-batches', { body })),
  /**
   * 放行: 409 open_risks (`error.findings`, the open blocking findings) while one is open, unless a
   * manager gives `override_reason` (others: 403); 409 invalid_transition once released.
   */
  release: (id: number, version: number, overrideReason?: string) =>
    answer(
      openapi.POST('/api/v1/delivery-batches/{id}/release', {
        params: { path: { id }, header: ifMatch(version) },
        body: overrideReason ? { override_reason: overrideReason } : {},
      }),
    ),

  /** The batch's inspections, by day. */
  inspections: (batchId: number, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/delivery-batches/{id}/inspections', { params: { path: { id: batchId } }, signal })),
  addInspection: (batchId: number, body: InspectionInput) =>
    answer(openapi.POST('/api/v1/delivery-batches/{id}/inspections', { params: { path: { id: batchId } }, body })),
  /** 422 unit_id not_in_batch, category not_found / ambiguous, category_id not_found. */
  addFinding: (inspectionId: number, body: FindingInput) =>
    answer(openapi.POST('/api/v1/inspections/{id}/findings', { params: { path: { id: inspectionId } }, body })),
  listFindings: (query: FindingQuery, signal?: AbortSignal) => answer(openapi.GET('/api/v1/findings', { params: { query: page(query) }, signal })),
  /** 409 invalid_transition when closed already. */
  closeFinding: (id: number, version: number, note: string) =>
    answer(openapi.POST('/api/v1/findings/{id}/close', { params: { path: { id }, header: ifMatch(version) }, body: note ? { note } : {} })),

  listOpenDays: (query: OpenDayQuery, signal?: AbortSignal) => answer(openapi.GET('/api/v1/open-days', { params: { query: page(query) }, signal })),
  createOpenDay: (body: OpenDayInput) => answer(openapi.POST('/api/v1/open-days', { body })),
  /** A manager's (others: 403); 409 invalid_transition when vetoed already. */
  vetoOpenDay: (id: number, reason: string) => answer(openapi.POST('/api/v1/open-days/{id}/veto', { params: { path: { id } }, body: { reason } })),
  /**
   * 筹备会 held (delivery.work): 422 held_on in_the_future or after_the_open_day; 409 invalid_transition
   * for a vetoed open day. Recording it again replaces the day and the note.
   */
  recordPrep: (id: number, body: PrepInput) => answer(openapi.POST('/api/v1/open-days/{id}/prep', { params: { path: { id } }, body })),
  /** The open day's sign-ups in the order they came, the cancelled too. */
  listSignups: (id: number, query: { limit?: number; cursor?: string | null }, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/open-days/{id}/signups', { params: { path: { id }, query: page(query) }, signal })),
  /**
   * Signs a household up (record.write): 409 already_signed_up (one per unit and day), open_day_full,
   * open_day_past, invalid_transition (vetoed); 422 unit_id no_owner / another_project / not_found,
   * customer_id not_an_owner (the first owner when none is named).
   */
  signUp: (id: number, body: SignupInput) => answer(openapi.POST('/api/v1/open-days/{id}/signups', { params: { path: { id } }, body })),
  /** 签到, on the open day only (409 not_the_open_day); 409 invalid_transition unless signed up. */
  checkIn: (signupId: number) => answer(openapi.POST('/api/v1/open-day-signups/{id}/check-in', { params: { path: { id: signupId } } })),
  /** Frees the place of a household not checked in; 409 invalid_transition otherwise. */
  cancelSignup: (signupId: number) => answer(openapi.POST('/api/v1/open-day-signups/{id}/cancel', { params: { path: { id: signupId } } })),
  /** One open day (GET /open-days/{id}): 404 outside the caller's scope. */
  getOpenDay: (id: number, signal?: AbortSignal) => answer(openapi.GET('/api/v1/open-days/{id}', { params: { path: { id } }, signal })),
  /** The households' sign-up links of an open day and where each stands. */
  openDayInvitations: (id: number, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/open-days/{id}/invitations', { params: { path: { id } }, signal })),
  /** Sends a link to each household still waiting for its home that has not signed up. */
  sendOpenDayInvitations: (id: number) => answer(openapi.POST('/api/v1/open-days/{id}/invitations', { params: { path: { id } } })),

  /** With `on` (YYYY-MM-DD, China time): the day's desk, by slot. */
  listHandovers: (query: HandoverQuery, signal?: AbortSignal) => answer(openapi.GET('/api/v1/handovers', { params: { query: page(query) }, signal })),
  getHandover: (id: number, signal?: AbortSignal) => answer(openapi.GET('/api/v1/handovers/{id}', { params: { path: { id } }, signal })),
  /**
   * 预约收房 of a contracted unit: 409 unit_unavailable (not contracted), batch_not_released (its batch
   * waits for its gates), handover_exists, slot_full (the calendar's slot `slot_id` has no seat left);
   * 422 customer_id not_an_owner.
   */
  book: (body: HandoverInput) => answer(openapi.POST('/api/v1/handovers', { body })),
  /** The next step only: 409 invalid_transition (`error.next_step`) out of order. */
  step: (id: number, step: HandoverStep, body: StepInput) =>
    answer(openapi.POST('/api/v1/handovers/{id}/steps/{step}', { params: { path: { id, step } }, body })),
  /** 409 invalid_transition when done or cancelled already. */
  cancel: (id: number, reason: string) => answer(openapi.POST('/api/v1/handovers/{id}/cancel', { params: { path: { id } }, body: { reason } })),
  /** Moves a booked handover to another slot (`slot_id`) or time (`slot_at`): 409 slot_full, invalid_transition once begun. */
  reschedule: (id: number, body: RescheduleInput) => answer(openapi.POST('/api/v1/handovers/{id}/reschedule', { params: { path: { id } }, body })),

  /** The batch's handover calendar: every slot (day and hour, China time) with its seats, and the totals. */
  slots: (batchId: number, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/delivery-batches/{id}/slots', { params: { path: { id: batchId } }, signal })),
  /** Opens the slots of the days and hours asked (those that exist are kept); answers every slot of the batch. */
  openSlots: (batchId: number, body: SlotsInput) =>
    answer(openapi.POST('/api/v1/delivery-batches/{id}/slots', { params: { path: { id: batchId } }, body })),
  /** A slot's seats (0 closes it): 409 slot_booked (fields.capacity below_booked) below the seats booked. */
  setSlotCapacity: (id: number, version: number, capacity: number) =>
    answer(openapi.PATCH('/api/v1/handover-slots/{id}', { params: { path: { id }, header: ifMatch(version) }, body: { capacity } })),
  /** The owners' booking links of the batch and where each stands. */
  invitations: (batchId: number, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/delivery-batches/{id}/invitations', { params: { path: { id: batchId } }, signal })),
  /**
   * 发送预约短信 to each owner of a contracted, unbooked unit (a new link replaces the old): 409
   * batch_not_released, no_slots when no slot has a seat left.
   */
  sendInvitations: (batchId: number) => answer(openapi.POST('/api/v1/delivery-batches/{id}/invitations', { params: { path: { id: batchId } } })),

  /** The 6+2 playbook; with `companyId`, that company's own versions over the group's. */
  playbook: (companyId: number | undefined, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/journey/playbook', { params: { query: companyId ? { company_id: companyId } : {} }, signal })),
  /**
   * A manager's (others: 403). Without `company_id` a group touch is the group's (its managers' and
   * administrators'); a company's manager sends the company, whose own version is made on first edit.
   */
  updateTouch: (id: number, body: TouchPatch) => answer(openapi.PATCH('/api/v1/journey/playbook/{id}', { params: { path: { id } }, body })),
  /** A manager makes now the tasks due from a quarter back to 14 days ahead (others: 403). */
  makeTasks: () => answer(openapi.POST('/api/v1/journey/make', {})),
  /** Journey tasks in scope, oldest first. */
  listTasks: (query: TaskQuery, signal?: AbortSignal) => answer(openapi.GET('/api/v1/journey-tasks', { params: { query: page(query) }, signal })),
  /** 403 for a touch of another team than sales without delivery.work; 409 invalid_transition when done already. */
  completeTask: (id: number, body: CompleteInput) => answer(openapi.POST('/api/v1/journey-tasks/{id}/complete', { params: { path: { id } }, body })),
  customerJourney: (customerId: number, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/customers/{id}/journey', { params: { path: { id: customerId } }, signal })),
  /** `period`: a quarter, "2026Q4". */
  scores: (period: string, signal?: AbortSignal) => answer(openapi.GET('/api/v1/journey/scores', { params: { query: { period } }, signal })),
  /**
   * 四年之约: the plan of the projects of `company_id` (a company in scope; 422 company_id not_found
   * otherwise), or of one project, or of every project in scope.
   */
  fourYearPlan: (query: { company_id?: number; project_id?: number }, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/journey/four-year-plan', { params: { query }, signal })),
  /** Per project in scope with units delivered in the last six months (or the one asked): call-back coverage and home visits. */
  afterDelivery: (projectId: number | undefined, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/journey/after-delivery', { params: { query: projectId ? { project_id: projectId } : {} }, signal })),

  /** A project's adverse factors, oldest first; the withdrawn ones too when asked. */
  listFactors: (projectId: number, includeWithdrawn: boolean, signal?: AbortSignal) =>
    answer(
      openapi.GET('/api/v1/adverse-factors', {
        params: { query: { project_id: projectId, ...(includeWithdrawn ? { include_withdrawn: true } : {}) } },
        signal,
      }),
    ),
  /** Customer relations (delivery.work) publish a factor. */
  publishFactor: (body: FactorInput) => answer(openapi.POST('/api/v1/adverse-factors', { body })),
  /** A manager's (others: 403); 409 invalid_transition when withdrawn already. */
  withdrawFactor: (id: number, reason: string) => answer(openapi.POST('/api/v1/adverse-factors/{id}/withdraw', { params: { path: { id } }, body: { reason } })),
  /** A project's acknowledgements, oldest first. */
  listAcks: (projectId: number, signal?: AbortSignal) => answer(openapi.GET('/api/v1/disclosure-acks', { params: { query: { project_id: projectId } }, signal })),
  /** record.write; covers every factor published now; 409 nothing_to_acknowledge when none is. */
  acknowledge: (body: AckInput) => answer(openapi.POST('/api/v1/disclosure-acks', { body })),

  /** 一路同行 funds of the companies in scope that have an entry or a proposal, by company (the first 500: one page). */
  listFunds: (signal?: AbortSignal) => answer(openapi.GET('/api/v1/journey-funds', { params: { query: { limit: kMaxPageSize } }, signal })),
  /** A company's fund, zero before its first entry; 404 for a project or a unit out of scope. */
  getFund: (companyId: number, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/journey-funds/{company_id}', { params: { path: { company_id: companyId } }, signal })),
  /** The fund's ledger, newest first. */
  listFundEntries: (companyId: number, query: { limit?: number; cursor?: string | null }, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/journey-funds/{company_id}/entries', { params: { path: { company_id: companyId }, query: page(query) }, signal })),
  /**
   * A manager records an inflow or a signed correction (others: 403); 409 fund_insufficient
   * (`error.balance_cents`) for a correction that would take the balance below zero.
   */
  recordFundEntry: (companyId: number, body: FundEntryInput) =>
    answer(openapi.POST('/api/v1/journey-funds/{company_id}/entries', { params: { path: { company_id: companyId } }, body })),
  /** The statement of `from` … `to` (YYYY-MM-DD, at most 366 days; the server's default: this year to today). */
  fundStatement: (companyId: number, from: string | undefined, to: string | undefined, signal?: AbortSignal) =>
    answer(
      openapi.GET('/api/v1/journey-funds/{company_id}/statement', {
        params: { path: { company_id: companyId }, query: { ...(from ? { from } : {}), ...(to ? { to } : {}) } },
        signal,
      }),
    ),
  /** Proposals in scope, newest first. */
  listFundProposals: (query: FundProposalQuery, signal?: AbortSignal) =>
    answer(openapi.GET('/api/v1/fund-proposals', { params: { query: page(query) }, signal })),
  /** Customer relations (delivery.work) record an owners' meeting's proposal; the company is the project's. */
  proposeFund: (body: FundProposalInput) => answer(openapi.POST('/api/v1/fund-proposals', { body })),
  /**
   * A manager's (others: 403): spends the amount from the fund at once; 409 fund_insufficient
   * (`error.balance_cents`) when the balance is short, invalid_transition when decided already.
   */
  approveFundProposal: (id: number, note: string) =>
    answer(openapi.POST('/api/v1/fund-proposals/{id}/approve', { params: { path: { id } }, body: note ? { note } : {} })),
  /** A manager's, with the reason (others: 403); 409 invalid_transition when decided already. */
  rejectFundProposal: (id: number, reason: string) => answer(openapi.POST('/api/v1/fund-proposals/{id}/reject', { params: { path: { id } }, body: { reason } })),
};
