import type { Translate } from '../../app/i18n/i18nContext';
import { valueLabel } from '../../app/i18n/i18nContext';
import { kGenders, kIdTypes, kIncomeLevels, kMaritalStatuses, kPhoneLabels, kTimelineKinds } from './types';

export const idTypeLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'idType', value);
export const idTypeShortLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'idTypeShort', value);
export const genderLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'gender', value);
export const maritalLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'marital', value);
export const incomeLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'income', value);
export const phoneLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'phoneLabel', value);
export const timelineKindLabel = (t: Translate, value: string) => valueLabel(t, 'timelineKind', value);

export const idTypeOptions = (t: Translate) => kIdTypes.map((value) => ({ value, label: idTypeLabel(t, value) }));
export const genderOptions = (t: Translate) => kGenders.map((value) => ({ value, label: genderLabel(t, value) }));
export const maritalOptions = (t: Translate) => kMaritalStatuses.map((value) => ({ value, label: maritalLabel(t, value) }));
export const incomeOptions = (t: Translate) => kIncomeLevels.map((value) => ({ value, label: incomeLabel(t, value) }));
export const phoneLabelOptions = (t: Translate) => kPhoneLabels.map((value) => ({ value, label: phoneLabel(t, value) }));
export const timelineKindOptions = (t: Translate) =>
  kTimelineKinds.map((value) => ({ value, label: timelineKindLabel(t, value) }));

export const kGenderColors: Record<string, string> = { male: '#3b6fd8', female: '#d9577f', unknown: '#9aa3b2' };

/** Colour of a timeline dot and tag, by kind. */
export const kTimelineColors: Record<string, string> = {
  profile: '#1f4fd1',
  visit: '#13a8a8',
  call: '#2f54eb',
  purchase: '#d48806',
  delivery: '#389e0d',
  journey: '#0958d9',
  ticket: '#cf1322',
  survey: '#722ed1',
  club: '#08979c',
  merge: '#531dab',
};

/** Everyday source channels of a developer's sales office; any other may be typed. */
export const kSourceChannelSuggestions = ['自然到访', '老带新', '中介', '展会', '线上广告', '电话营销', '社群活动', '官网', '其他'];

/** Frequent tags, offered when tagging; any other may be typed. */
export const kTagSuggestions = ['意向客户', '高意向', '已成交', '业主', 'VIP', '老业主', '投资客', '首置', '改善'];

/** Age in whole years this year of someone born in `year` (children's ages are told by year only). */
export function ageFromYear(year: number, now = new Date()): number {
  return Math.max(0, now.getFullYear() - year);
}

/** Age in whole years on `now` of someone born on `date` (YYYY-MM-DD); null when unknown. */
export function ageFromDate(date: string | null, now = new Date()): number | null {
  if (!date) return null;
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return null;
  let age = now.getFullYear() - y;
  if (now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d)) age -= 1;
  return age >= 0 ? age : null;
}
