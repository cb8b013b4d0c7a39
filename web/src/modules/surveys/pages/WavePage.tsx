import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { App, Breadcrumb, Button, Card, Dropdown, Flex, Grid, Tooltip, Typography, type TableColumnsType } from 'antd';
import { BarChartOutlined, BellOutlined, DownloadOutlined, StopOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import type { Translate } from '../../../app/i18n/i18nContext';
import { useAuth } from '../../../app/auth/useAuth';
import { BackLink, RecordFallback, recordPage, type BackTo } from '../../../shared/ui/RecordPage';
import { Fact, FactGrid } from '../../../shared/ui/Fact';
import { StackedTable } from '../../../shared/ui/StackedTable';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { downloadFile } from '../../../shared/api/transfer';
import { ApiError } from '../../../shared/api/client';
import { surveysApi } from '../api';
import { useWave, waveChanged } from '../queries';
import { surveysAccess } from '../access';
import { channelLabel, cohortHint, cohortLabel, exclusionLabel, formatShare, responseRate } from '../labels';
import { kCohorts, kExclusions, type Cohort, type FileFormat, type RemindRun, type SurveyWave } from '../types';
import { WaveStatusTag } from '../components/Tags';
import { RateBar } from '../components/WaveList';
import { Invitations } from '../components/Invitations';

const backToWaves = (t: Translate, wave?: SurveyWave): BackTo =>
  wave ? { path: `/surveys/${wave.survey_id}?tab=waves`, label: t('wave.backToSurvey', { title: wave.survey_title }) } : { path: '/surveys', label: t('survey.backToList') };

/** What 催答 did, in words: "已安排 12 位业主的提醒，3 位 3 天内已提醒过，1 位已达上限". */
export function remindText(t: Translate, run: RemindRun): string {
  let text = t('wave.remindQueued', { count: run.queued });
  if (run.too_soon > 0) text += t('wave.remindTooSoon', { count: run.too_soon });
  if (run.max_reached > 0) text += t('wave.remindMax', { count: run.max_reached });
  return text;
}

/** A refusal of 催答 or 结束调查 in words. */
function waveActionError(t: Translate, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'survey_closed') return t('wave.closedAlready');
    if (err.code === 'no_channel') return t('wave.noChannel');
    if (err.code === 'invalid_transition') return t('wave.closedAlready');
  }
  return errorMessage(t, err);
}

/** A project's cohort of the wave: its owners, the quota, those drawn, opened and answered. */
interface Cell {
  key: string;
  project_id: number;
  project_name: string;
  cohort: Cohort;
  population: number;
  quota: number;
  invited: number;
  opened: number;
  answered: number;
  no_contact: number;
}

/** The sampling plan and the progress put together, by project and cohort; cells without owners left out. */
function cellsOf(wave: SurveyWave): { cells: Cell[]; empty: number } {
  const byKey = new Map<string, Cell>();
  const cell = (project_id: number, project_name: string, cohort: Cohort) => {
    const key = `${project_id}:${cohort}`;
    let found = byKey.get(key);
    if (!found) {
      found = { key, project_id, project_name, cohort, population: 0, quota: 0, invited: 0, opened: 0, answered: 0, no_contact: 0 };
      byKey.set(key, found);
    }
    if (!found.project_name) found.project_name = project_name;
    return found;
  };
  for (const plan of wave.sampling.plan) Object.assign(cell(plan.project_id, plan.project_name, plan.cohort), { population: plan.population, quota: plan.quota });
  for (const progress of wave.progress) {
    Object.assign(cell(progress.project_id, progress.project_name, progress.cohort), {
      invited: progress.invited,
      opened: progress.opened,
      answered: progress.answered,
      no_contact: progress.no_contact,
    });
  }
  const all = [...byKey.values()];
  const cells = all.filter((c) => c.population > 0 || c.invited > 0).sort((a, b) => a.project_name.localeCompare(b.project_name, 'zh-CN') || kCohorts.indexOf(a.cohort) - kCohorts.indexOf(b.cohort));
  return { cells, empty: all.length - cells.length };
}

