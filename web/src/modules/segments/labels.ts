// The segments module's words for the facts and their values, the profiles' measures, and how it
// writes its figures. The server names facts and values by code (`life_stage = 'young_family'`):
// people see the words here, never the codes (but in the rule text itself, which is a formula).
import type { Translate } from '../../app/i18n/i18nContext';
import { isMessageKey, valueLabel } from '../../app/i18n/i18nContext';
import type { BackTo } from '../../shared/ui/RecordPage';
import type { AssumptionValues, FactValue, SegmentFact, ShareCell, ValueAssumptions, ValueCell } from './types';

export const backToModels = (t: Translate): BackTo => ({ path: '/segments', label: t('segment.backToList') });

/** A fact's name: the words of this language for its code, else the server's Chinese label. */
export function factLabel(t: Translate, code: string, fact?: Pick<SegmentFact, 'label'>): string {
  const key = `segmentFact.${code}`;
  if (isMessageKey(key)) return t(key);
  return fact?.label || code;
}

/** A value of a text fact in words (`young_family` → 幼子家庭); the value itself for a free text (a city). */
export const wordLabel = (t: Translate, factCode: string, word: string) => valueLabel(t, `segmentWord.${factCode}`, word);

/** The unit a fact is counted in (岁, 套, 元…), in this language. */
export const unitLabel = (t: Translate, unit: string) => (unit ? valueLabel(t, 'segmentUnit', unit) : '');

/** A preset's name (万科五类客户), or '' for a model made from blank. */
export const presetLabel = (t: Translate, preset: string | null | undefined) => valueLabel(t, 'segmentPreset', preset);

const grouped = (value: number, digits: number) => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: digits }).format(value);

/** A number with at most `digits` decimals and thousands grouped: "20,000", "55.6". */
export const formatNumber = (value: number | null | undefined, digits = 1) => (value === null || value === undefined || Number.isNaN(value) ? '—' : grouped(value, digits));

/** A share as a percentage with one decimal at most: "57.6%"; "—" for none. */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '—';
  return `${Math.round(share * 1000) / 10}%`;
}

/** Yuan as the pages write amounts: ¥9,800 below ten thousand, else "421 万元" ("4.21 million yuan"). */
export function formatYuan(t: Translate, yuan: number): string {
  if (Math.abs(yuan) < 10_000) return `¥${grouped(yuan, 0)}`;
  return t('segment.tenThousandYuan', { value: grouped(yuan / 10_000, yuan >= 1_000_000 ? 0 : 1), full: grouped(yuan, 0) });
}

/** A number with its unit: "76 岁", "118 m²", "421 万元". */
export function formatMeasure(t: Translate, value: number, unit: string, digits = 1): string {
  if (unit === '元') return formatYuan(t, value);
  const word = unitLabel(t, unit);
  return word ? `${grouped(value, digits)} ${word}` : grouped(value, digits);
}

/**
 * A customer's value of a fact in words: 未知 for none, 是 / 否, a number with its unit, a text's word,
 * a list's items (无 when empty).
 */
export function factValueText(t: Translate, code: string, value: FactValue | undefined, fact?: SegmentFact): string {
  if (value === null || value === undefined) return t('segment.unknown');
  if (typeof value === 'boolean') return value ? t('segment.yes') : t('segment.no');
  if (typeof value === 'number') return formatMeasure(t, value, fact?.unit ?? '', 1);
  if (Array.isArray(value)) return value.length ? value.join('、') : t('common.none');
  return wordLabel(t, code, value);
}

/** The values a fact's picker offers: a text's words, yes and no for a yes/no fact; none for numbers and free texts. */
export function factChoices(t: Translate, fact: SegmentFact): { label: string; insert: string }[] {
  if (fact.kind === 'bool') {
    return [
      { label: t('segment.yes'), insert: 'true' },
      { label: t('segment.no'), insert: 'false' },
    ];
  }
  return fact.words.map((word) => ({ label: wordLabel(t, fact.code, word), insert: `'${word}'` }));
}

