// The parts of the results page: the index cards, the grouped view, the trend over waves, the score
// card, the driver analysis, intent against behaviour. The charts come from ResultCharts, loaded lazily.
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { Card, Empty, Flex, Grid, Progress, Segmented, Select, Skeleton, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { BarChartOutlined, QuestionCircleOutlined, TableOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import type { Translate } from '../../../app/i18n/i18nContext';
import type { MessageKey } from '../../../app/i18n/messages';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { StackedTable } from '../../../shared/ui/StackedTable';
import { useDrivers, useIntent, useResults, useScorecard } from '../queries';
import { cohortHint, cohortLabel, formatInterval, formatNps, formatPoints, formatShare, itemLabel, kQuadrantColors, pointsColor, quadrantHint, quadrantLabel } from '../labels';
import {
  kGroupings,
  kIndexKeys,
  kQuadrants,
  type Cohort,
  type DriverItem,
  type IndexKey,
  type IntentCheck,
  type Quadrant,
  type ResultsBy,
  type ResultsFilter,
  type ResultsGroup,
  type ScoreRow,
  type SurveyIndices,
  type SurveyResults,
} from '../types';
import type { DriverPoint, GroupBar } from './ResultCharts';

const charts = () => import('./ResultCharts');
const GroupChart = lazy(() => charts().then((m) => ({ default: m.GroupChart })));
const TrendChart = lazy(() => charts().then((m) => ({ default: m.TrendChart })));
const DriversChart = lazy(() => charts().then((m) => ({ default: m.DriversChart })));

/** The colour of each index, on the cards, the bars and the trend's lines. */
export const kIndexColors: Record<IndexKey, string> = {
  satisfaction: '#3e63dd',
  rebuy: '#12a594',
  recommend: '#8e4ec6',
  nps: '#f76b15',
  loyalty: '#d6409f',
};

/** An index's value in words: a share as a percentage, the NPS signed. */
export const indexValue = (key: IndexKey, value: number | null | undefined) => (key === 'nps' ? formatNps(value) : formatShare(value));

/** How many respondents an index counts (n), and what they answered (满意 209 / 推荐者 6 · 贬损者 34). */
function indexCounts(t: Translate, indices: SurveyIndices, key: IndexKey): { n: number; detail: string } {
  const counts = indices.counts as Record<string, { yes?: number; n?: number; promoters?: number; detractors?: number } | undefined>;
  const c = counts[key];
  if (!c) return { n: 0, detail: '' };
  if (key === 'nps') return { n: c.n ?? 0, detail: t('index.npsCounts', { promoters: c.promoters ?? 0, detractors: c.detractors ?? 0 }) };
  return { n: c.n ?? 0, detail: t(`index.yes.${key}` as MessageKey, { count: c.yes ?? 0 }) };
}

const ciOf = (indices: SurveyIndices, key: IndexKey) => (indices.ci as Record<string, number[] | null | undefined>)[key] ?? null;

/** A chart's place while ECharts loads. */
const chartFallback = <Skeleton.Node active style={{ width: '100%', height: 240 }} />;

/** What an index reads, for its tooltip: the question and how it counts. */
function indexHelp(t: Translate, key: IndexKey, measuredBy: Record<string, string | null>): string {
  if (key === 'loyalty') return t('index.help.loyalty');
  if (key === 'nps') return measuredBy.recommend ? t('index.help.nps', { question: measuredBy.recommend }) : t('index.help.npsPlain');
  const question = measuredBy[key];
  return question ? t(`index.help.${key}` as MessageKey, { question }) : t('index.notAsked');
}

/**
 * 总体满意度, 再次购买意愿, 推荐意愿, NPS, 忠诚度: each card its value, how many it counts and its 95%
 * interval; the tooltip says what it reads (loyalty: per respondent, all three at once).
 */
export function IndexCards({ results }: { results: SurveyResults }) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: narrow ? 'repeat(2, minmax(0, 1fr))' : 'repeat(5, minmax(0, 1fr))', gap: 12 }} data-testid="index-cards">
      {kIndexKeys.map((key) => {
        const value = results[key];
        const { n, detail } = indexCounts(t, results, key);
        return (
          <Card key={key} variant="borderless" size="small" styles={{ body: { padding: narrow ? 12 : 16 } }} data-testid={`index-${key}`} data-value={value ?? ''}>
            <Flex align="center" gap={6}>
              <span style={{ width: 8, height: 8, borderRadius: 4, background: kIndexColors[key], flex: 'none' }} />
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t(`index.${key}`)}
              </Typography.Text>
              <Tooltip title={indexHelp(t, key, results.measured_by)}>
                <QuestionCircleOutlined style={{ color: '#8c94a3', fontSize: 12 }} data-testid={`index-${key}-help`} />
              </Tooltip>
            </Flex>
            <Typography.Text strong style={{ display: 'block', fontSize: narrow ? 24 : 28, lineHeight: 1.3, margin: '4px 0', color: value === null ? '#8c94a3' : undefined }} data-testid={`index-${key}-value`}>
              {indexValue(key, value)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid={`index-${key}-ci`}>
              {value === null ? t('index.noData') : t('index.interval', { range: formatInterval(ciOf(results, key), key === 'nps') })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid={`index-${key}-n`}>
              {t('index.n', { n })}
              {detail && n > 0 ? ` · ${detail}` : ''}
            </Typography.Text>
          </Card>
        );
      })}
    </div>
  );
}

