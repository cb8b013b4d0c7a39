// Delivery's refusals in words: the open blocking findings that refuse a release, the step due next,
// the unit already in another batch.
import type { Translate } from '../../app/i18n/i18nContext';
import { ApiError } from '../../shared/api/client';
import { errorMessage } from '../../shared/ui/apiErrors';
import { handoverStepLabel } from './labels';
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
