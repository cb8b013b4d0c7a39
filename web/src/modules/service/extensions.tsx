// What the service module adds to other modules' pages; app/extensions.ts puts it in place.
import { lazy } from 'react';
import { AlertOutlined } from '@ant-design/icons';
import type { CustomerTab, TimelineRefLink } from '../customers/extensionPoints';
import type { AuditEntityLink, HomeFigure, HomeSection, NotificationLink } from '../platform/extensionPoints';
import { serviceApi } from './api';

const CustomerTickets = lazy(() => import('./components/CustomerTickets').then((m) => ({ default: m.CustomerTickets })));
const CustomerWorkOrders = lazy(() => import('./components/CustomerWorkOrders').then((m) => ({ default: m.CustomerWorkOrders })));
const WorkListHome = lazy(() => import('./components/WorkListHome').then((m) => ({ default: m.WorkListHome })));
const SupervisorGlance = lazy(() => import('./components/SupervisorGlance').then((m) => ({ default: m.SupervisorGlance })));

/** The customer page's 工单 tab. */
export const customerTicketsTab: CustomerTab = { key: 'tickets', order: 20, label: 'customer.tab.tickets', component: CustomerTickets };

/** The customer page's 预约上门 tab: the customer's repair appointments and visits. */
export const customerWorkOrdersTab: CustomerTab = { key: 'work-orders', order: 30, label: 'customer.tab.workOrders', component: CustomerWorkOrders };

/** A ticket on the customer's timeline links to its page. */
export const ticketTimelineLink: TimelineRefLink = { key: 'ticket', order: 0, href: (id) => `/tickets/${id}` };

/** The home page of those who work tickets: search, 我的工单, 将超时, 已超时, 待回访. */
export const workListSection: HomeSection = { key: 'service-work-list', order: 10, roles: ['agent', 'manager'], component: WorkListHome };

/** SLA and complaints at a glance, for managers. */
export const supervisorSection: HomeSection = { key: 'service-glance', order: 20, roles: ['manager'], component: SupervisorGlance };

/** 待处理群诉预警 on the home page; a click opens 群诉预警. */
export const openMassAlertsFigure: HomeFigure = {
  key: 'mass-alerts',
  order: 10,
  title: 'home.openMassAlerts',
  suffix: 'home.alertSuffix',
  icon: <AlertOutlined />,
  color: '#d4380d',
  testId: 'figure-mass-alerts',
  to: '/mass-alerts',
  load: async (signal) => {
    const page = await serviceApi.massAlerts({ status: 'open', limit: 500 }, signal);
    return { count: page.items.length, truncated: !!page.next_cursor };
  },
};

/** A notification about a ticket (a reminder, an escalation) opens the ticket. */
export const ticketNotificationLink: NotificationLink = { key: 'ticket', order: 0, href: (id) => `/tickets/${id}` };

/** A ticket named in the audit log links to its page. */
export const ticketAuditLink: AuditEntityLink = { key: 'ticket', order: 0, href: (id) => `/tickets/${id}` };