/** A group's name: a cohort in words, else the server's (project, company, wave). */
const groupName = (t: Translate, by: ResultsBy, group: ResultsGroup) => (by === 'cohort' ? cohortLabel(t, String(group.key)) : group.name);

/**
 * 分组对比: the index chosen, by project, cohort or company, as bars with their 95% intervals (or a
 * table of every index), the groups as the server orders them.
 */
export function GroupedView({
  surveyId,
  filter,
  by,
  index,
  view,
  onChange,
}: {
  surveyId: number;
  filter: ResultsFilter;
  by: ResultsBy;
  index: IndexKey;
  view: 'chart' | 'table';
  onChange: (change: { by?: ResultsBy; index?: IndexKey; view?: 'chart' | 'table' }) => void;
}) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const query = useResults(surveyId, filter, by);
  const groups = useMemo(() => (query.data?.groups ?? []).filter((group) => group.responses > 0), [query.data]);
  const bars: GroupBar[] = groups
    .map((group) => {
    const scale = index === 'nps' ? 1 : 100;
    const ci = ciOf(group, index);
    const value = group[index];
    return {
      name: groupName(t, by, group),
      value: value === null ? null : Math.round(value * scale * 10) / 10,
      low: ci ? ci[0] * scale : null,
      high: ci ? ci[1] * scale : null,
      n: indexCounts(t, group, index).n,
    };
    })
    .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
  const columns: TableColumnsType<ResultsGroup> = [
    { title: t(`results.by.${by}`), key: 'name', render: (_, group) => groupName(t, by, group) },
    { title: t('index.responses'), dataIndex: 'responses', key: 'responses', align: 'right' },
    ...kIndexKeys.map((key) => ({
      title: t(`index.${key}`),
      key,
      align: 'right' as const,
      render: (_: unknown, group: ResultsGroup) => (
        <Tooltip title={t('index.interval', { range: formatInterval(ciOf(group, key), key === 'nps') })}>
          <span>{indexValue(key, group[key])}</span>
        </Tooltip>
      ),
    })),
  ];
  return (
    <Card
      variant="borderless"
      title={t('results.groupedTitle')}
      data-testid="grouped-card"
      extra={
        !narrow && (
          <Segmented<'chart' | 'table'>
            value={view}
            onChange={(next) => onChange({ view: next })}
            options={[
              { value: 'chart', icon: <BarChartOutlined />, label: t('results.chart') },
              { value: 'table', icon: <TableOutlined />, label: t('results.table') },
            ]}
            data-testid="grouped-view"
          />
        )
      }
    >
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Segmented<ResultsBy>
          value={by}
          onChange={(next) => onChange({ by: next })}
          options={kGroupings.map((value) => ({ value, label: t(`results.byLabel.${value}`) }))}
          data-testid="grouped-by"
        />
        {view === 'chart' && (
          <Select<IndexKey>
            value={index}
            onChange={(next) => onChange({ index: next })}
            options={kIndexKeys.map((key) => ({ value: key, label: t(`index.${key}`) }))}
            style={{ width: 140 }}
            aria-label={t('results.index')}
            data-testid="grouped-index"
          />
        )}
        {narrow && (
          <Segmented<'chart' | 'table'>
            value={view}
            onChange={(next) => onChange({ view: next })}
            options={[
              { value: 'chart', icon: <BarChartOutlined />, label: t('results.chart') },
              { value: 'table', icon: <TableOutlined />, label: t('results.table') },
            ]}
            data-testid="grouped-view"
          />
        )}
      </Flex>
      <ErrorAlert error={query.error} />
      {!query.data ? (
        <Skeleton active />
      ) : groups.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('results.noResponses')} />
      ) : view === 'chart' ? (
        <>
          <Suspense fallback={chartFallback}>
            <GroupChart
              bars={bars}
              nps={index === 'nps'}
              color={kIndexColors[index]}
              format={(value) => (index === 'nps' ? formatNps(value) : `${value}%`)}
              tooltip={(bar) =>
                t('results.barTooltip', {
                  name: bar.name,
                  value: bar.value === null ? '—' : index === 'nps' ? formatNps(bar.value) : `${bar.value}%`,
                  low: bar.low === null ? '—' : index === 'nps' ? formatNps(bar.low) : `${Math.round(bar.low * 10) / 10}%`,
                  high: bar.high === null ? '—' : index === 'nps' ? formatNps(bar.high) : `${Math.round(bar.high * 10) / 10}%`,
                  n: bar.n,
                })
              }
            />
          </Suspense>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
            {t('results.errorBars')}
          </Typography.Text>
        </>
      ) : (
        <StackedTable<ResultsGroup> rows={groups} columns={columns} rowKey={(group) => String(group.key)} testId="grouped-table" />
      )}
    </Card>
  );
}

