// Typed calls to surveys (src/modules/surveys/openapi.json), made with the client generated from
// the OpenAPI document (shared/api/openapi.ts): a call the document does not have fails tsc.
import { answer, openapi } from '../../shared/api/openapi';
import type {
  InvitationQuery,
  RemindRun,
  ResultsBy,
  ResultsFilter,
  Survey,
  SurveyDrivers,
  SurveyInput,
  SurveyIntent,
  SurveyInvitation,
  SurveyPatch,
  SurveyQuery,
  SurveyResults,
  SurveyScorecard,
  SurveyTemplate,
  SurveyVersion,
  SurveyWave,
  WaveInput,
} from './types';

const page = <Q extends { cursor?: string | null }>(query: Q) => ({ ...query, cursor: query.cursor ?? undefined });
/** The `If-Match` header of a change based on `version` (a stale one answers 409 version_conflict). */
const ifMatch = (version: number) => ({ 'If-Match': String(version) });

// The document types a question's show_if value, the results' groups and the score card's cells
// loosely (an unknown, optional members); these casts name what the server sends.
const asSurvey = (survey: unknown) => survey as Survey;

export const surveysApi = {
  /** The surveys of the caller's subtree and of the org units above it, newest first. */
  list: async (query: SurveyQuery, signal?: AbortSignal) => {
    const answered = await answer(openapi.GET('/api/v1/surveys', { params: { query: page(query) }, signal }));
    return { ...answered, items: answered.items as Survey[] };
  },
  get: async (id: number, signal?: AbortSignal) => asSurvey(await answer(openapi.GET('/api/v1/surveys/{id}', { params: { path: { id } }, signal }))),
  /** A draft (customer relations); 422 names each question's fault by its path ("questions[2].options"). */
  create: async (body: SurveyInput) => asSurvey(await answer(openapi.POST('/api/v1/surveys', { body }))),
  /** Changes the draft; 409 version_conflict when someone saved since `version`; 422 as `create`. */
  update: async (id: number, version: number, body: SurveyPatch) =>
    asSurvey(await answer(openapi.PATCH('/api/v1/surveys/{id}', { params: { path: { id }, header: ifMatch(version) }, body }))),
  /** Freezes the draft as the next version: 409 unchanged when it is the latest version already; 422 as `create`. */
  publish: async (id: number) => asSurvey(await answer(openapi.POST('/api/v1/surveys/{id}/publish', { params: { path: { id } } }))),
  /** No more waves; the results stay. 409 invalid_transition when archived already. */
  archive: async (id: number) => asSurvey(await answer(openapi.POST('/api/v1/surveys/{id}/archive', { params: { path: { id } } }))),
  /** The published versions, latest first. */
  versions: async (id: number, signal?: AbortSignal) =>
    (await answer(openapi.GET('/api/v1/surveys/{id}/versions', { params: { path: { id } }, signal }))).items as SurveyVersion[],
  /** The ready questionnaires. */
  templates: async (signal?: AbortSignal) => (await answer(openapi.GET('/api/v1/survey-templates', { signal }))).items as SurveyTemplate[],

  /** The survey's waves, newest first, with their progress. */
  waves: async (surveyId: number, signal?: AbortSignal) =>
    (await answer(openapi.GET('/api/v1/surveys/{id}/waves', { params: { path: { id: surveyId } }, signal }))).items as SurveyWave[],
  /**
   * 发起调查: samples the owners and invites each; 409 not_published before the first version,
   * invalid_transition for an archived survey; 422 project_ids[i] not_found, closes_on in_the_past…
   */
  createWave: async (surveyId: number, body: WaveInput) =>
    (await answer(openapi.POST('/api/v1/surveys/{id}/waves', { params: { path: { id: surveyId } }, body }))) as SurveyWave,
  wave: async (id: number, signal?: AbortSignal) => (await answer(openapi.GET('/api/v1/survey-waves/{id}', { params: { path: { id } }, signal }))) as SurveyWave,
  /** The wave's invitations in the caller's projects; `url` for customer relations while unanswered. */
  invitations: async (waveId: number, query: InvitationQuery, signal?: AbortSignal) => {
    const answered = await answer(openapi.GET('/api/v1/survey-waves/{id}/invitations', { params: { path: { id: waveId }, query: page(query) }, signal }));
    return { ...answered, items: answered.items as SurveyInvitation[] };
  },
  /** 催答: 409 survey_closed after the wave, no_channel for a wave of links. */
  remind: async (waveId: number) => (await answer(openapi.POST('/api/v1/survey-waves/{id}/remind', { params: { path: { id: waveId } } }))) as RemindRun,
  /** 结束调查: 409 invalid_transition when closed already. */
  close: async (waveId: number) => (await answer(openapi.POST('/api/v1/survey-waves/{id}/close', { params: { path: { id: waveId } } }))) as SurveyWave,

  /** The indices over the responses in scope, with their 95% intervals; grouped `by` when asked. */
  results: async (surveyId: number, filter: ResultsFilter, by: ResultsBy | undefined, signal?: AbortSignal) =>
    (await answer(
      openapi.GET('/api/v1/surveys/{id}/results', { params: { path: { id: surveyId }, query: { ...filter, ...(by ? { by } : {}) } }, signal }),
    )) as unknown as SurveyResults,
  /** 得分卡: per project and cohort, each experience item's points 0–100. */
  scorecard: async (surveyId: number, filter: ResultsFilter, signal?: AbortSignal) =>
    (await answer(openapi.GET('/api/v1/surveys/{id}/scorecard', { params: { path: { id: surveyId }, query: filter }, signal }))) as SurveyScorecard,
  /** Driver analysis: each item's importance against its points, and its quadrant. */
  drivers: async (surveyId: number, filter: ResultsFilter, signal?: AbortSignal) =>
    (await answer(openapi.GET('/api/v1/surveys/{id}/drivers', { params: { path: { id: surveyId }, query: filter }, signal }))) as SurveyDrivers,
  /** Stated intent against what the owners did within `months` of answering. */
  intent: (surveyId: number, filter: ResultsFilter, months: number, signal?: AbortSignal): Promise<SurveyIntent> =>
    answer(openapi.GET('/api/v1/surveys/{id}/intent', { params: { path: { id: surveyId }, query: { ...filter, months } }, signal })),
};
