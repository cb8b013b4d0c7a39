// Wire types of surveys (满意度调查: questionnaires and their versions, waves of invitations to a
// sample of owners, the results), derived from the server's OpenAPI document
// (src/modules/surveys/openapi.json; see shared/api/wire.ts).
import type { Body, Checked, PageQuery, Schema, Wire } from '../../shared/api/wire';

/** 草稿, 已发布, 已归档. */
export type SurveyStatus = Schema<'Survey'>['status'];
export const kSurveyStatuses = ['draft', 'published', 'archived'] as const satisfies readonly SurveyStatus[];

/** 评分, NPS 推荐值, 单选, 多选, 矩阵, 文本: the order the builder offers them in. */
export type QuestionKind = Schema<'SurveyQuestion'>['kind'];
export const kQuestionKinds = ['rating', 'nps', 'single', 'multi', 'matrix', 'text'] as const satisfies readonly QuestionKind[];

/** The experience chain (客户体验链) the score card is kept over: 销售 … 会员. */
export type ExperienceItem = Schema<'ExperienceItem'>;
export const kExperienceItems = [
  'sales',
  'amenities',
  'environment',
  'design',
  'quality',
  'repairs',
  'property',
  'complaints',
  'club',
] as const satisfies readonly ExperienceItem[];

/** What a question measures for the indices: 总体满意度 (a rating only), 再次购买, 推荐; at most one question each. */
export type Measure = NonNullable<Schema<'SurveyQuestion'>['measures']>;
export const kMeasures = ['satisfaction', 'rebuy', 'recommend'] as const satisfies readonly Measure[];

/** The comparisons of 显示条件: 等于, 不等于, 小于等于, 大于等于, 为其中之一, 已作答. */
export type ShowIfOp = NonNullable<Schema<'SurveyQuestion'>['show_if']>['op'];
export const kShowIfOps = ['eq', 'ne', 'lte', 'gte', 'in', 'answered'] as const satisfies readonly ShowIfOp[];

/** A show_if's value: a number (rating, NPS), an option, or a list of them (in); none for answered. */
export type ShowIfValue = number | string | (number | string)[] | null;
export interface ShowIf {
  key: string;
  op: ShowIfOp;
  value?: ShowIfValue;
}

/** A row of a matrix: its key, its words, the experience item it scores. */
export type MatrixRow = NonNullable<Schema<'SurveyQuestion'>['rows']>[number];

/** A question as the server keeps it (the members a kind does not use are absent). */
export type Question = Omit<Schema<'SurveyQuestion'>, 'show_if'> & { show_if?: ShowIf };

/** 低分回访: a satisfaction answer at or below `at_most` opens a call-back ticket; null for none. */
export type CallbackRule = Schema<'CallbackRule'>;

/** A survey with its draft (`questions` …): `editable` for customer relations of its org unit's scope. */
export type Survey = Wire<'Survey', object, { questions: Question[] }>;
export type SurveyInput = Body<'/surveys', 'post'>;
export type SurveyPatch = Body<'/surveys/{id}', 'patch'>;
export type SurveyQuery = PageQuery<'/surveys'>;

/** A published version: frozen, numbered from 1. */
export type SurveyVersion = Wire<'SurveyVersion', object, { questions: Question[] }>;
/** A ready questionnaire (模板). */
export type SurveyTemplate = Wire<'SurveyTemplate', object, { questions: Question[] }>;

/** Tenure: 准业主 (contract signed, not delivered), 磨合期 (delivered < 1 year), 稳定期 (1–2 years), 老业主 (> 2 years). */
export type Cohort = Schema<'SurveyCohort'>;
export const kCohorts = ['prospective', 'run_in', 'stable', 'old'] as const satisfies readonly Cohort[];

/** How invitations go: 链接 (handed out by staff), 短信, 邮件. */
export type WaveChannel = Schema<'SurveyWave'>['channel'];
export const kWaveChannels = ['link', 'sms', 'email'] as const satisfies readonly WaveChannel[];

/** Why sampling left an owner out: 已退订, 近期已调查, 未授权营销, 无联系方式. */
export const kExclusions = ['opted_out', 'surveyed_recently', 'no_consent', 'no_contact'] as const;

/** A cell of the wave's sampling plan: a project's cohort, its owners, its quota, how many were drawn. */
export interface SamplingCell {
  project_id: number;
  project_name: string;
  cohort: Cohort;
  population: number;
  quota: number;
  sampled: number;
}

