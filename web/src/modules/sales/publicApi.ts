// The customer's page of a consent (报备确认), reached from the desk's QR code without signing in:
// apart from api.ts so that the page's chunk holds nothing else of the module.
import { request } from '../../shared/api/client';
import type { Answer } from '../../shared/api/wire';

const path = (token: string) => `/public/lead-consents/${encodeURIComponent(token)}`;

export const publicConsentApi = {
  /** What the customer agrees to; 404 for a link that is not one. */
  get: (token: string, signal?: AbortSignal) =>
    request<Answer<'/public/lead-consents/{token}', 'get'>>('GET', path(token), { signal, anonymous: true, skipUnauthorizedRedirect: true }),
  /** 同意: confirmed (agreeing twice is agreeing); 409 consent_expired. */
  agree: (token: string) =>
    request<Answer<'/public/lead-consents/{token}/agree', 'post'>>('POST', `${path(token)}/agree`, { anonymous: true, skipUnauthorizedRedirect: true }),
};