/** The measures of a profile: how each is written, and which fact's words name a mix's values. */
type MeasureFormat = 'share' | 'count' | 'mix' | { unit: string; digits: number };
const kMeasures: Record<string, { format: MeasureFormat; words?: string }> = {
  average_age: { format: { unit: '岁', digits: 1 } },
  married_share: { format: 'share' },
  average_children: { format: { unit: '人', digits: 2 } },
  income: { format: 'mix', words: 'income_level' },
  cities: { format: 'mix', words: 'city' },
  life_stage: { format: 'mix', words: 'life_stage' },
  owners: { format: 'count' },
  average_units: { format: { unit: '套', digits: 2 } },
  average_value_yuan: { format: { unit: '元', digits: 0 } },
  average_area_m2: { format: { unit: 'm²', digits: 1 } },
  average_tenure_years: { format: { unit: '年', digits: 1 } },
  repurchase_share: { format: 'share' },
  motive: { format: 'mix', words: 'purchase_motive' },
  satisfied_share: { format: 'share' },
};

/** A measure's name (平均年龄, 收入构成…); the key itself for one the server added later. */
export const measureLabel = (t: Translate, key: string) => valueLabel(t, 'segmentProfile', key);

/** A mix's values as words with their share of the segment's customers, largest first. */
export function mixItems(t: Translate, measure: string, mix: Record<string, number>, customers: number): { word: string; share: number; count: number }[] {
  const words = kMeasures[measure]?.words;
  return Object.entries(mix)
    .sort((a, b) => b[1] - a[1])
    .map(([value, count]) => ({ word: words ? wordLabel(t, words, value) : value, share: customers > 0 ? count / customers : 0, count }));
}

/** A profile's number in words: a share, a count of customers, an amount, a measure with its unit. */
export function measureText(t: Translate, measure: string, value: number | null): string {
  if (value === null) return '—';
  const format = kMeasures[measure]?.format;
  if (format === 'share') return formatShare(value);
  if (format === 'count') return t('segment.customersCount', { count: formatNumber(value, 0) });
  if (format && typeof format === 'object') return formatMeasure(t, value, format.unit, format.digits);
  return formatNumber(value, 2);
}

/** Seconds a computation took, from its milliseconds: "0.3", "12". */
export const formatSeconds = (ms: number) => (ms < 10_000 ? String(Math.max(0.1, Math.round(ms / 100) / 10)) : String(Math.round(ms / 1000)));

/** Each segment's colour, by its index (the chart, the bars by city and project); 未归类 (-1) grey. */
const kSegmentColors = ['#3e63dd', '#12a594', '#f76b15', '#8e4ec6', '#d6409f', '#ffb224', '#0090ff', '#46a758', '#e5484d', '#6e56cf', '#ad7f58', '#00a2c7'];
export const kUnplacedColor = '#c4c9d4';
export const segmentColor = (index: number) => (index < 0 ? kUnplacedColor : kSegmentColors[index % kSegmentColors.length]);

/** The count of a segment (`sub` -1: its total; `segment` -1: 未归类) among `cells`, 0 when absent. */
export function cellOf(cells: readonly ShareCell[], segment: number, sub = -1): { customers: number; share: number } {
  const cell = cells.find((c) => c.segment === segment && c.sub === sub);
  return { customers: cell?.customers ?? 0, share: cell?.share ?? 0 };
}

/**
 * A rule as people read it: facts by their names, a text fact's values by their words (in quotes),
 * and/or/not as 且/或/非, `in` 属于, `between 35 and 54` 介于 35 至 54, `is null` 未知 — for showing a
 * saved rule; the editor keeps the rule as written. What it does not know it leaves as it is.
 */
