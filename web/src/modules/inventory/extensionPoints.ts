// Where other modules add to the inventory module's pages (see shared/registry.ts).
import type { ComponentType } from 'react';
import type { MessageKey } from '../../app/i18n/messages';
import { extensionPoint, type ExtensionEntry } from '../../shared/registry';

/**
 * A card of the unit page under its owners and history (价格历史 from sales). Its queries are keyed
 * under the unit (`unitKeys.detail(unitId)`, i.e. ['units', id, …]), which is read again whenever the
 * unit changes.
 */
export interface UnitSection extends ExtensionEntry {
  title: MessageKey;
  /** The card's content; it may be lazy (the card shows a spinner while it loads). */
  component: ComponentType<{ unitId: number }>;
}

export const unitSections = extensionPoint<UnitSection>('inventory.unitSections');

/**
 * A link of the project page's header to another module's page of the project (delivery's special
 * report, calendar, certificates). Shown to whoever reads projects; the page linked to checks the rest.
 */
export interface ProjectLink extends ExtensionEntry {
  label: MessageKey;
  href: (projectId: number) => string;
}

export const projectLinks = extensionPoint<ProjectLink>('inventory.projectLinks');
