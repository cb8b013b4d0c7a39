// What the inventory module adds to other modules' pages; app/extensions.ts puts it in place.
import { lazy } from 'react';
import type { CustomerTab, TimelineRefLink } from '../customers/extensionPoints';
import type { AuditEntityLink } from '../platform/extensionPoints';

const CustomerUnits = lazy(() => import('./components/CustomerUnits').then((m) => ({ default: m.CustomerUnits })));

/** The customer page's 房产 tab. */
export const customerUnitsTab: CustomerTab = { key: 'units', order: 10, label: 'customer.tab.units', component: CustomerUnits };

/** A unit on the customer's timeline (成为 … 业主) links to its page. */
export const unitTimelineLink: TimelineRefLink = { key: 'unit', order: 0, href: (id) => `/units/${id}` };

/** A unit named in the audit log links to its page. */
export const unitAuditLink: AuditEntityLink = { key: 'unit', order: 0, href: (id) => `/units/${id}` };

/** A project named in the audit log links to its page. */
export const projectAuditLink: AuditEntityLink = { key: 'project', order: 0, href: (id) => `/projects/${id}` };