export function ruleInWords(t: Translate, rule: string, facts: readonly SegmentFact[] | undefined): string {
  const byName = new Map<string, SegmentFact>();
  for (const fact of facts ?? []) {
    byName.set(fact.code, fact);
    byName.set(fact.label, fact);
  }
  const tokens = rule.match(/'[^']*'|"[^"]*"|‘[^’]*’|“[^”]*”|[()（），,]|[<>!=]=?|<>|&&|\|\||-?\d+(?:\.\d+)?|[^\s()（），,'"‘“<>!=&|]+/g) ?? [];
  const out: string[] = [];
  let fact: SegmentFact | undefined;
  let inBetween = false;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    const word = token.toLowerCase();
    const next = tokens[i + 1]?.toLowerCase();
    if (/^['"‘“]/.test(token)) {
      const text = token.slice(1, -1);
      out.push(`“${fact && fact.words.includes(text) ? wordLabel(t, fact.code, text) : text}”`);
    } else if (byName.has(token) || byName.has(word)) {
      fact = byName.get(token) ?? byName.get(word);
      out.push(factLabel(t, fact!.code, fact));
    } else if (word === 'and' || word === '&&' || token === '且' || token === '并且') {
      out.push(inBetween ? t('ruleWords.to') : t('ruleWords.and'));
      inBetween = false;
    } else if (word === 'or' || word === '||' || token === '或' || token === '或者') out.push(t('ruleWords.or'));
    else if (word === 'not' || word === '!' || token === '非') out.push(t('ruleWords.not'));
    else if (word === 'in') out.push(t('ruleWords.in'));
    else if (word === 'between') {
      inBetween = true;
      out.push(t('ruleWords.between'));
    } else if (word === 'is' && next === 'null') {
      out.push(t('ruleWords.isNull'));
      i += 1;
    } else if (word === 'is' && next === 'not' && tokens[i + 2]?.toLowerCase() === 'null') {
      out.push(t('ruleWords.isNotNull'));
      i += 2;
    } else if (word === 'contains') out.push(t('ruleWords.contains'));
    else if (word === 'true') out.push(t('ruleWords.true'));
    else if (word === 'false') out.push(t('ruleWords.false'));
    else if (token === '（') out.push('(');
    else if (token === '）') out.push(')');
    else if (token === '，') out.push(',');
    else out.push(token);
  }
  return out.join(' ').replace(/\( /g, '(').replace(/ \)/g, ')').replace(/ ,/g, ',');
}

/** The parts of a household's lifetime value, in the order the card and the chart list them, each with its colour. */
export const kValueParts = [
  { part: 'base', color: '#3e63dd' },
  { part: 'repurchase', color: '#12a594' },
  { part: 'referral', color: '#f76b15' },
  { part: 'saving', color: '#8e4ec6' },
  { part: 'premium', color: '#ffb224' },
  { part: 'acquisition', color: '#e5484d' },
] as const;
export type ValuePart = (typeof kValueParts)[number]['part'];

/** The wire's member of a part (in ValueParts and in each year): `base_cents`… */
export const centsKey = (part: ValuePart) => `${part}_cents` as const;

/** A part's name: 基础利润, 再购买, 推荐价值, 服务成本节约, 溢价, 获客成本. */
export const valuePartLabel = (t: Translate, part: ValuePart) => valueLabel(t, 'valuePart', part);

/** Fen as whole yuan with thousands grouped: "¥682,432", "-¥30,000"; "—" for none. */
export function formatFen(cents: number | null | undefined): string {
  if (cents === null || cents === undefined || Number.isNaN(cents)) return '—';
  const yuan = Math.round(cents / 100);
  return `${yuan < 0 ? '-' : ''}¥${grouped(Math.abs(yuan), 0)}`;
}

/**
 * How an assumption is typed: a share of 1 typed in percent, a count of households a year, money
 * typed in yuan (fen on the wire), whole years, a word. `max` is the server's bound in the typed unit.
 */
export type AssumptionKind = 'percent' | 'perYear' | 'money' | 'years' | 'text';
export interface AssumptionField {
  key: keyof AssumptionValues;
  kind: AssumptionKind;
  max?: number;
}

