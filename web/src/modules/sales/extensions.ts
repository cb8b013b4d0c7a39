// What the sales module adds to other modules' pages; app/extensions.ts puts it in place.
import { lazy } from 'react';
import type { CustomerTab, TimelineRefLink } from '../customers/extensionPoints';
import type { AuditEntityLink, NotificationLink } from '../platform/extensionPoints';
import type { UnitSection } from '../inventory/extensionPoints';

const CustomerSales = lazy(() => import('./components/CustomerSales').then((m) => ({ default: m.CustomerSales })));
const UnitPriceHistory = lazy(() => import('./components/UnitPriceHistory').then((m) => ({ default: m.UnitPriceHistory })));

/** The customer page's 置业 tab: where the customer was registered, and their contracts. */
export const customerSalesTab: CustomerTab = { key: 'sales', order: 15, label: 'customer.tab.sales', component: CustomerSales };

/** A registration or follow-up on the customer's timeline (来访登记, 销售跟进) links to the lead. */
export const leadTimelineLink: TimelineRefLink = { key: 'lead', order: 0, href: (id) => `/sales/leads/${id}` };

/** A contract on the customer's timeline (签约) links to its page. */
export const contractTimelineLink: TimelineRefLink = { key: 'contract', order: 0, href: (id) => `/sales/contracts/${id}` };

/** A follow-up reminder (sales.follow_up_due) opens the lead. */
export const leadNotificationLink: NotificationLink = { key: 'lead', order: 0, href: (id) => `/sales/leads/${id}` };

/** A lead named in the audit log links to its page. */
export const leadAuditLink: AuditEntityLink = { key: 'lead', order: 0, href: (id) => `/sales/leads/${id}` };

/** A contract named in the audit log (签约, 回款) links to its page. */
export const contractAuditLink: AuditEntityLink = { key: 'contract', order: 0, href: (id) => `/sales/contracts/${id}` };

/** A reward earned (sales.referral_earned) opens the referrals waiting to be paid. */
export const referralNotificationLink: NotificationLink = { key: 'referral', order: 0, href: () => '/sales/referrals?status=earned' };

/** A payment overdue (sales.dunning: 逾期提醒, 催告, 转法务) opens its task on 回款催收. */
export const dunningNotificationLink: NotificationLink = { key: 'dunning_task', order: 0, href: (id) => `/sales/reports?task=${id}` };

/** The unit page's 价格历史: the applied price adjustments that changed its list price. */
export const unitPriceHistorySection: UnitSection = { key: 'price-history', order: 10, title: 'price.historyTitle', component: UnitPriceHistory };
