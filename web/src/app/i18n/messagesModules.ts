// The Chinese of the modules (and of the platform's audit log) neither the login page nor the signed-in frame and home page need (see
// messages.ts), a chunk of its own that i18nContext.loadMessages() fetches with the other pages.
import { zh as customers } from '../../modules/customers/messages';
import { zh as audit } from '../../modules/platform/auditMessages';
import { zh as inventory } from '../../modules/inventory/messages';
import { zh as sales } from '../../modules/sales/messages';

/** By message file, for the check that no two define the same key. */
export const kParts = { customers, inventory, sales, audit };

export const zh = { ...customers, ...inventory, ...sales, ...audit };