/** The assumptions by group, in the order the page shows them (the groups' and the fields' words are messages). */
export const kAssumptionGroups: { group: 'basis' | 'repurchase' | 'referral' | 'loyalty' | 'acquisition'; fields: AssumptionField[] }[] = [
  {
    group: 'basis',
    fields: [
      { key: 'margin', kind: 'percent', max: 100 },
      { key: 'discount_rate', kind: 'percent', max: 50 },
      { key: 'horizon_years', kind: 'years', max: 50 },
    ],
  },
  {
    group: 'repurchase',
    fields: [
      { key: 'repurchase_rate', kind: 'percent', max: 100 },
      { key: 'repurchase_rate_intent', kind: 'percent', max: 100 },
      { key: 'repurchase_rate_no', kind: 'percent', max: 100 },
    ],
  },
  {
    group: 'referral',
    fields: [
      { key: 'referral_rate', kind: 'perYear', max: 5 },
      { key: 'referral_rate_promoter', kind: 'perYear', max: 5 },
      { key: 'referral_rate_detractor', kind: 'perYear', max: 5 },
      { key: 'referral_share', kind: 'percent', max: 100 },
      { key: 'referral_reward_cents', kind: 'money', max: 1_000_000_000 },
      { key: 'referred_channel', kind: 'text' },
    ],
  },
  {
    group: 'loyalty',
    fields: [
      { key: 'service_saving_cents', kind: 'money', max: 1_000_000_000 },
      { key: 'price_premium', kind: 'percent', max: 50 },
    ],
  },
  {
    group: 'acquisition',
    fields: [
      { key: 'acquisition_cost_cents', kind: 'money', max: 1_000_000_000 },
      { key: 'acquisition_cost_referred_cents', kind: 'money', max: 1_000_000_000 },
    ],
  },
];
export const kAssumptionFields: AssumptionField[] = kAssumptionGroups.flatMap((group) => group.fields);

/** A wire value as typed: a share in percent (to 0.01), money in yuan, the rest as it is. */
export function typedOf(kind: AssumptionKind, value: number | string): number | string {
  if (typeof value === 'string') return value;
  if (kind === 'percent') return Math.round(value * 10_000) / 100;
  if (kind === 'money') return value / 100;
  return value;
}

/** A typed value for the wire: percent to a share of 1, yuan to integer fen, the rest as it is. */
export function wireOf(kind: AssumptionKind, typed: number | string): number | string {
  if (typeof typed === 'string') return typed.trim();
  if (kind === 'percent') return Math.round(typed * 100) / 10_000;
  if (kind === 'money') return Math.round(typed * 100);
  return typed;
}

/** A wire value in words with its unit: "15%", "0.04 户/年", "¥5,000", "10 年", "老带新". */
export function assumptionText(t: Translate, kind: AssumptionKind, value: number | string): string {
  if (typeof value === 'string') return value;
  if (kind === 'percent') return `${grouped(value * 100, 2)}%`;
  if (kind === 'money') return formatFen(value);
  if (kind === 'perYear') return t('valueAssumption.perYearValue', { value: grouped(value, 3) });
  return t('valueAssumption.yearsValue', { value });
}

/** Whose assumptions hold for a unit: its own, a unit's above it, or the defaults (集团默认). */
export function assumptionsSource(t: Translate, view: Pick<ValueAssumptions, 'org_unit_id' | 'org_unit_name' | 'source_unit_id' | 'source_unit_name'>): string {
  if (view.source_unit_id === null) return t('valueAssumption.fromDefaults');
  if (view.source_unit_id === view.org_unit_id) return t('valueAssumption.fromOwn', { unit: view.org_unit_name });
  return t('valueAssumption.inherited', { unit: view.source_unit_name ?? '' });
}

/** The value of a segment (`sub` -1: its total; `segment` -1: 未归类) among `cells`, null when absent. */
export function valueCellOf(cells: readonly ValueCell[], segment: number, sub = -1): ValueCell | null {
  return cells.find((c) => c.segment === segment && c.sub === sub) ?? null;
}
