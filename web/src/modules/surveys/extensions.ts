// What the surveys module adds to other modules' pages; app/extensions.ts puts it in place.
import type { AuditEntityLink } from '../platform/extensionPoints';
import type { TimelineRefLink } from '../customers/extensionPoints';

/**
 * A survey named in the audit log (created, changed, published, archived; its waves started,
 * reminded, closed, which the server records on the survey) links to its page.
 */
export const surveyAuditLink: AuditEntityLink = { key: 'survey', order: 0, href: (id) => `/surveys/${id}` };

/** A survey answered (or opted out of) on a customer's timeline links to the survey's results. */
export const surveyTimelineLink: TimelineRefLink = { key: 'survey', order: 0, href: (id) => `/surveys/results/${id}` };
