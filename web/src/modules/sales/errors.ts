// The sales module's refusals in words: who holds a customer and until when, the consultant's limit…
import type { Translate } from '../../app/i18n/i18nContext';
import { ApiError } from '../../shared/api/client';
import { errorMessage } from '../../shared/ui/apiErrors';
import type { MessageKey } from '../../app/i18n/messages';
import { formatDay, referralReasonLabel } from './labels';

/** 409 lead_protected: the consultant holding the customer, and until when; null for another failure. */
export function protectedBy(err: unknown): { owner: string; until: string } | null {
  if (!(err instanceof ApiError) || err.code !== 'lead_protected') return null;
  const owner = typeof err.extra.owner_name === 'string' ? err.extra.owner_name : '';
  const until = typeof err.extra.protected_until === 'string' ? err.extra.protected_until : '';
  return { owner, until };
}

/** A refusal of registering, claiming or following up a lead, as a sentence. */
export function leadErrorText(t: Translate, err: unknown): string {
  const held = protectedBy(err);
  if (held) return t('lead.protectedBy', { owner: held.owner || t('lead.anotherConsultant'), date: formatDay(held.until) });
  if (err instanceof ApiError) {
    switch (err.code) {
      case 'lead_limit': {
        const limit = err.extraId('limit');
        return limit ? t('lead.limitReached', { limit }) : t('lead.limitReachedPlain');
      }
      case 'lead_won':
        return t('lead.alreadyWon');
      case 'lead_in_pool':
        return t('lead.inPoolClaimFirst');
      case 'unit_unavailable':
        return t('deal.unitUnavailable');
      case 'subscription_closed':
        return t('deal.subscriptionClosed');
      case 'price_approval_pending':
        return t('deal.approvalPendingRefused');
      default:
        break;
    }
  }
  return errorMessage(t, err);
}

/** A refusal of requesting or deciding a change order (变更), as a sentence. */
export function changeErrorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError) {
    switch (err.code) {
      case 'change_pending':
        return t('change.pendingExists');
      case 'contract_closed':
        return t('change.contractClosed');
      case 'change_closed':
        return t('change.alreadyDecided');
      default:
        break;
    }
    if (err.status === 403) return t('change.forbidden');
    const field = Object.entries(err.fields)[0];
    if (field) {
      const [name, reason] = field;
      if (name === 'new_unit_id') return reason === 'unavailable' ? t('change.unitTaken') : t('change.unitNotFound');
      if (name === 'discount_cents' && reason === 'exceeds_balance') return t('change.discountTooHigh');
    }
  }
  return errorMessage(t, err);
}

/** An RFC 3339 time inside a server sentence ("保护期至 2027-01-05T05:46:00Z"). */
const kTimeInText = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g;

/**
 * 422 referral_invalid: the rule the referral broke (`reason`, e.g. referrer_not_owner) and the
 * server's Chinese sentence naming it (for referee_protected: the consultant and until when, the time
 * shown as a local date); null for another failure.
 */
export function referralRefusal(err: unknown): { reason: string; message: string } | null {
  if (!(err instanceof ApiError) || err.code !== 'referral_invalid') return null;
  const reason = typeof err.extra.reason === 'string' ? err.extra.reason : '';
  const message = err.message === err.code ? '' : err.message.replace(kTimeInText, (at) => formatDay(at));
  return { reason, message };
}

/** A refusal of registering a referral or paying its reward, as a sentence. */
export function referralErrorText(t: Translate, err: unknown): string {
  const refused = referralRefusal(err);
  if (refused) return refused.message || referralReasonLabel(t, refused.reason) || t('referral.refused');
  if (err instanceof ApiError) {
    switch (err.code) {
      case 'referral_exists':
        return t('referral.exists');
      case 'invalid_transition':
        return t('referral.notEarned');
      default:
        break;
    }
  }
  return errorMessage(t, err);
}

/**
 * 409 prices_changed of applying an adjustment: the server's sentence (how many units moved since the
 * draft) and the units' codes; null for another failure.
 */
export function pricesChanged(err: unknown): { message: string; units: string[] } | null {
  if (!(err instanceof ApiError) || err.code !== 'prices_changed') return null;
  const units = Array.isArray(err.extra.units) ? err.extra.units.filter((u): u is string => typeof u === 'string') : [];
  return { message: err.message === err.code ? '' : err.message, units };
}

/** A refusal of drafting, applying or cancelling an adjustment, as a sentence. */
export function adjustmentErrorText(t: Translate, err: unknown): string {
  const moved = pricesChanged(err);
  if (moved) return moved.message || t('price.pricesChanged', { count: moved.units.length });
  if (err instanceof ApiError) {
    if (err.code === 'invalid_transition') return t('price.alreadyDecided');
    if (err.status === 403) return t('price.forbidden');
  }
  return errorMessage(t, err);
}

const kSchemeReasons: Record<string, MessageKey> = {
  not_found: 'scheme.refused.not_found',
  inactive: 'scheme.refused.inactive',
  not_yet_valid: 'scheme.refused.not_yet_valid',
  expired: 'scheme.refused.expired',
  exhausted: 'scheme.refused.exhausted',
  not_stackable: 'scheme.refused.not_stackable',
  duplicate: 'scheme.refused.duplicate',
  too_many: 'scheme.refused.too_many',
};

