// The owner's booking page (/b/:token), reached from the SMS without signing in: apart from api.ts so
// that the page's chunk holds nothing else of the module.
import { request } from '../../shared/api/client';
import type { Answer } from '../../shared/api/wire';

const path = (token: string) => `/public/handover-bookings/${encodeURIComponent(token)}`;
const kAnonymous = { anonymous: true, skipUnauthorizedRedirect: true } as const;

export const publicBookingApi = {
  /** The owner's unit, the free slots and their booking; 404 for a link unknown or expired, 429 after many of those. */
  get: (token: string, signal?: AbortSignal) =>
    request<Answer<'/public/handover-bookings/{token}', 'get'>>('GET', path(token), { ...kAnonymous, signal }),
  /** Books `slotId`, or moves the booking there: 409 slot_full, invalid_transition once the handover began. */
  book: (token: string, slotId: number) =>
    request<Answer<'/public/handover-bookings/{token}', 'post'>>('POST', path(token), { ...kAnonymous, body: { slot_id: slotId } }),
};