/** A figure of the wave's head: a number, its label, a line under it. */
function Figure({ label, value, note, testId }: { label: string; value: string | number; note?: string; testId: string }) {
  return (
    <div data-testid={testId} style={{ minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {label}
      </Typography.Text>
      <Typography.Text strong style={{ fontSize: 22, lineHeight: 1.3 }} data-value={value}>
        {value}
      </Typography.Text>
      {note && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
          {note}
        </Typography.Text>
      )}
    </div>
  );
}

/**
 * A wave (调查轮次): its facts, the figures (owners eligible, invited, opened, answered, the response
 * rate), who sampling left out and why, the progress by project and cohort, and the invitations;
 * 催答, 下载链接 and 结束调查 for customer relations, 查看结果 for everyone.
 */
function WaveView({ id }: { id: number }) {
  const t = useT();
  const { me } = useAuth();
  const access = surveysAccess(me);
  const narrow = !Grid.useBreakpoint().md;
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const query = useWave(id);
  const wave = query.data;
  const [busy, setBusy] = useState<'remind' | FileFormat | null>(null);
  const { cells, empty } = useMemo(() => (wave ? cellsOf(wave) : { cells: [], empty: 0 }), [wave]);

  if (!wave) {
    return (
      <RecordFallback
        error={query.error}
        onRetry={() => void query.refetch()}
        notFound={{ title: t('wave.notFoundTitle'), subtitle: t('wave.notFoundSubtitle') }}
        back={backToWaves(t)}
      />
    );
  }
  const open = wave.status === 'open';

  const remind = async () => {
    setBusy('remind');
    try {
      const run = await surveysApi.remind(wave.id);
      void message.success(remindText(t, run));
      void query.refetch();
      void queryClient.invalidateQueries({ queryKey: ['survey-waves', wave.id, 'invitations'] });
    } catch (err) {
      void message.error(waveActionError(t, err));
    } finally {
      setBusy(null);
    }
  };
  const close = () =>
    modal.confirm({
      title: t('wave.closeTitle', { name: wave.name }),
      content: t('wave.closeContent', { answered: wave.counts.answered, invited: wave.invited }),
      okText: t('wave.close'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          waveChanged(queryClient, await surveysApi.close(wave.id));
          void message.success(t('wave.closed'));
        } catch (err) {
          void message.error(waveActionError(t, err));
        }
      },
    });
  const download = async (format: FileFormat) => {
    setBusy(format);
    try {
      const name = await downloadFile(`/survey-waves/${wave.id}/links`, { format });
      void message.success(t('wave.downloaded', { name }));
    } catch (err) {
      void message.error(errorMessage(t, err));
    } finally {
      setBusy(null);
    }
  };

  const excluded = kExclusions.map((reason) => ({ reason, count: wave.sampling.excluded[reason] ?? 0 })).filter((entry) => entry.count > 0);
  const cellColumns: TableColumnsType<Cell> = [
    { title: t('wave.project'), dataIndex: 'project_name', key: 'project' },
    {
      title: t('wave.cohort'),
      key: 'cohort',
      render: (_, cell) => (
        <Tooltip title={cohortHint(t, cell.cohort)}>
          <span>{cohortLabel(t, cell.cohort)}</span>
        </Tooltip>
      ),
    },
    { title: t('wave.population'), dataIndex: 'population', key: 'population', align: 'right' },
    { title: t('wave.quota'), dataIndex: 'quota', key: 'quota', align: 'right' },
    { title: t('wave.invited'), dataIndex: 'invited', key: 'invited', align: 'right' },
    { title: t('wave.opened'), dataIndex: 'opened', key: 'opened', align: 'right' },
    { title: t('wave.answered'), dataIndex: 'answered', key: 'answered', align: 'right' },
    { title: t('wave.rate'), key: 'rate', width: 170, render: (_, cell) => <RateBar answered={cell.answered} invited={cell.invited} testId={`cell-rate-${cell.key}`} /> },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={16} wrap>
        <BackLink back={backToWaves(t, wave)} testId="back-to-survey" />
        {!narrow && (
          <Breadcrumb
            items={[
              { key: 'surveys', title: <Link to="/surveys">{t('nav.surveyList')}</Link> },
              { key: 'survey', title: <Link to={`/surveys/${wave.survey_id}?tab=waves`}>{wave.survey_title}</Link> },
              { key: 'wave', title: wave.name },
            ]}
          />
        )}
      </Flex>

      <Card variant="borderless" data-testid="wave-header">
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="wave-title">
            {wave.name}
          </Typography.Title>
          <WaveStatusTag status={wave.status} testId="wave-status" />
          <Flex gap={8} wrap style={{ marginInlineStart: 'auto' }}>
            <Link to={`/surveys/results/${wave.survey_id}?wave_id=${wave.id}`}>
              <Button icon={<BarChartOutlined />} data-testid="wave-results">
                {t('survey.results')}
              </Button>
            </Link>
            {access.manageWaves && open && wave.channel !== 'link' && (
              <Tooltip title={t('wave.remindHint')}>
                <Button icon={<BellOutlined />} onClick={() => void remind()} loading={busy === 'remind'} data-testid="wave-remind">
                  {t('wave.remind')}
                </Button>
              </Tooltip>
            )}
            {access.manageWaves && (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    { key: 'xlsx', label: <span data-testid="wave-links-xlsx">{t('wave.linksXlsx')}</span> },
                    { key: 'csv', label: <span data-testid="wave-links-csv">{t('wave.linksCsv')}</span> },
                  ],
                  onClick: ({ key }) => void download(key as FileFormat),
                }}
              >
                <Button icon={<DownloadOutlined />} loading={busy === 'csv' || busy === 'xlsx'} data-testid="wave-links">
                  {t('wave.links')}
                </Button>
              </Dropdown>
            )}
            {access.manageWaves && open && (
              <Button danger icon={<StopOutlined />} onClick={close} data-testid="wave-close">
                {t('wave.close')}
              </Button>
            )}
          </Flex>
        </Flex>
        <FactGrid columns="repeat(auto-fit, minmax(150px, 1fr))">
          <Fact label={t('wave.survey')}>
            <Link to={`/surveys/${wave.survey_id}`}>{wave.survey_title}</Link>
            <Typography.Text type="secondary"> · {t('survey.versionShort', { version: wave.version_number })}</Typography.Text>
          </Fact>
          <Fact label={t('wave.channel')} testId="fact-channel">
            {channelLabel(t, wave.channel)}
          </Fact>
          <Fact label={t('wave.closesOn')} testId="fact-closes">
            {wave.closes_on}
          </Fact>
          <Fact label={t('wave.startedBy')}>
            {wave.created_by_name}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {formatDateTime(wave.created_at).slice(0, 16)}
            </Typography.Text>
          </Fact>
          <Fact label={t('wave.rules')}>
            <span style={{ fontSize: 13 }}>
              {[
                wave.exclude_days > 0 ? t('wave.ruleDays', { days: wave.exclude_days }) : t('wave.ruleNoDays'),
                wave.exclude_no_consent ? t('wave.ruleConsent') : null,
                wave.channel !== 'link' ? t('wave.rulePace', { count: wave.send_per_minute }) : null,
              ]
                .filter(Boolean)
                .join('；')}
            </span>
          </Fact>
        </FactGrid>
      </Card>

      <Card variant="borderless" title={t('wave.sampleTitle')} data-testid="wave-sampling">
        <div style={{ display: 'grid', gridTemplateColumns: narrow ? 'repeat(2, minmax(0, 1fr))' : 'repeat(6, minmax(0, 1fr))', gap: 16 }}>
          <Figure label={t('wave.population')} value={wave.population} testId="wave-population" />
          <Figure label={t('wave.invited')} value={wave.invited} testId="wave-invited" />
          <Figure label={t('wave.opened')} value={wave.counts.opened} testId="wave-opened" />
          <Figure label={t('wave.answered')} value={wave.counts.answered} testId="wave-answered" />
          <Figure label={t('wave.rate')} value={formatShare(wave.response_rate ?? responseRate(wave.counts.answered, wave.invited))} testId="wave-rate" />
          <Figure
            label={t('wave.noContact')}
            value={wave.counts.no_contact}
            note={wave.counts.reminded > 0 ? t('wave.remindedCount', { count: wave.counts.reminded }) : undefined}
            testId="wave-no-contact"
          />
        </div>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }} data-testid="wave-excluded">
          {excluded.length
            ? t('wave.excluded', { list: excluded.map((entry) => t('wave.excludedEntry', { reason: exclusionLabel(t, entry.reason), count: entry.count })).join('、') })
            : t('wave.excludedNone')}
        </Typography.Paragraph>
      </Card>

      <Card variant="borderless" title={t('wave.progressTitle')} data-testid="wave-progress">
        {cells.length ? (
          narrow ? (
            <Flex vertical data-testid="wave-cells">
              {cells.map((cell, index) => (
                <div key={cell.key} style={{ padding: '8px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }}>
                  <Flex justify="space-between" gap={8}>
                    <Typography.Text strong>{cell.project_name}</Typography.Text>
                    <Typography.Text>{cohortLabel(t, cell.cohort)}</Typography.Text>
                  </Flex>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t('wave.cellLine', { population: cell.population, quota: cell.quota, invited: cell.invited, opened: cell.opened, answered: cell.answered })}
                  </Typography.Text>
                  <RateBar answered={cell.answered} invited={cell.invited} testId={`cell-rate-${cell.key}`} />
                </div>
              ))}
            </Flex>
          ) : (
            <StackedTable<Cell> rows={cells} columns={cellColumns} rowKey={(cell) => cell.key} testId="wave-cells" />
          )
        ) : (
          <Typography.Text type="secondary">{t('wave.noCells')}</Typography.Text>
        )}
        {empty > 0 && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
            {t('wave.emptyCells', { count: empty })}
          </Typography.Text>
        )}
      </Card>

      <Card variant="borderless" title={t('invitation.title')} data-testid="wave-invitations">
        <Invitations wave={wave} />
      </Card>
    </Flex>
  );
}

/** /surveys/waves/:id */
export default recordPage(WaveView, 'wave.notFoundTitle', (t) => backToWaves(t));
