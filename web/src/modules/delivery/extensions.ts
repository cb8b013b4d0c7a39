// What the delivery module adds to other modules' pages; app/extensions.ts puts it in place.
import type { AuditEntityLink } from '../platform/extensionPoints';

/** A delivery batch named in the audit log (created, released, its inspections and findings) links to its page. */
export const deliveryBatchAuditLink: AuditEntityLink = { key: 'delivery_batch', order: 0, href: (id) => `/delivery/batches/${id}` };
