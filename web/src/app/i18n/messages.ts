// Every string the UI shows, put together from the shell's and each module's message file
// (modules/<module>/messages.ts). A module's `en` has the type of its `zh`, so a key missing in
// one language fails tsc; a key that two files define stops the app at start.
// The first screen's weight: the entry holds only the Chinese of the shell and of the platform module
// (the login page, the errors, the menu's entries of the modules below). The service module's Chinese
// is a chunk (messagesService.ts) that loadFrameMessages() fetches with the signed-in frame (its menu
// entries and bell, the home page's work list); the other modules' another (messagesModules.ts) that
// loadMessages() fetches with the other pages; the English a third (messagesEn.ts), fetched when the
// language is English. A new module's messages go in messagesModules.ts and in the list here.
import * as shell from './shellMessages';
import * as platform from '../../modules/platform/messages';
import type * as audit from '../../modules/platform/auditMessages';
import type * as customers from '../../modules/customers/messages';
import type * as inventory from '../../modules/inventory/messages';
import type * as service from '../../modules/service/messages';
import type * as servicePages from '../../modules/service/pageMessages';
import type * as sales from '../../modules/sales/messages';
import type * as delivery from '../../modules/delivery/messages';
import type * as consent from '../../modules/sales/consentMessages';
import type * as booking from '../../modules/delivery/bookingMessages';
import type * as openDay from '../../modules/delivery/openDaySignupMessages';
import type * as messageLog from '../../modules/platform/messageLogMessages';
import type * as deliveryReports from '../../modules/delivery/reportMessages';
import type * as surveys from '../../modules/surveys/messages';
import type * as segments from '../../modules/segments/messages';
import type * as club from '../../modules/club/messages';
import type * as campaigns from '../../modules/campaigns/messages';
import type * as unsubscribe from '../../modules/campaigns/unsubscribeMessages';

type Chinese = typeof shell.zh & typeof platform.zh & typeof audit.zh & typeof customers.zh & typeof inventory.zh & typeof service.zh & typeof servicePages.zh & typeof sales.zh & typeof delivery.zh & typeof consent.zh & typeof booking.zh & typeof openDay.zh & typeof messageLog.zh & typeof deliveryReports.zh & typeof surveys.zh & typeof segments.zh & typeof club.zh & typeof campaigns.zh & typeof unsubscribe.zh;

export type MessageKey = keyof Chinese;

/** The Chinese the entry holds, by message file. */
export const kEntryParts = { shell: shell.zh, platform: platform.zh };

/** Throws when two message files define the same key (merging them would keep only the last). */
export function assertDisjoint(parts: Record<string, Record<string, string>>): void {
  const owner = new Map<string, string>();
  for (const [name, part] of Object.entries(parts)) {
    for (const key of Object.keys(part)) {
      const first = owner.get(key);
      if (first) throw new Error(`message key ${key} is defined by both ${first} and ${name}`);
      owner.set(key, name);
    }
  }
}

assertDisjoint(kEntryParts);
