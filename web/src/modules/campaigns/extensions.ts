// What campaigns add to other modules' pages; app/extensions.ts puts it in place.
import { lazy } from 'react';
import type { CustomerSection, TimelineRefLink } from '../customers/extensionPoints';
import type { AuditEntityLink } from '../platform/extensionPoints';

const CustomerMarketing = lazy(() => import('./components/CustomerMarketing').then((m) => ({ default: m.CustomerMarketing })));

/** The customer page's 营销偏好 card: consent, the opt-outs (登记退订, 恢复接收), the WeChat follower id. */
export const customerMarketingSection: CustomerSection = { key: 'marketing', order: 30, title: 'customerMarketing.title', component: CustomerMarketing };

/** A campaign named in the audit log (created, changed, sent, cancelled) links to its page. */
export const campaignAuditLink: AuditEntityLink = { key: 'campaign', order: 0, href: (id) => `/campaigns/${id}` };

/** An opt-out by a campaign's link on a customer's timeline links to the campaign. */
export const campaignTimelineLink: TimelineRefLink = { key: 'campaign', order: 0, href: (id) => `/campaigns/${id}` };
