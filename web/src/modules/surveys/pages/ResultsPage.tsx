import { useMemo, useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router-dom';
import { App, Button, Card, Empty, Flex, Grid, Result, Select, Skeleton, Typography } from 'antd';
import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { downloadFile } from '../../../shared/api/transfer';
import { useParamsPatch } from '../../../shared/hooks/useParamsPatch';
import { useProjectNames } from '../../inventory/queries';
import { useResults, useSurveyChoices, useWaves } from '../queries';
import { kCohorts, kGroupings, kIndexKeys, type FileFormat, type IndexKey, type ResultsBy, type ResultsFilter } from '../types';
import { cohortFilterOptions, DriversCard, GroupedView, IndexCards, IntentCard, ScoreCard, TrendCard } from '../components/Results';

const positive = (value: string | null) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/** 导出答卷 as CSV or Excel, the filters applied, saved as the server names the file. */
function ExportButtons({ surveyId, filter }: { surveyId: number; filter: ResultsFilter }) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<FileFormat | null>(null);
  const save = async (format: FileFormat) => {
    setBusy(format);
    try {
      const name = await downloadFile(`/surveys/${surveyId}/responses/export`, { ...filter, format });
      void message.success(t('results.downloaded', { name }));
    } catch (err) {
      void message.error(errorMessage(t, err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Button icon={<DownloadOutlined />} loading={busy === 'csv'} disabled={busy !== null} onClick={() => void save('csv')} data-testid="export-csv">
        {t('results.exportCsv')}
      </Button>
      <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} disabled={busy !== null} onClick={() => void save('xlsx')} data-testid="export-xlsx">
        {t('results.exportXlsx')}
      </Button>
    </>
  );
}

/**
 * /surveys/results/:id — 调查结果 of a survey over the responses in the user's projects: the filters
 * (wave, project, cohort; in the address), the five index cards, the grouped view (by project, cohort
 * or company), the trend over waves, the score card, the driver analysis and intent against
 * behaviour; 导出 the responses. /surveys/results opens the latest published survey.
 */
export default function ResultsPage() {
  const t = useT();
  const { id } = useParams();
  const surveyId = positive(id ?? null);
  const choices = useSurveyChoices();
  if (surveyId === undefined) {
    if (choices.error) return <ErrorAlert error={choices.error} />;
    if (!choices.data) return <Skeleton active />;
    const first = choices.data.find((survey) => survey.published_version > 0);
    if (first) return <Navigate to={`/surveys/results/${first.id}`} replace />;
    return (
      <>
        <PageHeader title={t('results.title')} />
        <Card variant="borderless">
          <Empty description={t('results.noSurvey')}>
            <Link to="/surveys">
              <Button>{t('nav.surveyList')}</Button>
            </Link>
          </Empty>
        </Card>
      </>
    );
  }
  return <ResultsView key={surveyId} surveyId={surveyId} />;
}

function ResultsView({ surveyId }: { surveyId: number }) {
  const t = useT();
  const navigate = useNavigate();
  const narrow = !Grid.useBreakpoint().md;
  const [params, patch] = useParamsPatch();
  const choices = useSurveyChoices();
  const waves = useWaves(surveyId);
  const projects = useProjectNames();
  const waveId = positive(params.get('wave_id'));
  const projectId = positive(params.get('project_id'));
  const cohort = kCohorts.find((value) => value === params.get('cohort'));
  const by: ResultsBy = kGroupings.find((value) => value === params.get('by')) ?? 'project';
  const index: IndexKey = kIndexKeys.find((value) => value === params.get('index')) ?? 'satisfaction';
  const view = params.get('view') === 'table' ? 'table' : 'chart';
  const months = [6, 12, 24].find((value) => value === Number(params.get('months'))) ?? 12;
  const filter: ResultsFilter = useMemo(
    () => ({ ...(waveId ? { wave_id: waveId } : {}), ...(projectId ? { project_id: projectId } : {}), ...(cohort ? { cohort } : {}) }),
    [waveId, projectId, cohort],
  );
  const results = useResults(surveyId, filter);
  const survey = choices.data?.find((item) => item.id === surveyId);
  const title = results.data?.title ?? survey?.title;

  if (results.error && !results.data) {
    return <Result status="warning" title={errorMessage(t, results.error)} extra={<Link to="/surveys">{t('survey.backToList')}</Link>} />;
  }

  const surveyOptions = (choices.data ?? []).filter((item) => item.published_version > 0).map((item) => ({ value: item.id, label: item.title }));
  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('results.title')}
        description={title ? t('results.description', { title }) : undefined}
        onRefresh={() => void results.refetch()}
        extra={<ExportButtons surveyId={surveyId} filter={filter} />}
      />
      <Card variant="borderless" size="small" data-testid="results-filters">
        <Flex gap={12} wrap align="center">
          {surveyOptions.length > 1 && (
            <Select<number>
              value={surveyId}
              options={surveyOptions}
              onChange={(next) => navigate(`/surveys/results/${next}`)}
              style={{ width: narrow ? '100%' : 220 }}
              aria-label={t('results.survey')}
              data-testid="results-survey"
            />
          )}
          <Select<number>
            allowClear
            value={waveId}
            placeholder={t('results.allWaves')}
            options={(waves.data ?? []).map((wave) => ({ value: wave.id, label: wave.name }))}
            onChange={(next) => patch({ wave_id: next ?? null })}
            style={{ width: narrow ? '100%' : 240 }}
            aria-label={t('results.wave')}
            data-testid="results-wave"
          />
          <Select<number>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={projectId}
            placeholder={t('results.allProjects')}
            options={[...projects].map(([value, label]) => ({ value, label }))}
            onChange={(next) => patch({ project_id: next ?? null })}
            style={{ width: narrow ? 'calc(50% - 6px)' : 200 }}
            aria-label={t('results.project')}
            data-testid="results-project"
          />
          <Select
            allowClear
            value={cohort}
            placeholder={t('results.allCohorts')}
            options={cohortFilterOptions(t, kCohorts)}
            onChange={(next) => patch({ cohort: next ?? null })}
            style={{ width: narrow ? 'calc(50% - 6px)' : 140 }}
            aria-label={t('results.cohort')}
            data-testid="results-cohort"
          />
          {results.data && (
            <Typography.Text type="secondary" style={{ marginInlineStart: narrow ? 0 : 'auto' }} data-testid="results-count">
              {t('results.responses', { count: results.data.responses })}
            </Typography.Text>
          )}
        </Flex>
      </Card>

      {!results.data ? (
        <Skeleton active />
      ) : results.data.responses === 0 ? (
        <Card variant="borderless">
          <Empty description={t('results.noResponsesYet')} data-testid="results-empty" />
        </Card>
      ) : (
        <>
          <IndexCards results={results.data} />
          <GroupedView surveyId={surveyId} filter={filter} by={by} index={index} view={view} onChange={(change) => patch(change)} />
          <TrendCard surveyId={surveyId} filter={filter} />
          <ScoreCard surveyId={surveyId} filter={filter} />
          <DriversCard surveyId={surveyId} filter={filter} />
          <IntentCard surveyId={surveyId} filter={filter} months={months} onMonths={(next) => patch({ months: next === 12 ? null : next })} />
        </>
      )}
    </Flex>
  );
}

/** /surveys/:id/results, the address other pages may give: the results page's own (/surveys/results/:id), the filters kept. */
export function ResultsRedirect() {
  const { id } = useParams();
  const [params] = useParamsPatch();
  const query = params.toString();
  return <Navigate to={`/surveys/results/${id ?? ''}${query ? `?${query}` : ''}`} replace />;
}
