import type { FormInstance } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { ApiError } from '../api/client';
import { isMessageKey, type Translate } from '../../app/i18n/i18nContext';

/** A sentence for a person, in the current language, for any failure of an API call. */
export function errorMessage(t: Translate, err: unknown): string {
  if (!(err instanceof ApiError)) return t('error.server', { code: String(err) });
  if (err.status === 0) return t('error.network');
  switch (err.code) {
    case 'version_conflict':
      return t('error.versionConflict');
    case 'duplicate_customer':
      return t('error.duplicateCustomer');
    case 'validation_failed':
      return t('error.validation');
    case 'rate_limited':
      return t('error.rateLimited');
    case 'account_locked':
      return t('error.accountLocked');
    default:
      break;
  }
  switch (err.status) {
    case 400:
      return t('error.badRequest');
    case 401:
      return t('error.unauthenticated');
    case 403:
      return t('error.forbidden');
    case 404:
      return t('error.notFound');
    case 409:
      // A conflict naming fields (e.g. username "taken") is shown on those fields.
      return Object.keys(err.fields).length ? t('error.validation') : t('error.conflict');
    case 422:
      return t('error.validation');
    case 429:
      return t('error.rateLimited');
    default:
      return t('error.server', { code: err.code });
  }
}

/** The translated text of a field reason slug such as "required" or "too_long". */
export function reasonText(t: Translate, reason: string): string {
  const key = `reason.${reason}`;
  return isMessageKey(key) ? t(key) : t('error.field.generic', { reason });
}

/**
 * Where a server field goes in a form. A map renames fields (`{ phone: 'mobile' }`); a function
 * also handles indexed names such as "phones[1]" (answer a name path like `['phones', 1, 'phone']`,
 * or null for "not on this form").
 */
export type FieldResolver = Record<string, string> | ((field: string) => NamePath | null);

function resolveField(resolver: FieldResolver | undefined, field: string): NamePath | null {
  if (typeof resolver === 'function') return resolver(field);
  return resolver?.[field] ?? field;
}

/**
 * Puts the server's per-field reasons (422 `error.fields`, or a 409 naming a field) on the
 * matching form fields (`formFields`: the top-level names the form has). Returns the fields the form
 * does not have, already translated, so the caller can show them elsewhere. `resolver` maps server
 * field names to form field names or paths; reasons landing on the same item are shown together.
 */
export function applyFieldErrors(
  form: FormInstance,
  err: unknown,
  t: Translate,
  formFields: readonly string[],
  resolver?: FieldResolver,
): string[] {
  if (!(err instanceof ApiError)) return [];
  const known = new Set(formFields);
  const unmatched: string[] = [];
  const byPath = new Map<string, { name: NamePath; errors: string[] }>();
  for (const [field, reason] of Object.entries(err.fields)) {
    const name = resolveField(resolver, field);
    const top = Array.isArray(name) ? name[0] : name;
    if (name === null || !known.has(String(top))) {
      unmatched.push(t('error.otherFields', { field, reason: reasonText(t, reason) }));
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byPath.get(key) ?? { name, errors: [] };
    const text = reasonText(t, reason);
    if (!entry.errors.includes(text)) entry.errors.push(text);
    byPath.set(key, entry);
  }
  form.setFields([...byPath.values()]);
  return unmatched;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * Clears the reasons shown on the fields the user just changed (`changedValues` of the form's
 * `onValuesChange`, nested for lists), and on the items holding them: a server reason no longer
 * applies once the value changed. The form's own rules run again right after.
 */
export function clearChangedFieldErrors(form: FormInstance, changedValues: unknown): void {
  const paths: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (path.length) paths.push(path);
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
    else if (isPlainObject(value)) for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(changedValues, []);
  const stale = paths.filter((path) => form.getFieldError(path).length > 0);
  if (stale.length) form.setFields(stale.map((name) => ({ name, errors: [] })));
}

/** What the error banner of a form shows after a failed save. */
export interface FormErrorState {
  message: string;
  details: string[];
  /** Set when the record changed under us (409 version_conflict). */
  conflict?: boolean;
  /** The failure itself, for a form that offers more (e.g. a link to the existing duplicate). */
  cause?: unknown;
}

/** Turns a failed save into field errors on the form plus the banner text for the rest. */
export function formErrorFrom(
  form: FormInstance,
  err: unknown,
  t: Translate,
  formFields: readonly string[],
  resolver?: FieldResolver,
): FormErrorState {
  const details = applyFieldErrors(form, err, t, formFields, resolver);
  const conflict = err instanceof ApiError && err.code === 'version_conflict';
  return { message: errorMessage(t, err), details, conflict, cause: err };
}
