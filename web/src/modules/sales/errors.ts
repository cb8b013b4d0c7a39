// The sales module's refusals in words: who holds a customer and until when, the consultant's limit…
import type { Translate } from '../../app/i18n/i18nContext';
import { ApiError } from '../../shared/api/client';
import { errorMessage } from '../../shared/ui/apiErrors';
import { formatDay } from './labels';

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
