// The Chinese of the modules (and of the platform's audit log) neither the login page nor the signed-in frame and home page need (see
// messages.ts), a chunk of its own that i18nContext.loadMessages() fetches with the other pages.
// Not the customer's consent page's (modules/sales/consentMessages.ts): that page adds its own, and a
// module shared by its chunk and this one would be merged into the entry.
import { zh as customers } from '../../modules/customers/messages';
import { zh as servicePages } from '../../modules/service/pageMessages';
import { zh as audit } from '../../modules/platform/auditMessages';
import { zh as inventory } from '../../modules/inventory/messages';
import { zh as sales } from '../../modules/sales/messages';
import { zh as delivery } from '../../modules/delivery/messages';
import { zh as messageLog } from '../../modules/platform/messageLogMessages';
import { zh as deliveryReports } from '../../modules/delivery/reportMessages';
import { zh as surveys } from '../../modules/surveys/messages';
import { zh as segments } from '../../modules/segments/messages';
import { zh as club } from '../../modules/club/messages';
import { zh as campaigns } from '../../modules/campaigns/messages';

/** By message file, for the check that no two define the same key. */
export const kParts = { customers, servicePages, inventory, sales, delivery, deliveryReports, surveys, segments, club, campaigns, audit, messageLog };

export const zh = { ...customers, ...servicePages, ...inventory, ...sales, ...delivery, ...deliveryReports, ...surveys, ...segments, ...club, ...campaigns, ...audit, ...messageLog };