/** 趋势: the indices of each wave, oldest first (the shares on one axis, NPS on the other). */
export function TrendCard({ surveyId, filter }: { surveyId: number; filter: ResultsFilter }) {
  const t = useT();
  const { wave_id: _wave, ...rest } = filter;
  const query = useResults(surveyId, rest, 'wave');
  const waves = useMemo(
    () => [...(query.data?.groups ?? [])].filter((group) => group.responses > 0).sort((a, b) => String(a.at ?? '').localeCompare(String(b.at ?? ''))),
    [query.data],
  );
  return (
    <Card variant="borderless" title={t('results.trendTitle')} data-testid="trend-card">
      <ErrorAlert error={query.error} />
      {!query.data ? (
        <Skeleton active />
      ) : waves.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('results.noResponses')} />
      ) : (
        <>
          {waves.length === 1 && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 8 }}>
              {t('results.oneWave')}
            </Typography.Text>
          )}
          <Suspense fallback={chartFallback}>
            <TrendChart
              waves={waves.map((wave) => wave.name)}
              format={(value, nps) => (nps ? formatNps(value) : `${Math.round(value * 10) / 10}%`)}
              lines={kIndexKeys.map((key) => ({
                name: t(`index.${key}`),
                color: kIndexColors[key],
                nps: key === 'nps',
                values: waves.map((wave) => (wave[key] === null ? null : key === 'nps' ? wave[key] : Math.round((wave[key] as number) * 1000) / 10)),
              }))}
            />
          </Suspense>
        </>
      )}
    </Card>
  );
}

/**
 * 得分卡: a row per project and cohort, a column per experience item, each cell its points 0–100
 * coloured from red to green (the share satisfied and the count on hover), then the responses and
 * overall satisfaction. It scrolls inside its card on a narrow screen.
 */
