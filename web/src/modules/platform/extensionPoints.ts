// Where other modules add to the platform module's pages (see shared/registry.ts).
import type { ReactNode } from 'react';
import type { MessageKey } from '../../app/i18n/messages';
import { extensionPoint, type ExtensionEntry } from '../../shared/registry';

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
