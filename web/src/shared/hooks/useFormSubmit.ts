import { useState } from 'react';
import type { FormInstance } from 'antd';
import { useT } from '../../app/i18n/useT';
import { ApiError } from '../api/client';
import { formErrorFrom, type FieldResolver, type FormErrorState } from '../ui/apiErrors';

export interface FormSubmit<Values> {
  saving: boolean;
  /** For `<FormErrorAlert>`: what failed, beyond the reasons already shown on the fields. */
  error: FormErrorState | null;
  /**
   * Validates the form, then runs `save` with its values. A failed save puts the server's
   * per-field reasons (422 `error.fields`, or a 409 naming a field) on the fields and the rest
   * in `error`; an invalid form only shows its own messages.
   */
  submit: (save: (values: Values) => Promise<void>) => Promise<void>;
  /** Runs `action` (e.g. reading the record again after a version conflict); clears `error` when it succeeds. */
  recover: (action: () => Promise<void>) => Promise<void>;
  /** Drops the banner of a failure that was only about fields, once the form marks none of them any more. */
  settle: () => void;
}

/**
 * Submitting an antd form to the server, with the server's field errors applied to the form
 * (`resolver` maps server field names the form names differently, see `applyFieldErrors`).
 */
export function useFormSubmit<Values>(
  form: FormInstance<Values>,
  formFields: readonly string[],
  resolver?: FieldResolver,
): FormSubmit<Values> {
  const t = useT();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<FormErrorState | null>(null);
  const fail = (err: unknown) => setError(formErrorFrom(form, err, t, formFields, resolver));

  const submit = async (save: (values: Values) => Promise<void>) => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form marks the fields that are wrong
    }
    setSaving(true);
    setError(null);
    try {
      await save(values);
    } catch (err) {
      fail(err);
    } finally {
      setSaving(false);
    }
  };

  const recover = async (action: () => Promise<void>) => {
    try {
      await action();
      setError(null);
    } catch (err) {
      fail(err);
    }
  };

  const settle = () => {
    const onlyFields = error && !error.conflict && error.details.length === 0 && error.cause instanceof ApiError && Object.keys(error.cause.fields).length > 0;
    if (onlyFields && form.getFieldsError().every((field) => field.errors.length === 0)) setError(null);
  };

  return { saving, error, submit, recover, settle };
}
