// The owners' pages reached from an SMS without signing in (/b/:token, the handover booking; /o/:token,
// the open-day sign-up): apart from api.ts so that their chunks hold nothing else of the module.
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

const openDayPath = (token: string) => `/public/open-day-signups/${encodeURIComponent(token)}`;

export const publicOpenDayApi = {
  /** The open day, its places left and the household's sign-up; 404 for a link unknown or expired (after the day). */
  get: (token: string, signal?: AbortSignal) =>
    request<Answer<'/public/open-day-signups/{token}', 'get'>>('GET', openDayPath(token), { ...kAnonymous, signal }),
  /** Signs the household up: 409 open_day_full, already_signed_up, open_day_past, invalid_transition (vetoed). */
  signUp: (token: string, partySize: number) =>
    request<Answer<'/public/open-day-signups/{token}', 'post'>>('POST', openDayPath(token), { ...kAnonymous, body: { party_size: partySize } }),
  /** Cancels the household's sign-up, giving the place back. */
  cancel: (token: string) =>
    request<Answer<'/public/open-day-signups/{token}/cancel', 'post'>>('POST', `${openDayPath(token)}/cancel`, kAnonymous),
};