export function ScoreCard({ surveyId, filter }: { surveyId: number; filter: ResultsFilter }) {
  const t = useT();
  const query = useScorecard(surveyId, filter);
  const card = query.data;
  const columns: TableColumnsType<ScoreRow> = [
    { title: t('scorecard.project'), dataIndex: 'project_name', key: 'project', fixed: 'left', width: 120, ellipsis: true },
    {
      title: t('scorecard.cohort'),
      key: 'cohort',
      width: 92,
      render: (_, row) => (
        <Tooltip title={cohortHint(t, row.cohort)}>
          <span>{cohortLabel(t, row.cohort)}</span>
        </Tooltip>
      ),
    },
    { title: t('index.responses'), dataIndex: 'responses', key: 'responses', width: 64, align: 'right' },
    { title: t('index.satisfaction'), key: 'satisfaction', width: 92, align: 'right', render: (_, row) => formatShare(row.satisfaction) },
    ...(card?.items ?? []).map((item) => ({
      title: itemLabel(t, item.key),
      key: item.key,
      width: 72,
      align: 'center' as const,
      ellipsis: true,
      onCell: (row: ScoreRow) => {
        const cell = row.items[item.key];
        return { style: cell ? { ...pointsColor(cell.points), padding: '6px 4px' } : { padding: '6px 4px' } };
      },
      render: (_: unknown, row: ScoreRow) => {
        const cell = row.items[item.key];
        if (!cell) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <Tooltip title={t('scorecard.cellTooltip', { item: itemLabel(t, item.key), points: formatPoints(cell.points), satisfied: formatShare(cell.satisfied), n: cell.responses })}>
            <span data-testid={`score-${row.project_id}-${row.cohort}-${item.key}`}>{formatPoints(cell.points)}</span>
          </Tooltip>
        );
      },
    })),
  ];
  return (
    <Card variant="borderless" title={t('scorecard.title')} data-testid="score-card">
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 12 }}>
        {t('scorecard.hint')}
      </Typography.Text>
      <ErrorAlert error={query.error} />
      {!card ? (
        <Skeleton active />
      ) : card.rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('results.noResponses')} />
      ) : (
        <Table<ScoreRow>
          rowKey={(row) => `${row.project_id}:${row.cohort}`}
          size="small"
          bordered
          columns={columns}
          dataSource={card.rows}
          pagination={false}
          scroll={{ x: 120 + 92 + 64 + 92 + card.items.length * 72 }}
          data-testid="score-table"
        />
      )}
    </Card>
  );
}

/**
 * 驱动因素分析: each experience item's importance (how closely its points follow overall satisfaction)
 * against its points, in four quadrants split at the means — 重点改进 (important, below the mean) first —
 * then the same as a table, the items too few answered to tell at its end.
 */