/** A cell of the wave's progress: a project's cohort, invited, opened, answered, without contact. */
export interface ProgressCell {
  project_id: number;
  project_name: string;
  cohort: Cohort;
  invited: number;
  answered: number;
  opened: number;
  no_contact: number;
}

/** The invitations by status (queued, sent, no contact, answered), and those opened and reminded. */
export interface WaveCounts {
  queued: number;
  sent: number;
  no_contact: number;
  answered: number;
  opened: number;
  reminded: number;
}

/** A wave (调查轮次): the sample drawn for a published version, its invitations' progress. */
export type SurveyWave = Wire<
  'SurveyWave',
  object,
  { sampling: { excluded: Record<string, number>; plan: SamplingCell[] }; counts: WaveCounts; progress: ProgressCell[] }
>;
export type WaveInput = Body<'/surveys/{id}/waves', 'post'>;

/** An owner's invitation: 待发送, 已发送, 已打开, 已回答, 无联系方式; its link while unanswered (customer relations). */
export type SurveyInvitation = Wire<'SurveyInvitation'>;
export type InvitationState = SurveyInvitation['state'];
export const kInvitationStates = ['queued', 'sent', 'opened', 'answered', 'no_contact'] as const satisfies readonly InvitationState[];
export type InvitationQuery = PageQuery<'/survey-waves/{id}/invitations'>;
/** What 催答 did: reminders queued, owners reminded within 3 days, owners reminded twice already. */
export type RemindRun = { queued: number; too_soon: number; max_reached: number };

/** The results' filters, shared by every figure of the page. */
export interface ResultsFilter {
  wave_id?: number;
  project_id?: number;
  cohort?: Cohort;
}
/** The grouping of the indices: 按项目, 按客户类型, 按公司, and the trend over waves. */
export type ResultsBy = 'project' | 'cohort' | 'company' | 'wave';
export const kGroupings = ['project', 'cohort', 'company'] as const satisfies readonly ResultsBy[];

/** The five indices, each a share (NPS −100…100) with its 95% interval and its counts. */
export type SurveyIndices = Wire<'SurveyIndices'>;
export type IndexKey = 'satisfaction' | 'rebuy' | 'recommend' | 'nps' | 'loyalty';
export const kIndexKeys = ['satisfaction', 'rebuy', 'recommend', 'nps', 'loyalty'] as const satisfies readonly IndexKey[];
/** A group of the results: a project, company or wave (its id) or a cohort, its name, a wave's time. */
export type ResultsGroup = SurveyIndices & { key: number | string; name: string; at?: string };
export type SurveyResults = SurveyIndices & {
  survey_id: number;
  title: string;
  by: string;
  measured_by: Record<string, string | null>;
  groups: ResultsGroup[];
};

/** An item's cell of the score card: its points 0–100, the share satisfied, of how many. */
export interface ScoreCell {
  responses: number;
  points: number;
  satisfied: number | null;
}
/** A row of the score card: a project's cohort. */
export interface ScoreRow {
  project_id: number;
  project_name: string;
  cohort: Cohort;
  cohort_name: string;
  responses: number;
  satisfaction: number | null;
  overall_points: number | null;
  items: Partial<Record<ExperienceItem, ScoreCell>>;
}
export interface SurveyScorecard {
  items: { key: ExperienceItem; name: string }[];
  rows: ScoreRow[];
}

/** Where an item stands: 优势保持, 重点改进, 维持, 次要改进, or too few answers to say. */
export type Quadrant = 'keep_up' | 'improve_first' | 'maintain' | 'improve_later' | 'insufficient_data';
export const kQuadrants = ['improve_first', 'keep_up', 'improve_later', 'maintain'] as const satisfies readonly Quadrant[];
export interface DriverItem {
  item: ExperienceItem;
  name: string;
  responses: number;
  importance: number | null;
  points: number;
  satisfied: number;
  quadrant: Quadrant;
}
export type SurveyDrivers = Checked<Schema<'SurveyDrivers'>, object, { items: DriverItem[] }>;

/** Stated intent against behaviour: of those who said yes and who said no, how many acted. */
export type SurveyIntent = Wire<'SurveyIntent'>;
export interface IntentSide {
  respondents: number;
  acted: number;
  share: number | null;
  ci: number[] | null;
}
export interface IntentCheck {
  behaviour: 'referral' | 'purchase';
  said_yes: IntentSide;
  said_no: IntentSide;
  lift: number | null;
}

/** The files the server writes: CSV (UTF-8 with a BOM) or Excel. */
export type FileFormat = 'csv' | 'xlsx';
