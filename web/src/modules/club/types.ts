// Wire types of the club (万客会: members enrolled from the customers, tiers reached by the points of
// the last twelve months, the points ledger of lots that expire), derived from the server's OpenAPI
// document (src/modules/club/openapi.json; see shared/api/wire.ts).
import type { Answer, Body, Filters, Wire } from '../../shared/api/wire';

/** A member: number, customer, tier, balance, the points earned in 12 months and those that expire next. */
export type ClubMember = Wire<'ClubMember'>;
/** A line of the ledger: an earning (with its lot's expiry), a spend or an expiry, with the balance after it. */
export type PointMove = Wire<'ClubPointMove'>;
export type MoveReason = PointMove['reason'];
/** What a client sends to earn (delta > 0) or spend (delta < 0) points. */
export type PointsBody = Body<'/club/members/{id}/points', 'post'>;
export type PointsReason = PointsBody['reason'];
/** The group's earning rules and tiers. */
export type ClubSettings = Wire<'ClubSettings'>;
export type ClubTier = ClubSettings['tiers'][number];
export type ClubSettingsBody = Body<'/club/settings', 'put'>;
/** The members list's filters (tier code, the start of a member number). */
export type MemberFilters = Filters<'/club/members'>;
export type MembersPage = Answer<'/club/members', 'get'>;
/** An event (活动): place, time, the places taken of its capacity, the points earned at check-in, the lowest tier it is open to. */
export type ClubEvent = Wire<'ClubEvent'>;
export type ClubEventStatus = ClubEvent['status'];
export type EventBody = Body<'/club/events', 'post'>;
export type EventPatch = Body<'/club/events/{id}', 'patch'>;
export type EventsPage = Answer<'/club/events', 'get'>;
/** A member signed up for an event: cancelled, or checked in (the event's points earned). */
export type EventSignup = Wire<'ClubEventSignup'>;
/** A partner merchant's offer (合作商家优惠) for members of a tier and above, perhaps for points. */
export type ClubOffer = Wire<'ClubOffer'>;
export type OfferBody = Body<'/club/offers', 'post'>;
export type OfferPatch = Body<'/club/offers/{id}', 'patch'>;
export type OffersPage = Answer<'/club/offers', 'get'>;
/** Members against the other owners: repurchase, would buy again, referred a signed sale. */
export type ClubRates = Wire<'ClubRates'>;
export type ClubRateSide = ClubRates['members'];