export function DriversCard({ surveyId, filter }: { surveyId: number; filter: ResultsFilter }) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const query = useDrivers(surveyId, filter);
  const drivers = query.data;
  const rank = (quadrant: Quadrant) => {
    const at = (kQuadrants as readonly Quadrant[]).indexOf(quadrant);
    return at < 0 ? kQuadrants.length : at;
  };
  const items = useMemo(
    () => [...(drivers?.items ?? [])].sort((a, b) => rank(a.quadrant) - rank(b.quadrant) || (b.importance ?? -2) - (a.importance ?? -2)),
    [drivers],
  );
  const plotted = items.filter((item) => item.importance !== null && item.quadrant !== 'insufficient_data');
  const tint = (quadrant: Quadrant) => `${kQuadrantColors[quadrant]}12`;
  const columns: TableColumnsType<DriverItem> = [
    { title: t('drivers.item'), key: 'item', render: (_, item) => itemLabel(t, item.item) },
    {
      title: t('drivers.quadrant'),
      key: 'quadrant',
      render: (_, item) => (
        <Tooltip title={quadrantHint(t, item.quadrant)}>
          <Tag color={kQuadrantColors[item.quadrant]} style={{ marginInlineEnd: 0 }} data-testid={`driver-${item.item}-quadrant`} data-quadrant={item.quadrant}>
            {quadrantLabel(t, item.quadrant)}
          </Tag>
        </Tooltip>
      ),
    },
    { title: t('drivers.importance'), key: 'importance', align: 'right', render: (_, item) => (item.importance === null ? '—' : item.importance.toFixed(2)) },
    { title: t('drivers.points'), key: 'points', align: 'right', render: (_, item) => formatPoints(item.points) },
    { title: t('drivers.satisfied'), key: 'satisfied', align: 'right', render: (_, item) => formatShare(item.satisfied) },
    { title: t('index.responses'), dataIndex: 'responses', key: 'responses', align: 'right' },
  ];
  return (
    <Card variant="borderless" title={t('drivers.title')} data-testid="drivers-card">
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 12 }}>
        {t('drivers.hint')}
      </Typography.Text>
      <ErrorAlert error={query.error} />
      {!drivers ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('drivers.none')} />
      ) : (
        <Flex vertical gap={16}>
          {plotted.length > 0 ? (
            <Suspense fallback={chartFallback}>
              <DriversChart
                points={together(plotted.map((item) => ({ name: itemLabel(t, item.item), importance: item.importance!, points: item.points, color: kQuadrantColors[item.quadrant] })))}
                meanImportance={drivers.mean_importance}
                meanPoints={drivers.mean_points}
                quadrants={{
                  keepUp: [quadrantLabel(t, 'keep_up'), tint('keep_up')],
                  improveFirst: [quadrantLabel(t, 'improve_first'), tint('improve_first')],
                  maintain: [quadrantLabel(t, 'maintain'), tint('maintain')],
                  improveLater: [quadrantLabel(t, 'improve_later'), tint('improve_later')],
                }}
                axes={{ x: t('drivers.axisImportance'), y: t('drivers.axisPoints') }}
                tooltip={(point) => t('drivers.tooltip', { name: point.name, importance: point.importance.toFixed(2), points: formatPoints(point.points) })}
              />
            </Suspense>
          ) : (
            <Typography.Text type="secondary">{t('drivers.tooFew')}</Typography.Text>
          )}
          {narrow ? (
            <Flex vertical data-testid="drivers-table">
              {items.map((item, i) => (
                <div key={item.item} style={{ padding: '8px 0', borderTop: i === 0 ? undefined : '1px solid #f0f2f5' }}>
                  <Flex justify="space-between" align="center" gap={8}>
                    <Typography.Text strong>{itemLabel(t, item.item)}</Typography.Text>
                    <Tag color={kQuadrantColors[item.quadrant]} style={{ marginInlineEnd: 0 }} data-testid={`driver-${item.item}-quadrant`} data-quadrant={item.quadrant}>
                      {quadrantLabel(t, item.quadrant)}
                    </Tag>
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('drivers.line', {
                      importance: item.importance === null ? '—' : item.importance.toFixed(2),
                      points: formatPoints(item.points),
                      satisfied: formatShare(item.satisfied),
                      n: item.responses,
                    })}
                  </Typography.Text>
                </div>
              ))}
            </Flex>
          ) : (
            <StackedTable<DriverItem> rows={items} columns={columns} rowKey={(item) => item.item} testId="drivers-table" />
          )}
        </Flex>
      )}
    </Card>
  );
}

/** Items at the very same place as one point, named together ("会员、物业"), so that their labels do not overprint. */
function together(points: DriverPoint[]): DriverPoint[] {
  const at = new Map<string, DriverPoint>();
  for (const point of points) {
    const key = `${point.importance.toFixed(3)}:${point.points.toFixed(1)}`;
    const seen = at.get(key);
    at.set(key, seen ? { ...seen, name: `${seen.name}、${point.name}` } : point);
  }
  return [...at.values()];
}

