// The surveys module's reads (TanStack Query) and what a change here makes stale.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { surveysApi } from './api';
import type { InvitationQuery, ResultsBy, ResultsFilter, Survey, SurveyQuery, SurveyWave } from './types';

export const surveyKeys = {
  all: ['surveys'] as const,
  list: (query: SurveyQuery) => ['surveys', 'list', query] as const,
  detail: (id: number) => ['surveys', id] as const,
  versions: (id: number) => ['surveys', id, 'versions'] as const,
  waves: (id: number) => ['surveys', id, 'waves'] as const,
  /** Every figure of a survey's results (invalidated together when answers may have come). */
  results: (id: number) => ['surveys', id, 'results'] as const,
  indices: (id: number, filter: ResultsFilter, by: ResultsBy | undefined) => ['surveys', id, 'results', 'indices', filter, by ?? ''] as const,
  scorecard: (id: number, filter: ResultsFilter) => ['surveys', id, 'results', 'scorecard', filter] as const,
  drivers: (id: number, filter: ResultsFilter) => ['surveys', id, 'results', 'drivers', filter] as const,
  intent: (id: number, filter: ResultsFilter, months: number) => ['surveys', id, 'results', 'intent', filter, months] as const,
  templates: ['survey-templates'] as const,
};

export const waveKeys = {
  detail: (id: number) => ['survey-waves', id] as const,
  invitations: (id: number, query: InvitationQuery) => ['survey-waves', id, 'invitations', query] as const,
};

export function useSurvey(id: number) {
  return useQuery({ queryKey: surveyKeys.detail(id), queryFn: ({ signal }) => surveysApi.get(id, signal) });
}

/** Every survey in scope (the first 500: a handful in practice), for the results' chooser. */
export function useSurveyChoices() {
  const query: SurveyQuery = { limit: 500 };
  return useQuery({ queryKey: surveyKeys.list(query), queryFn: async ({ signal }) => (await surveysApi.list(query, signal)).items });
}

export function useVersions(id: number, enabled = true) {
  return useQuery({ queryKey: surveyKeys.versions(id), queryFn: ({ signal }) => surveysApi.versions(id, signal), enabled });
}

export function useTemplates(enabled: boolean) {
  return useQuery({ queryKey: surveyKeys.templates, queryFn: ({ signal }) => surveysApi.templates(signal), enabled, staleTime: 300_000 });
}

export function useWaves(surveyId: number) {
  return useQuery({ queryKey: surveyKeys.waves(surveyId), queryFn: ({ signal }) => surveysApi.waves(surveyId, signal) });
}

export function useWave(id: number) {
  return useQuery({ queryKey: waveKeys.detail(id), queryFn: ({ signal }) => surveysApi.wave(id, signal) });
}

export function useResults(id: number | undefined, filter: ResultsFilter, by?: ResultsBy) {
  return useQuery({
    queryKey: surveyKeys.indices(id ?? 0, filter, by),
    queryFn: ({ signal }) => surveysApi.results(id!, filter, by, signal),
    enabled: id !== undefined,
    staleTime: 60_000,
  });
}

export function useScorecard(id: number | undefined, filter: ResultsFilter) {
  return useQuery({
    queryKey: surveyKeys.scorecard(id ?? 0, filter),
    queryFn: ({ signal }) => surveysApi.scorecard(id!, filter, signal),
    enabled: id !== undefined,
    staleTime: 60_000,
  });
}

export function useDrivers(id: number | undefined, filter: ResultsFilter) {
  return useQuery({
    queryKey: surveyKeys.drivers(id ?? 0, filter),
    queryFn: ({ signal }) => surveysApi.drivers(id!, filter, signal),
    enabled: id !== undefined,
    staleTime: 60_000,
  });
}

export function useIntent(id: number | undefined, filter: ResultsFilter, months: number) {
  return useQuery({
    queryKey: surveyKeys.intent(id ?? 0, filter, months),
    queryFn: ({ signal }) => surveysApi.intent(id!, filter, months, signal),
    enabled: id !== undefined,
    staleTime: 60_000,
  });
}

/** After a survey was saved, published or archived here: put in place; the lists and its versions read again. */
export function surveyChanged(queryClient: QueryClient, survey: Survey): void {
  queryClient.setQueryData(surveyKeys.detail(survey.id), survey);
  void queryClient.invalidateQueries({ queryKey: ['surveys', 'list'] });
  void queryClient.invalidateQueries({ queryKey: surveyKeys.versions(survey.id) });
}

/** After a wave was started, reminded or closed here: the wave, its invitations and the survey's waves read again. */
export function waveChanged(queryClient: QueryClient, wave: SurveyWave): void {
  queryClient.setQueryData(waveKeys.detail(wave.id), wave);
  void queryClient.invalidateQueries({ queryKey: ['survey-waves', wave.id] });
  void queryClient.invalidateQueries({ queryKey: surveyKeys.waves(wave.survey_id) });
}
