// Delivery's refusals in words: the open blocking findings that refuse a release, the step due next,
// the unit already in another batch.
import type { Translate } from '../../app/i18n/i18nContext';
import { ApiError } from '../../shared/api/client';
import { errorMessage } from '../../shared/ui/apiErrors';
import { formatFen, formatSignedFen, handoverStepLabel } from './labels';
import { kHandoverSteps, type HandoverStep, type OpenRisk } from './types';

const isRisk = (value: unknown): value is OpenRisk =>
  typeof value === 'object' && value !== null && typeof (value as OpenRisk).unit_code === 'string' && typeof (value as OpenRisk).id === 'number';

/** 409 open_risks of a release: the open blocking findings it names (`error.findings`); null for another failure. */
export function openRisks(err: unknown): OpenRisk[] | null {
  if (!(err instanceof ApiError) || err.code !== 'open_risks') return null;
  const findings = err.extra.findings;
  return Array.isArray(findings) ? findings.filter(isRisk) : [];
}

/** A refusal of a release, as a sentence. */
export function releaseErrorText(t: Translate, err: unknown): string {
  const risks = openRisks(err);
  if (risks) return t('release.refused', { count: risks.length });
  if (err instanceof ApiError) {
    if (err.code === 'invalid_transition') return t('release.already');
    if (err.status === 403) return t('release.managersOnly');
  }
  return errorMessage(t, err);
}

/** The server's sentence of 409 unit_in_batch: "unit 1-1-201 is already in the batch 一期". */
const kInBatch = /unit (\S+) is already in the batch (.+)$/;

/** A refusal of creating a batch, as a sentence: the unit already in another batch, named. */
export function batchErrorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError && err.code === 'unit_in_batch') {
    const said = kInBatch.exec(err.message);
    return said ? t('batch.unitInBatch', { code: said[1], batch: said[2] }) : t('batch.unitInBatchPlain');
  }
  return errorMessage(t, err);
}

/** 409 invalid_transition of a step out of order: the step due now (`error.next_step`); null otherwise. */
export function nextStepOf(err: unknown): HandoverStep | null {
  if (!(err instanceof ApiError) || err.code !== 'invalid_transition') return null;
  const next = err.extra.next_step;
  return kHandoverSteps.find((step) => step === next) ?? null;
}

/** A refusal of a handover step or a cancellation, as a sentence. */
export function stepErrorText(t: Translate, err: unknown): string {
  const next = nextStepOf(err);
  if (next) return t('handover.outOfOrder', { step: handoverStepLabel(t, next) });
  if (err instanceof ApiError && err.code === 'invalid_transition') return t('handover.closedAlready');
  return errorMessage(t, err);
}

/** A refusal of closing a finding, as a sentence. */
export function closeErrorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError && err.code === 'invalid_transition') return t('finding.alreadyClosed');
  return errorMessage(t, err);
}

/** A refusal of vetoing an open day, as a sentence. */
export function vetoErrorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'invalid_transition') return t('openDay.alreadyVetoed');
    if (err.status === 403) return t('openDay.managersOnly');
  }
  return errorMessage(t, err);
}

/** A refusal of completing a journey task, as a sentence. */
export function completeErrorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'invalid_transition') return t('task.alreadyDone');
    if (err.status === 403) return t('task.notYourTeam');
  }
  return errorMessage(t, err);
}

/** A refusal of editing a touch of the playbook, as a sentence. */
export function touchErrorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError && err.status === 403) return t('touch.managersOnly');
  return errorMessage(t, err);
}

/** A refusal of withdrawing an adverse factor, as a sentence. */
export function withdrawErrorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'invalid_transition') return t('factor.alreadyWithdrawn');
    if (err.status === 403) return t('factor.managersOnly');
  }
  return errorMessage(t, err);
}

/** A refusal of recording an acknowledgement, as a sentence. */
export function ackErrorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError && err.code === 'nothing_to_acknowledge') return t('ack.nothingPublished');
  return errorMessage(t, err);
}

/** A refusal of booking or moving a handover to a slot, as a sentence: the slot full, the handover begun. */
export function slotErrorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'slot_full') return t('book.slotFull');
    if (err.code === 'invalid_transition') return t('reschedule.begun');
  }
  return errorMessage(t, err);
}

/** A refusal of a slot's seats, as a sentence: fewer than the households booked. */
export function capacityErrorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError && err.code === 'slot_booked') return t('slot.belowBooked');
  return errorMessage(t, err);
}

/** A refusal of 发送预约短信, as a sentence: the batch not released, no slot with a seat. */
export function inviteErrorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'batch_not_released') return t('invite.notReleasedError');
    if (err.code === 'no_slots') return t('invite.noSlots');
  }
  return errorMessage(t, err);
}