/** One side of an intent check as a bar: the share who acted, of how many, with its interval. */
function ActedBar({ label, side, color, testId }: { label: string; side: IntentCheck['said_yes']; color: string; testId: string }) {
  const t = useT();
  return (
    <div data-testid={testId} data-share={side.share ?? ''}>
      <Flex justify="space-between" gap={8} style={{ fontSize: 13 }}>
        <span>{label}</span>
        <Typography.Text strong>{formatShare(side.share)}</Typography.Text>
      </Flex>
      <Progress percent={side.share === null ? 0 : side.share * 100} showInfo={false} strokeColor={color} size="small" style={{ margin: 0 }} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('intentCheck.sideCounts', { acted: side.acted, respondents: side.respondents })}
        {side.ci ? ` · ${t('index.interval', { range: formatInterval(side.ci) })}` : ''}
      </Typography.Text>
    </div>
  );
}

/**
 * 意向与行为: for 推荐 and 再次购买, the share who did it within `months` of answering among those who
 * said they would and among those who said not, as a sentence, two bars and the lift; a note while
 * some respondents' window has not passed yet.
 */
export function IntentCard({ surveyId, filter, months, onMonths }: { surveyId: number; filter: ResultsFilter; months: number; onMonths: (months: number) => void }) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const query = useIntent(surveyId, filter, months);
  const intent = query.data;
  const block = (key: 'recommend' | 'rebuy') => {
    const check = intent?.[key] as IntentCheck | undefined;
    if (!check || !check.said_yes || !check.said_no) return null;
    const none = check.said_yes.respondents + check.said_no.respondents === 0;
    const words: ReactNode = none
      ? t('intentCheck.none')
      : t(`intentCheck.sentence.${key}`, { months, yes: formatShare(check.said_yes.share), no: formatShare(check.said_no.share) });
    return (
      <div key={key} style={{ minWidth: 0 }} data-testid={`intent-${key}`}>
        <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
          {t(`intentCheck.title.${key}`)}
        </Typography.Text>
        <Typography.Paragraph style={{ marginBottom: 10 }} data-testid={`intent-${key}-sentence`}>
          {words}
        </Typography.Paragraph>
        {!none && (
          <Flex vertical gap={8}>
            <ActedBar label={t(`intentCheck.saidYes.${key}`)} side={check.said_yes} color={kIndexColors[key]} testId={`intent-${key}-yes`} />
            <ActedBar label={t(`intentCheck.saidNo.${key}`)} side={check.said_no} color="#b0b7c3" testId={`intent-${key}-no`} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`intent-${key}-lift`}>
              {check.lift === null ? t('intentCheck.noLift') : t('intentCheck.lift', { lift: Math.round(check.lift * 100) / 100 })}
            </Typography.Text>
          </Flex>
        )}
      </div>
    );
  };
  return (
    <Card
      variant="borderless"
      title={t('intentCheck.cardTitle')}
      data-testid="intent-card"
      extra={
        <Select<number>
          value={months}
          onChange={onMonths}
          options={[6, 12, 24].map((value) => ({ value, label: t('intentCheck.months', { months: value }) }))}
          style={{ width: 120 }}
          aria-label={t('intentCheck.window')}
          data-testid="intent-months"
        />
      }
    >
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 12 }}>
        {t('intentCheck.hint')}
      </Typography.Text>
      <ErrorAlert error={query.error} />
      {!intent ? (
        <Skeleton active />
      ) : intent.respondents === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('results.noResponses')} />
      ) : (
        <>
          {intent.window_complete < intent.respondents && (
            <Typography.Paragraph type="warning" style={{ fontSize: 13 }} data-testid="intent-window">
              {t('intentCheck.windowOpen', { complete: intent.window_complete, respondents: intent.respondents, months })}
            </Typography.Paragraph>
          )}
          <div style={{ display: 'grid', gridTemplateColumns: narrow ? 'minmax(0, 1fr)' : 'repeat(2, minmax(0, 1fr))', gap: 24 }}>
            {block('recommend')}
            {block('rebuy')}
          </div>
        </>
      )}
    </Card>
  );
}

/** The cohort filter's options, each explained on hover. */
export const cohortFilterOptions = (t: Translate, cohorts: readonly Cohort[]) =>
  cohorts.map((value) => ({
    value,
    label: (
      <Tooltip title={cohortHint(t, value)} placement="right">
        <span>{cohortLabel(t, value)}</span>
      </Tooltip>
    ),
  }));
