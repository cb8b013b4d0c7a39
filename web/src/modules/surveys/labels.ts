// The surveys module's words for its vocabularies, and how it writes its figures.
import type { Translate } from '../../app/i18n/i18nContext';
import { valueLabel } from '../../app/i18n/i18nContext';
import type { BackTo } from '../../shared/ui/RecordPage';
import {
  kCohorts,
  kExperienceItems,
  kQuestionKinds,
  kWaveChannels,
  type InvitationState,
  type Quadrant,
  type Survey,
  type SurveyStatus,
} from './types';

export const surveyStatusLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'surveyStatus', value);
/** 草稿 gold, 已发布 green, 已归档 grey. */
export const kSurveyStatusColors: Record<SurveyStatus, string> = { draft: 'gold', published: 'green', archived: 'default' };
/** "已发布 v2" of a published survey, else its status. */
export const surveyStatusText = (t: Translate, survey: Pick<Survey, 'status' | 'published_version'>) =>
  survey.status === 'published' ? t('survey.publishedVersion', { version: survey.published_version }) : surveyStatusLabel(t, survey.status);

export const questionKindLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'questionKind', value);
export const questionKindOptions = (t: Translate) => kQuestionKinds.map((value) => ({ value, label: questionKindLabel(t, value) }));

export const itemLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'experienceItem', value);
export const itemOptions = (t: Translate) => kExperienceItems.map((value) => ({ value, label: itemLabel(t, value) }));

export const measureLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'measure', value);
export const opLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'showIfOp', value);

export const cohortLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'cohort', value);
/** What a cohort is, for its tooltip: 合同已签、尚未交付 … */
export const cohortHint = (t: Translate, value: string) => valueLabel(t, 'cohortHint', value);
export const cohortOptions = (t: Translate) => kCohorts.map((value) => ({ value, label: cohortLabel(t, value) }));

export const channelLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'waveChannel', value);
export const channelOptions = (t: Translate) => kWaveChannels.map((value) => ({ value, label: channelLabel(t, value) }));
export const waveStatusLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'waveStatus', value);
export const kWaveStatusColors: Record<string, string> = { open: 'processing', closed: 'default' };

export const invitationStateLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'invitationState', value);
/** 待发送 grey, 已发送 blue, 已打开 gold, 已回答 green, 无联系方式 red. */
export const kInvitationStateColors: Record<InvitationState, string> = { queued: 'default', sent: 'blue', opened: 'gold', answered: 'green', no_contact: 'red' };
export const exclusionLabel = (t: Translate, value: string) => valueLabel(t, 'exclusion', value);

export const quadrantLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'quadrant', value);
export const quadrantHint = (t: Translate, value: string) => valueLabel(t, 'quadrantHint', value);
/** 重点改进 red, 优势保持 green, 次要改进 gold, 维持 blue. */
export const kQuadrantColors: Record<Quadrant, string> = {
  improve_first: '#e5484d',
  keep_up: '#30a46c',
  improve_later: '#f5a524',
  maintain: '#3e63dd',
  insufficient_data: '#8c94a3',
};

export const backToSurveys = (t: Translate): BackTo => ({ path: '/surveys', label: t('survey.backToList') });

/** A share as a percentage with one decimal at most: "57.6%"; "—" for none. */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '—';
  const percent = Math.round(share * 1000) / 10;
  return `${percent}%`;
}

/** An NPS: "+23.5", "−15.2", "0"; "—" for none. */
export function formatNps(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0) return '0';
  return rounded > 0 ? `+${rounded}` : `−${Math.abs(rounded)}`;
}

/** Points 0–100 with one decimal at most. */
export const formatPoints = (value: number | null | undefined) => (value === null || value === undefined ? '—' : String(Math.round(value * 10) / 10));

/** A 95% interval of a share ("49.8%–64.0%") or of an NPS ("−66.7 – −31.5"). */
export function formatInterval(ci: readonly number[] | null | undefined, nps = false): string {
  if (!ci || ci.length !== 2) return '—';
  return nps ? `${formatNps(ci[0])} – ${formatNps(ci[1])}` : `${formatShare(ci[0])}–${formatShare(ci[1])}`;
}

/** A cell of the score card coloured by its points: red below 60, through amber, to green from 85. */
export function pointsColor(points: number): { background: string; color: string } {
  const stops = [
    { at: 50, rgb: [229, 72, 77] },
    { at: 65, rgb: [245, 165, 36] },
    { at: 75, rgb: [234, 218, 120] },
    { at: 85, rgb: [48, 164, 108] },
  ];
  const p = Math.max(stops[0].at, Math.min(stops[stops.length - 1].at, points));
  let i = 0;
  while (i < stops.length - 2 && p > stops[i + 1].at) i++;
  const a = stops[i];
  const b = stops[i + 1];
  const f = (p - a.at) / (b.at - a.at);
  const rgb = a.rgb.map((c, k) => Math.round(c + (b.rgb[k] - c) * f));
  // A light tint of the colour for the cell, the text dark enough to read on it.
  const tint = rgb.map((c) => Math.round(255 - (255 - c) * 0.32));
  return { background: `rgb(${tint.join(',')})`, color: '#1f2329' };
}

/** The response rate of a wave or a cell: answered of invited, null before anyone was invited. */
export const responseRate = (answered: number, invited: number) => (invited > 0 ? answered / invited : null);
