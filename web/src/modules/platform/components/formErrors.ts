import type { FormInstance } from 'antd';
import { ApiError } from '../../../shared/api/client';
import { applyFieldErrors, errorMessage } from '../../../shared/ui/apiErrors';
import type { Translate } from '../../../app/i18n/i18nContext';
import type { FormErrorState } from './FormErrorAlert';

/** Turns a failed save into field errors on the form plus the banner text for the rest. */
export function formErrorFrom(
  form: FormInstance,
  err: unknown,
  t: Translate,
  formFields: readonly string[],
): FormErrorState {
  const details = applyFieldErrors(form, err, t, formFields);
  const conflict = err instanceof ApiError && err.code === 'version_conflict';
  return { message: errorMessage(t, err), details, conflict };
}
