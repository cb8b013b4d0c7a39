// 产权办理's words: the steps and the refusals of recording one.
import type { Translate } from '../../app/i18n/i18nContext';
import { ApiError } from '../../shared/api/client';
import { errorMessage } from '../../shared/ui/apiErrors';
import { kTitleStages, kTitleSteps, type TitleStage, type TitleStep } from './reportsApi';

export const titleStageLabel = (t: Translate, stage: TitleStage) => t(`titleStage.${stage}`);

/** The step after `stage`; null once handed over. */
export const nextTitleStep = (stage: TitleStage): TitleStep | null => kTitleSteps[kTitleStages.indexOf(stage)] ?? null;

/** A refusal of recording a step, as a sentence: the step due now named. */
export function titleStepErrorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'invalid_transition') {
      const next = kTitleSteps.find((step) => step === err.extra.next_stage);
      return next ? t('titleCert.outOfOrder', { step: titleStageLabel(t, next) }) : t('titleCert.finished');
    }
    if (err.code === 'unit_unavailable') return t('titleCert.unitUnavailable');
  }
  return errorMessage(t, err);
}
