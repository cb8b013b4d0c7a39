// Typed calls to the club (src/modules/club/openapi.json), made with the client generated from the
// OpenAPI document (shared/api/openapi.ts): a call the document does not have fails tsc.
import { answer, openapi } from '../../shared/api/openapi';
import type {
  ClubEvent,
  ClubMember,
  ClubOffer,
  ClubRates,
  ClubSettings,
  ClubSettingsBody,
  EventBody,
  EventPatch,
  EventSignup,
  EventsPage,
  MemberFilters,
  MembersPage,
  OfferBody,
  OfferPatch,
  OffersPage,
  PointMove,
  PointsBody,
} from './types';

/** A page of the members list asks for this many. */
export const kMembersPageSize = 50;
/** A page of a member's ledger. */
export const kLedgerPageSize = 20;
/** A page of the events and of the offers. */
export const kEventsPageSize = 30;
export const kOffersPageSize = 50;
/** The members the sign-up's picker offers for what was typed. */
const kPickerSize = 20;

export const clubApi = {
  /** The members enrolled in the caller's units, newest first, and how many match (`total`). */
  members: async (filters: MemberFilters, cursor: string | null, signal?: AbortSignal) =>
    (await answer(openapi.GET('/api/v1/club/members', { params: { query: { ...filters, limit: kMembersPageSize, cursor: cursor ?? undefined } }, signal }))) as MembersPage,
  member: async (id: number, signal?: AbortSignal) => (await answer(openapi.GET('/api/v1/club/members/{id}', { params: { path: { id } }, signal }))) as ClubMember,
  /** Enrols a customer (roles that write records); 409 already_member. */
  enrol: async (customerId: number) => (await answer(openapi.POST('/api/v1/club/members', { body: { customer_id: customerId } }))) as ClubMember,
  /** The member's ledger, newest first. */
  ledger: async (id: number, cursor: string | null, signal?: AbortSignal) =>
    await answer(openapi.GET('/api/v1/club/members/{id}/points', { params: { path: { id }, query: { limit: kLedgerPageSize, cursor: cursor ?? undefined } }, signal })),
  /**
   * Earns (delta > 0) or spends (delta < 0) points: 409 insufficient_points (with `balance`) when the
   * member holds fewer; 403 for an adjustment by someone not a manager.
   */
  move: async (id: number, body: PointsBody) => (await answer(openapi.POST('/api/v1/club/members/{id}/points', { params: { path: { id } }, body }))) as PointMove,
  settings: async (signal?: AbortSignal) => (await answer(openapi.GET('/api/v1/club/settings', { signal }))) as ClubSettings,
  /** The group's managers and administrators: every field; 409 version_conflict; 422 naming the fields (`tiers[1].min_points_12m`). */
  setSettings: async (body: ClubSettingsBody, version: number) =>
    (await answer(openapi.PUT('/api/v1/club/settings', { params: { header: { 'If-Match': String(version) } }, body }))) as ClubSettings,
  /** The customer's membership, or null. */
  ofCustomer: async (customerId: number, signal?: AbortSignal) =>
    (await answer(openapi.GET('/api/v1/customers/{id}/club', { params: { path: { id: customerId } }, signal }))).member as ClubMember | null,
  /** Events of the caller's units (above and below), newest first; `upcoming`: open and not yet over. */
  events: async (upcoming: boolean, cursor: string | null, signal?: AbortSignal) =>
    (await answer(openapi.GET('/api/v1/club/events', { params: { query: { upcoming: upcoming || undefined, limit: kEventsPageSize, cursor: cursor ?? undefined } }, signal }))) as EventsPage,
  event: async (id: number, signal?: AbortSignal) => (await answer(openapi.GET('/api/v1/club/events/{id}', { params: { path: { id } }, signal }))) as ClubEvent,
  /** 422 naming the fields (ends_at before_start, tier_min unknown_tier). */
  createEvent: async (body: EventBody) => (await answer(openapi.POST('/api/v1/club/events', { body }))) as ClubEvent,
  /** 409 version_conflict; 422 capacity below_signed_up. */
  updateEvent: async (id: number, body: EventPatch, version: number) =>
    (await answer(openapi.PATCH('/api/v1/club/events/{id}', { params: { path: { id }, header: { 'If-Match': String(version) } }, body }))) as ClubEvent,
  signups: async (eventId: number, signal?: AbortSignal) =>
    await answer(openapi.GET('/api/v1/club/events/{id}/signups', { params: { path: { id: eventId } }, signal })),
  /** 409 event_full, event_closed, already_signed; 422 member_id tier_too_low. */
  signUp: async (eventId: number, memberId: number) =>
    (await answer(openapi.POST('/api/v1/club/events/{id}/signups', { params: { path: { id: eventId } }, body: { member_id: memberId } }))) as EventSignup,
  /** 409 checked_in (the member came), not_signed. */
  cancelSignup: async (id: number) => (await answer(openapi.POST('/api/v1/club/event-signups/{id}/cancel', { params: { path: { id } } }))) as EventSignup,
  /** The member came: the event's points are earned. 409 already_checked_in, not_signed. */
  checkIn: async (id: number) => (await answer(openapi.POST('/api/v1/club/event-signups/{id}/check-in', { params: { path: { id } } }))) as EventSignup,
  /** The members whose number starts with `q`, for a picker. */
  pickMembers: async (q: string, signal?: AbortSignal) =>
    ((await answer(openapi.GET('/api/v1/club/members', { params: { query: { q: q || undefined, limit: kPickerSize } }, signal }))) as MembersPage).items,
  /** Partner merchants' offers; `current`: active and valid today. */
  offers: async (current: boolean, cursor: string | null, signal?: AbortSignal) =>
    (await answer(openapi.GET('/api/v1/club/offers', { params: { query: { current: current || undefined, limit: kOffersPageSize, cursor: cursor ?? undefined } }, signal }))) as OffersPage,
  /** Managers; 422 naming the fields (valid_to before_start). */
  createOffer: async (body: OfferBody) => (await answer(openapi.POST('/api/v1/club/offers', { body }))) as ClubOffer,
  /** Changes or withdraws (status withdrawn); 409 version_conflict. */
  updateOffer: async (id: number, body: OfferPatch, version: number) =>
    (await answer(openapi.PATCH('/api/v1/club/offers/{id}', { params: { path: { id }, header: { 'If-Match': String(version) } }, body }))) as ClubOffer,
  rates: async (signal?: AbortSignal) => (await answer(openapi.GET('/api/v1/club/rates', { signal }))) as ClubRates,
  /** Managers: computed now (a pass over every customer of the group). */
  recomputeRates: async () => (await answer(openapi.POST('/api/v1/club/rates/recompute', {}))) as ClubRates,
};
