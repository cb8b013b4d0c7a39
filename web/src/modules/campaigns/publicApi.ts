// The owner's unsubscribe page (/u/:token), reached from a marketing message without signing in:
// apart from api.ts so that its chunk holds nothing else of the module.
import { request } from '../../shared/api/client';
import type { Unsubscribe } from './types';

const path = (token: string) => `/public/unsubscribe/${encodeURIComponent(token)}`;
const kAnonymous = { anonymous: true, skipUnauthorizedRedirect: true } as const;

export const publicUnsubscribeApi = {
  /** Who sent it, on which channel, whether the owner opted out; 404 for a link unknown, 429 after many of those. */
  get: (token: string, signal?: AbortSignal) => request<Unsubscribe>('GET', path(token), { ...kAnonymous, signal }),
  /** No more marketing on the message's channel, or on any with `all`. */
  unsubscribe: (token: string, all: boolean) => request<Unsubscribe>('POST', path(token), { ...kAnonymous, body: all ? { all: true } : {} }),
};
