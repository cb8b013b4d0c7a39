// Where other modules add to the platform module's pages (see shared/registry.ts).
import type { ComponentType, ReactNode } from 'react';
import type { MessageKey } from '../../app/i18n/messages';
import { extensionPoint, type ExtensionEntry } from '../../shared/registry';
import type { Role } from './types';

/** A count on the home page (平台概况), after the org units and users. */
export interface HomeFigure extends ExtensionEntry {
  title: MessageKey;
  suffix: MessageKey;
  icon: ReactNode;
  color: string;
  testId: string;
  /** Where a click on the card leads. */
  to?: string;
  /** The count; `truncated` when there are more than were counted. */
  load: (signal: AbortSignal) => Promise<{ count: number; truncated: boolean }>;
}

export const homeFigures = extensionPoint<HomeFigure>('platform.homeFigures');

/** Where a notification about a record of `key` (its `ref_type`, e.g. "ticket") leads. */
export interface NotificationLink extends ExtensionEntry {
  href: (refId: number) => string;
}

export const notificationLinks = extensionPoint<NotificationLink>('platform.notificationLinks');

/**
 * A block of the home page for the people whose day it organises (the service desk's work list for
 * agents and managers, a supervisor's figures…), under the greeting. A user holding none of the
 * sections' roles, and the administrator, see the platform's overview instead (or as well).
 */
export interface HomeSection extends ExtensionEntry {
  /** Shown to users holding one of these roles. */
  roles: readonly Role[];
  component: ComponentType;
}

export const homeSections = extensionPoint<HomeSection>('platform.homeSections');

/**
 * Where a record named in the audit log (its `entity_type`, e.g. "customer", also the key) has its
 * page: the log links the object there. Types without an entry are named, not linked.
 */
export interface AuditEntityLink extends ExtensionEntry {
  href: (entityId: number) => string;
}

export const auditEntityLinks = extensionPoint<AuditEntityLink>('platform.auditEntityLinks');
