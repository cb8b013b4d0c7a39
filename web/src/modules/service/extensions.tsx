// What the service module adds to other modules' pages; app/extensions.ts puts it in place.
import { lazy } from 'react';
import { AlertOutlined } from '@ant-design/icons';
import type { CustomerTab } from '../customers/extensionPoints';
import type { HomeFigure, NotificationLink } from '../platform/extensionPoints';
import { serviceApi } from './api';

const CustomerTickets = lazy(() => import('./components/CustomerTickets').then((m) => ({ default: m.CustomerTickets })));

/** The customer page's 工单 tab. */
export const customerTicketsTab: CustomerTab = { key: 'tickets', order: 20, label: 'customer.tab.tickets', component: CustomerTickets };

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
