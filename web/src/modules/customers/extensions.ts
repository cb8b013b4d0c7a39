// What the customers module adds to other modules' pages; app/extensions.ts puts it in place.
import type { AuditEntityLink } from '../platform/extensionPoints';

/** A customer named in the audit log links to the customer's page. */
export const customerAuditLink: AuditEntityLink = { key: 'customer', order: 0, href: (id) => `/customers/${id}` };
