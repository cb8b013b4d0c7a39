// How import fields, reasons and failures read for a person (the server sends API names and slugs).
import type { Translate } from '../../app/i18n/i18nContext';
import { isMessageKey } from '../../app/i18n/i18nContext';
import { ApiError } from '../../shared/api/client';
import { errorMessage, reasonText } from '../../shared/ui/apiErrors';
import { idTypeLabel, incomeLabel, maritalLabel } from './labels';
import { kIdTypes, kIncomeLevels, kMaritalStatuses } from './types';

/**
 * The columns of the import template, in order: the API field and the Chinese header the server
 * reads for it (FieldOfHeader in src/modules/customers/customer_import.cpp), with an example value.
 */
export const kImportColumns = [
  { field: 'name', header: '姓名', example: '张伟' },
  { field: 'phone', header: '手机号', example: '13800138000' },
  { field: 'id_type', header: '证件类型', example: '身份证' },
  { field: 'id_number', header: '证件号码', example: '110105199003071239' },
  { field: 'gender', header: '性别', example: '男' },
  { field: 'birth_date', header: '出生日期', example: '1990-03-07' },
  { field: 'marital_status', header: '婚姻状况', example: '已婚' },
  { field: 'children_birth_years', header: '子女出生年份', example: '2016;2019' },
  { field: 'elders', header: '同住老人', example: '1' },
  { field: 'income_level', header: '收入水平', example: '中等' },
  { field: 'email', header: '邮箱', example: 'zhang.wei@example.com' },
  { field: 'address', header: '地址', example: '北京市朝阳区建国路 88 号' },
  { field: 'city', header: '城市', example: '北京' },
  { field: 'occupation', header: '职业', example: '教师' },
  { field: 'source_channel', header: '来源渠道', example: '自然到访' },
  { field: 'tags', header: '标签', example: '意向客户;首置' },
  { field: 'consent_marketing', header: '营销同意', example: '是' },
] as const;

/** The label of a column by its API field name (in the current language); the name itself when unknown. */
export function importColumnLabel(t: Translate, field: string): string {
  const key = `import.column.${field}`;
  return isMessageKey(key) ? t(key) : field;
}

/** The label of an error's field: "phone", "children_birth_years[1]" (second item), "" (the whole row). */
export function importFieldLabel(t: Translate, field: string): string {
  if (!field) return t('import.field.row');
  const indexed = /^(\w+)\[(\d+)\]$/.exec(field);
  if (indexed) {
    const base = indexed[1] === 'phones' ? 'phone' : indexed[1];
    return t('import.field.indexed', { field: importColumnLabel(t, base), index: Number(indexed[2]) + 1 });
  }
  if (field === 'phones') return importColumnLabel(t, 'phone');
  return importColumnLabel(t, field);
}

/** "married（已婚）、single（未婚）": values as written in the file, each with its meaning. */
function valueList(t: Translate, values: readonly string[], label: (t: Translate, value: string) => string): string {
  return values.map((value) => t('import.hint.valueWithLabel', { value, label: label(t, value) })).join(t('import.hint.separator'));
}

/** What a column accepts, for the fill-in guide and next to a row's error. */
export function importColumnHint(t: Translate, field: string): string {
  switch (field) {
    case 'id_type':
      return t('import.hint.id_type', { values: valueList(t, kIdTypes, idTypeLabel) });
    case 'marital_status':
      return t('import.hint.values', { values: valueList(t, kMaritalStatuses, maritalLabel) });
    case 'income_level':
      return t('import.hint.values', { values: valueList(t, kIncomeLevels, incomeLabel) });
    case 'address':
    case 'city':
    case 'occupation':
    case 'source_channel':
      return t('import.hint.text');
    default: {
      const key = `import.hint.${field}`;
      return isMessageKey(key) ? t(key) : '';
    }
  }
}

/** The base field of an error's field name ("children_birth_years[1]" → "children_birth_years"). */
export function baseField(field: string): string {
  const base = field.replace(/\[\d+\]$/, '');
  return base === 'phones' ? 'phone' : base;
}

/** The reason of a row error, in words; some reasons are said more plainly for a file. */
export function importReasonText(t: Translate, reason: string): string {
  const key = `import.reason.${reason}`;
  return isMessageKey(key) ? t(key) : reasonText(t, reason);
}

/** Whether the column's accepted values help to fix this reason (a wrong value rather than a missing one). */
export function reasonNeedsHint(reason: string): boolean {
  return reason.startsWith('invalid') || reason.startsWith('must_be') || reason === 'out_of_range' || reason === 'in_future';
}

/** A count with thousands separators: 200,000. */
export const formatCount = (value: number) => value.toLocaleString('zh-CN');

/** A file size as a person reads it: 824 B, 12.5 KB, 18.8 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** Why a whole import request failed (not one row): too large, wrong format, no permission… */
export function importFailureText(t: Translate, err: unknown): string {
  if (!(err instanceof ApiError)) return errorMessage(t, err);
  if (err.status === 0) return t('import.error.network');
  if (err.status === 413 || err.code === 'payload_too_large') {
    const limit = /(\d+)\s*bytes/.exec(err.message);
    return limit ? t('import.error.tooLargeLimit', { limit: formatBytes(Number(limit[1])) }) : t('import.error.tooLarge');
  }
  if (err.status === 403) return t('import.error.forbidden');
  const file = err.fields.file;
  if (file) {
    if (file.startsWith('unknown_column:')) return t('import.error.unknownColumn', { column: file.slice('unknown_column:'.length) });
    switch (file) {
      case 'unsupported_format':
        return t('import.error.unsupportedFormat');
      case 'no_name_column':
        return t('import.error.noNameColumn');
      case 'not_utf8_or_gb18030':
        return t('import.error.encoding');
      default:
        return t('import.error.file', { reason: importReasonText(t, file) });
    }
  }
  if (err.fields.org_unit_id) return t('import.error.orgUnit');
  if (err.status === 415) return t('import.error.unsupportedFormat');
  return errorMessage(t, err);
}
