// 来电弹屏 (screen-pop): the agent's seat (the extension calls are put through to) and the calls the
// server pushes on /api/v1/events (API.md "Telephony", src/modules/service/openapi.json).
import { api, request } from '../../shared/api/client';
import type { Answer, Body } from '../../shared/api/wire';

export type TelephonySeat = Answer<'/telephony/seat', 'get'>;

/** An extension the server takes: 1–16 letters or digits. */
export const kExtensionPattern = /^[A-Za-z0-9]{1,16}$/;

export const telephonyApi = {
  seat: (signal?: AbortSignal) => api.get<TelephonySeat>('/telephony/seat', undefined, signal),
  /** Takes the extension (moving it from whoever had it). */
  takeSeat: (extension: string) =>
    request<Answer<'/telephony/seat', 'put'>>('PUT', '/telephony/seat', { body: { extension } satisfies Body<'/telephony/seat', 'put'> }),
  leaveSeat: () => api.delete<void>('/telephony/seat'),
};

export const telephonyKeys = {
  seat: ['telephony', 'seat'] as const,
};

/** A call put through to the signed-in agent (`event: call` on /api/v1/events). */
export interface IncomingCall {
  call_id: string;
  caller: string;
  extension: string;
  at: string;
  /** Null when the caller is not a known customer (or not one this agent may see). */
  customer_id: number | null;
  customer_name: string | null;
}

/** 13800001111 → 138****1111 (an 11-digit mobile); other numbers as they are. */
export function maskCaller(caller: string): string {
  return /^1\d{10}$/.test(caller) ? `${caller.slice(0, 3)}****${caller.slice(7)}` : caller;
}

/** Where a call pops: the 来电受理 page with the caller chosen, or with the new-customer form when unknown. */
export function intakePath(call: Pick<IncomingCall, 'call_id' | 'caller' | 'customer_id'>): string {
  const params = new URLSearchParams({ caller: call.caller, call_id: call.call_id });
  if (call.customer_id) params.set('customer_id', String(call.customer_id));
  return `/tickets/new?${params.toString()}`;
}

/**
 * The 来电受理 form being filled in, if any: it says whether it holds unsaved work (a title or a
 * description typed), so that a call popping meanwhile asks before it replaces the form.
 */
let unsavedIntake: (() => boolean) | null = null;
export function registerUnsavedIntake(check: (() => boolean) | null): void {
  unsavedIntake = check;
}
export function hasUnsavedIntake(): boolean {
  return unsavedIntake?.() ?? false;
}
