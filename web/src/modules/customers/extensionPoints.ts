// Where other modules add to the customers module's pages (see shared/registry.ts).
import type { ComponentType } from 'react';
import type { MessageKey } from '../../app/i18n/messages';
import { extensionPoint, type ExtensionEntry } from '../../shared/registry';

/**
 * A tab of the customer page after 基本资料, 家庭 and 时间线 (房产 from inventory, 工单 from service).
 * Its queries are keyed under `customerKeys.related(customerId, …)`, which the page invalidates
 * whenever the customer changes (edit, merge, erase).
 */
export interface CustomerTab extends ExtensionEntry {
  label: MessageKey;
  /** The tab's content; it may be lazy (the page shows a spinner while it loads). */
  component: ComponentType<{ customerId: number }>;
}

export const customerTabs = extensionPoint<CustomerTab>('customers.customerTabs');

/**
 * A card of the customer page's overview, under the header and above the tabs: what another module
 * says of the customer at a glance (客户细分 from segments). Keep it short; a list belongs in a tab.
 * Its queries are keyed under `customerKeys.related(customerId, …)`, as a tab's are.
 */
export interface CustomerSection extends ExtensionEntry {
  title: MessageKey;
  /** The card's content; it may be lazy (the card shows a spinner while it loads). */
  component: ComponentType<{ customerId: number }>;
}

export const customerSections = extensionPoint<CustomerSection>('customers.customerSections');

/**
 * Where a timeline event's record (`ref_type`, e.g. "ticket", "unit") has its page: the timeline
 * links the event there, named by the summary and the word for the record (工单, 房源), never by
 * its number. Types without an entry are named, not linked.
 */
export interface TimelineRefLink extends ExtensionEntry {
  /** The ref_type this entry links; also its key. */
  key: string;
  href: (refId: number) => string;
}

export const timelineRefLinks = extensionPoint<TimelineRefLink>('customers.timelineRefLinks');