/** 409 fund_insufficient: the fund's balance when it was refused (`error.balance_cents`), or null for another failure. */
export function fundShortOf(err: unknown): { balance: number | null } | null {
  if (!(err instanceof ApiError) || err.code !== 'fund_insufficient') return null;
  const balance = err.extra.balance_cents;
  return { balance: typeof balance === 'number' && Number.isFinite(balance) ? balance : null };
}

/**
 * A refusal of approving a proposal, as a sentence: the balance short of the amount (naming both),
 * decided already, managers only.
 */
export function approveErrorText(t: Translate, err: unknown, amountCents: number): string {
  const short = fundShortOf(err);
  if (short) {
    return short.balance === null
      ? t('fund.insufficientPlain', { amount: formatFen(amountCents) })
      : t('fund.insufficient', { balance: formatFen(short.balance), amount: formatFen(amountCents) });
  }
  return decideErrorText(t, err);
}

/** A refusal of rejecting (or approving) a proposal, as a sentence. */
export function decideErrorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'invalid_transition') return t('proposal.alreadyDecided');
    if (err.status === 403) return t('fund.managersOnly');
  }
  return errorMessage(t, err);
}

/** A refusal of recording an inflow or a correction, as a sentence: a correction below zero, managers only. */
export function fundEntryErrorText(t: Translate, err: unknown, amountCents: number): string {
  const short = fundShortOf(err);
  if (short) {
    return short.balance === null
      ? t('fund.correctionBelowZeroPlain')
      : t('fund.correctionBelowZero', { balance: formatFen(short.balance), amount: formatSignedFen(amountCents) });
  }
  if (err instanceof ApiError && err.status === 403) return t('fund.managersOnly');
  return errorMessage(t, err);
}

/** A refusal of a statement's period, as a sentence: longer than the server's year and a day, ending before it begins. */
export function statementErrorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.fields.to === 'over_366_days') return t('statement.tooLong');
    if (err.fields.to === 'before_from') return t('statement.toBeforeFrom');
    if (err.fields.from || err.fields.to) return t('statement.badDate');
  }
  return errorMessage(t, err);
}

/** A refusal of recording an open day's 筹备会, as a sentence: the open day vetoed, customer relations only. */
export function prepErrorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'invalid_transition') return t('prep.vetoed');
    if (err.status === 403) return t('prep.workOnly');
  }
  return errorMessage(t, err);
}

/**
 * A sign-up's refusal as the form shows it: the server's "no_owner" of the unit is worded for a
 * sign-up (the same reason of a handover's defects speaks of repair tickets). Other failures pass as they are.
 */
export function signupFailure(err: unknown): unknown {
  if (!(err instanceof ApiError) || err.fields.unit_id !== 'no_owner') return err;
  return new ApiError(err.status, err.code, err.message, { ...err.fields, unit_id: 'signup_no_owner' }, err.extra);
}

/** The capacity 409 open_day_full names (`error.capacity`, a number or its digits), or null. */
function fullCapacity(err: ApiError): number | null {
  const value = err.extra.capacity;
  const capacity = typeof value === 'string' ? Number(value) : value;
  return typeof capacity === 'number' && Number.isInteger(capacity) && capacity > 0 ? capacity : null;
}

/**
 * A refusal of signing a household up, as a sentence: the unit signed up already (named by its code),
 * the day full (with its capacity), past or vetoed, the role.
 */
export function signupErrorText(t: Translate, err: unknown, day: { on: string }, unitCode: string | undefined): string {
  if (err instanceof ApiError) {
    switch (err.code) {
      case 'already_signed_up':
        return unitCode ? t('signup.alreadySignedUp', { code: unitCode }) : t('signup.alreadySignedUpPlain');
      case 'open_day_full': {
        const capacity = fullCapacity(err);
        return capacity === null ? t('signup.fullErrorPlain') : t('signup.fullError', { capacity });
      }
      case 'open_day_past':
        return t('signup.pastError', { date: day.on });
      case 'invalid_transition':
        return t('signup.vetoedError');
      default:
        if (err.status === 403) return t('signup.writeOnly');
    }
  }
  return errorMessage(t, err);
}

/** A refusal of checking a household in or cancelling its sign-up, as a sentence. */
export function signupActionErrorText(t: Translate, err: unknown, day: { on: string }): string {
  if (err instanceof ApiError) {
    if (err.code === 'not_the_open_day') return t('signup.notTheDay', { date: day.on });
    if (err.code === 'invalid_transition') return t('signup.alreadyDone');
    if (err.status === 403) return t('signup.writeOnly');
  }
  return errorMessage(t, err);
}

/** A refusal of the four-year plan's scope, as a sentence: the company or the project not found (or out of scope). */
export function fourYearErrorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.fields.company_id === 'not_found') return t('fourYear.companyNotFound');
    if (err.fields.project_id === 'not_found') return t('fourYear.projectNotFound');
  }
  return errorMessage(t, err);
}
