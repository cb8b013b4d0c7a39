// The composition root of the modules' extensions (shared/registry.ts): each module's additions to
// another module's pages are put in place here, once, before the first render. A module that adds
// to another imports only that module's extension points; the extended module imports neither.
import { customerTabs } from '../modules/customers/extensionPoints';
import { homeFigures, notificationLinks } from '../modules/platform/extensionPoints';
import { customerUnitsTab } from '../modules/inventory/extensions';
import { customerTicketsTab, openMassAlertsFigure, ticketNotificationLink } from '../modules/service/extensions';

export function registerExtensions(): void {
  customerTabs.add(customerUnitsTab);
  customerTabs.add(customerTicketsTab);
  homeFigures.add(openMassAlertsFigure);
  notificationLinks.add(ticketNotificationLink);
}
