// What the segments module adds to other modules' pages; app/extensions.ts puts it in place.
import { lazy } from 'react';
import type { CustomerSection } from '../customers/extensionPoints';
import type { AuditEntityLink } from '../platform/extensionPoints';

const CustomerSegments = lazy(() => import('./components/CustomerSegments').then((m) => ({ default: m.CustomerSegments })));
const CustomerValue = lazy(() => import('./components/CustomerValue').then((m) => ({ default: m.CustomerValue })));

/** The customer page's 客户细分 card: the customer's segment in each model, and the facts the rules read. */
export const customerSegmentsSection: CustomerSection = { key: 'segments', order: 10, title: 'customerSegments.title', component: CustomerSegments };

/** The customer page's 客户终身价值 card: the household's value, its cash flow by year, the computation in words. */
export const customerValueSection: CustomerSection = { key: 'value', order: 5, title: 'customerValue.title', component: CustomerValue };

/** A segment model named in the audit log (created, changed) links to its page. */
export const segmentModelAuditLink: AuditEntityLink = { key: 'segment_model', order: 0, href: (id) => `/segments/${id}` };
