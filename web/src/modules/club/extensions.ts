// What the club adds to other modules' pages; app/extensions.ts puts it in place.
import { lazy } from 'react';
import type { CustomerSection, TimelineRefLink } from '../customers/extensionPoints';
import type { AuditEntityLink } from '../platform/extensionPoints';

const CustomerClub = lazy(() => import('./components/CustomerClub').then((m) => ({ default: m.CustomerClub })));

/** The customer page's 万客会 card: tier, balance, the points that expire next; 入会 for one not yet a member. */
export const customerClubSection: CustomerSection = { key: 'club', order: 20, title: 'customerClub.title', component: CustomerClub };

/** A member named in the audit log (enrolled, points earned or spent) links to their page. */
export const clubMemberAuditLink: AuditEntityLink = { key: 'club_member', order: 0, href: (id) => `/club/members/${id}` };

/** The club's rules named in the audit log (changed) link to 规则与等级 (there is one per group). */
export const clubSettingsAuditLink: AuditEntityLink = { key: 'club_settings', order: 0, href: () => '/club/settings' };

/** 加入万客会 and points earned on a customer's timeline link to the member's page. */
export const clubMemberTimelineLink: TimelineRefLink = { key: 'club_member', order: 0, href: (id) => `/club/members/${id}` };

/** An event named in the audit log (created, changed, sign-ups, check-ins) links to its page. */
export const clubEventAuditLink: AuditEntityLink = { key: 'club_event', order: 0, href: (id) => `/club/events/${id}` };

/** A partner offer named in the audit log links to 合作商家优惠 (there is no page of one). */
export const clubOfferAuditLink: AuditEntityLink = { key: 'club_offer', order: 0, href: () => '/club/offers' };
