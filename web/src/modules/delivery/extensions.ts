// What the delivery module adds to other modules' pages; app/extensions.ts puts it in place.
import { lazy } from 'react';
import type { CustomerTab, TimelineRefLink } from '../customers/extensionPoints';
import type { AuditEntityLink, NotificationLink } from '../platform/extensionPoints';
import type { ProjectLink } from '../inventory/extensionPoints';

const CustomerJourney = lazy(() => import('./components/CustomerJourney').then((m) => ({ default: m.CustomerJourney })));

/** A delivery batch named in the audit log (created, released, its inspections and findings) links to its page. */
export const deliveryBatchAuditLink: AuditEntityLink = { key: 'delivery_batch', order: 0, href: (id) => `/delivery/batches/${id}` };

/** The 6+2 playbook's changes and the task maker's runs (entity `journey`) in the audit log link to the playbook. */
export const journeyAuditLink: AuditEntityLink = { key: 'journey', order: 0, href: () => '/journey/playbook' };

/** The 一路同行 fund's entries and proposals (entity `journey_fund`, the company's id) in the audit log link to the company's fund. */
export const journeyFundAuditLink: AuditEntityLink = { key: 'journey_fund', order: 0, href: (companyId) => `/journey/fund?company_id=${companyId}` };

/** The customer page's 6+2 旅程 tab: the stage, the homes, the eight steps and their tasks. */
export const customerJourneyTab: CustomerTab = { key: 'journey', order: 18, label: 'customer.tab.journey', component: CustomerJourney };

/** A project on the customer's timeline (签收不利因素公示) links to the project's disclosures. */
export const projectTimelineLink: TimelineRefLink = { key: 'project', order: 0, href: (id) => `/journey/disclosures?project_id=${id}` };

/** The project page's links to the project's 交付风险排查专项报告, its delivery calendar and its 产权办理. */
export const projectReportLink: ProjectLink = { key: 'delivery-report', order: 10, label: 'projectLink.report', href: (id) => `/delivery/report?project_id=${id}` };
export const projectCalendarLink: ProjectLink = { key: 'delivery-calendar', order: 11, label: 'projectLink.calendar', href: (id) => `/delivery/calendar?project_id=${id}` };
export const projectCertificatesLink: ProjectLink = { key: 'certificates', order: 12, label: 'projectLink.certificates', href: (id) => `/delivery/certificates?project_id=${id}` };

/** The bell's 筹备会提醒 of an open day opens the open days with its 记录筹备会. */
export const openDayNotificationLink: NotificationLink = { key: 'open_day', order: 0, href: (id) => `/delivery/open-days?open_day=${id}` };