/**
 * 422 on discount_scheme_ids[i] of a subscription, in words naming the scheme ("「国庆九八折」已过期"):
 * `nameAt(i)` names the scheme sent at i. Empty for a failure that names no scheme.
 */
export function schemeRefusals(t: Translate, err: unknown, nameAt: (index: number) => string): string[] {
  if (!(err instanceof ApiError)) return [];
  const texts: string[] = [];
  for (const [field, reason] of Object.entries(err.fields)) {
    const at = /^discount_scheme_ids(?:\[(\d+)\])?$/.exec(field);
    if (!at) continue;
    const key = kSchemeReasons[reason] ?? 'scheme.refused.other';
    texts.push(t(key, { name: at[1] === undefined ? '' : nameAt(Number(at[1])) }));
  }
  return texts;
}

/** The same failure without the fields `drop` matches (those shown elsewhere already). */
export function withoutFields(err: ApiError, drop: RegExp): ApiError {
  const fields = Object.fromEntries(Object.entries(err.fields).filter(([field]) => !drop.test(field)));
  return new ApiError(err.status, err.code, err.message, fields, err.extra);
}

/** A refusal of filing a dispute (申请判客) or of deciding one, as a sentence. */
export function disputeErrorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.fields.lead_id === 'own_lead') return t('dispute.ownLead');
    switch (err.code) {
      case 'dispute_pending':
        return t('dispute.pendingExists');
      case 'lead_won':
        return t('dispute.leadWon');
      case 'invalid_transition':
        return t('dispute.alreadyDecided');
      default:
        break;
    }
    if (err.status === 403) return t('dispute.forbidden');
  }
  return errorMessage(t, err);
}

/** A refusal of deciding a price below the floor, as a sentence. */
export function priceDecisionErrorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'invalid_transition') return t('priceApproval.alreadyDecided');
    if (err.status === 403) return t('priceApproval.forbidden');
  }
  return errorMessage(t, err);
}

/** A refusal of creating or changing a discount scheme, as a sentence. */
export function schemeErrorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError && err.status === 403) return t('scheme.forbidden');
  return errorMessage(t, err);
}

/** A refusal of recording a contact on a dunning task (记录催收), as a sentence. */
export function dunningErrorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'dunning_closed') return t('dunning.closedAlready');
    if (err.status === 403) return t('dunning.forbidden');
  }
  return errorMessage(t, err);
}

/** The server's sentence of a consent's 409 lead_protected, which names no fields: "this customer is 王五's lead in the project until 2027-01-05". */
const kProtectedSentence = /is (.+)'s lead in the project until (\d{4}-\d{2}-\d{2})/;

/**
 * A refusal of asking a customer's consent (报备), as a sentence, and whether the QR code would do
 * instead (no SMS service, no mobile number); null for another failure (a form's: its fields).
 * `holder` is who holds the customer at the project as the desk knows it, for a refusal that does not say.
 */
export function consentRequestRefusal(
  t: Translate,
  err: unknown,
  holder?: { owner: string; until: string },
): { text: string; useQr: boolean } | null {
  if (err instanceof ApiError) {
    if (err.code === 'lead_protected') {
      const held = protectedBy(err);
      const said = kProtectedSentence.exec(err.message);
      const owner = held?.owner || said?.[1] || holder?.owner || t('lead.anotherConsultant');
      const until = held?.until || said?.[2] || holder?.until || '';
      return { text: t('lead.protectedBy', { owner, date: until.length > 10 ? formatDay(until) : until }), useQr: false };
    }
    if (err.code === 'sms_unavailable' || err.status === 503) return { text: t('consent.smsUnavailable'), useQr: true };
    if (err.fields.customer_id === 'no_phone') return { text: t('consent.noPhone'), useQr: true };
    if (err.status === 429) return { text: t('consent.tooSoon'), useQr: false };
    if (err.code === 'lead_limit') return { text: leadErrorText(t, err), useQr: false };
  }
  return null;
}

/** A refusal of the code the customer read out, as a sentence; `over` when the request is void (ask again). */
export function consentConfirmRefusal(t: Translate, err: unknown): { text: string; over: boolean } {
  if (err instanceof ApiError) {
    if (err.fields.code === 'mismatch') {
      const left = Number(err.extra.attempts_left);
      if (Number.isFinite(left) && left <= 0) return { text: t('consent.failed'), over: true };
      return { text: t('consent.codeMismatch', { left: Number.isFinite(left) ? left : '?' }), over: false };
    }
    switch (err.code) {
      case 'consent_expired':
        return { text: t('consent.expired'), over: true };
      case 'consent_failed':
        return { text: t('consent.failed'), over: true };
      case 'consent_confirmed':
        return { text: t('consent.alreadyConfirmed'), over: false };
      default:
        break;
    }
    if (err.status === 403) return { text: t('consent.notYours'), over: true };
  }
  return { text: errorMessage(t, err), over: false };
}
