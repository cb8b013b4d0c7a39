// Typed calls to the club (src/modules/club/openapi.json), made with the client generated from the
// OpenAPI document (shared/api/openapi.ts): a call the document does not have fails tsc.
import { answer, openapi } from '../../shared/api/openapi';
import type { ClubMember, ClubSettings, ClubSettingsBody, MemberFilters, MembersPage, PointMove, PointsBody } from './types';

/** A page of the members list asks for this many. */
export const kMembersPageSize = 50;
/** A page of a member's ledger. */
export const kLedgerPageSize = 20;

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
};
