import { useState, type HTMLAttributes } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Card, DatePicker, Flex, Grid, Progress, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import type { Translate } from '../../../app/i18n/i18nContext';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { listFallback } from '../../../shared/ui/QueryState';
import { useScores } from '../queries';
import { quarterLabel, quarterOf, quarterStart, scorePartLabel } from '../labels';
import { kScoreParts, type JourneyScore, type PointLost, type ScorePart } from '../types';

const kFull: Record<ScorePart | 'total', number> = { execution: 25, process: 25, evaluation: 50, total: 100 };

/** Green from 90 % of the full score, gold from 75 %, else red. */
const scoreColor = (value: number, full: number) => (value >= full * 0.9 ? '#52c41a' : value >= full * 0.75 ? '#faad14' : '#f5222d');
const formatScore = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** A part's score of its full, as a number and a bar, with the counts behind it. */
function PartScore({ score, part, testId }: { score: JourneyScore; part: ScorePart | 'total'; testId: string }) {
  const t = useT();
  const value = score[part];
  const full = kFull[part];
  const c = score.counts;
  const basis: Record<ScorePart | 'total', string> = {
    execution: t('score.executionBasis', { on_time: c.on_time, due: c.due }),
    process: t('score.processBasis', { evidence: c.with_evidence, done: c.done, passed: c.gates_passed, gates: c.gates_due }),
    evaluation: t('score.evaluationBasis', { satisfied: c.satisfied, rated: c.rated }),
    total: '',
  };
  return (
    <div data-testid={testId} data-value={value}>
      <Typography.Text strong style={{ fontSize: part === 'total' ? 20 : 15, color: part === 'total' ? scoreColor(value, full) : undefined }}>
        {formatScore(value)}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {' '}
        / {full}
      </Typography.Text>
      {part !== 'total' && (
        <>
          <Progress percent={(value / full) * 100} showInfo={false} size="small" strokeColor={scoreColor(value, full)} style={{ margin: 0 }} />
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, lineHeight: 1.4 }}>
            {basis[part]}
          </Typography.Text>
        </>
      )}
    </div>
  );
}

/** Where a point lost leads: the customer and the home of a task, by name and code, or the ticket of a rating. */
function LostLinks({ point }: { point: PointLost }) {
  const t = useT();
  return (
    <Flex gap={10} wrap align="baseline" style={{ fontSize: 13 }}>
      {point.customer_id !== undefined && point.customer_name && (
        <Link to={`/customers/${point.customer_id}`} data-testid="lost-customer">
          {point.customer_name}
        </Link>
      )}
      {point.unit_id !== undefined && point.unit_code && (
        <Link to={`/units/${point.unit_id}`} className="hearth-mono" data-testid="lost-unit">
          {point.unit_code}
        </Link>
      )}
      {point.ticket_id !== undefined && <Link to={`/tickets/${point.ticket_id}`}>{t('score.openTicket')}</Link>}
    </Flex>
  );
}

/** How many points were lost: "12 处扣分", or "200+ 处扣分" when the server's list stopped at 200. */
const lostCount = (t: Translate, score: JourneyScore, toggle = false) => {
  const count = score.points_lost.length;
  if (toggle) return score.points_lost_truncated ? t('score.lostToggleCapped', { count }) : t('score.lostToggle', { count });
  return score.points_lost_truncated ? t('score.lostCountCapped', { count }) : t('score.lostCount', { count });
};

/** Every point a company lost, by part (执行, 过程, 评价), each with its reason as the server words it. */
function PointsLost({ score }: { score: JourneyScore }) {
  const t = useT();
  if (score.points_lost.length === 0) return <Typography.Text type="secondary">{t('score.nothingLost')}</Typography.Text>;
  return (
    <Flex vertical gap={12} data-testid={`score-lost-${score.company_id}`}>
      {kScoreParts.map((part) => {
        const points = score.points_lost.filter((point) => point.part === part);
        if (points.length === 0) return null;
        return (
          <div key={part} data-testid={`score-lost-${score.company_id}-${part}`}>
            <Typography.Text strong>{t('score.lostHeading', { part: scorePartLabel(t, part), count: points.length })}</Typography.Text>
            <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {points.map((point, index) => (
                <li key={index} style={{ padding: '3px 0' }}>
                  <Flex justify="space-between" gap={12} wrap>
                    <span style={{ overflowWrap: 'anywhere' }}>{point.what}</span>
                    <LostLinks point={point} />
                  </Flex>
                </li>
              ))}
            </ol>
          </div>
        );
      })}
      {score.points_lost_truncated && (
        <Typography.Text type="warning" data-testid={`score-lost-capped-${score.company_id}`}>
          {t('score.lostCapped', { count: score.points_lost.length })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** A company's quarter as a card, for a phone: the total, the three parts, and the points lost on demand. */
function ScoreCard({ score }: { score: JourneyScore }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <Card size="small" data-testid={`score-row-${score.company_id}`}>
      <Flex justify="space-between" align="baseline" gap={8}>
        <Typography.Text strong style={{ fontSize: 15 }}>
          {score.company_name}
        </Typography.Text>
        <PartScore score={score} part="total" testId={`score-total-${score.company_id}`} />
      </Flex>
      <Flex vertical gap={8} style={{ marginTop: 8 }}>
        {kScoreParts.map((part) => (
          <div key={part}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {scorePartLabel(t, part)}
            </Typography.Text>
            <PartScore score={score} part={part} testId={`score-${part}-${score.company_id}`} />
          </div>
        ))}
      </Flex>
      <Button
        type="link"
        size="small"
        style={{ paddingInline: 0, marginTop: 8 }}
        icon={open ? <UpOutlined /> : <DownOutlined />}
        onClick={() => setOpen(!open)}
        data-testid={`score-expand-${score.company_id}`}
      >
        {lostCount(t, score, true)}
      </Button>
      {open && (
        <div style={{ marginTop: 8 }}>
          <PointsLost score={score} />
        </div>
      )}
    </Card>
  );
}

/**
 * /journey/scores?period=2026Q4 — 6+2 执行评分: the group audit's quarterly score of each company in
 * scope, execution 25 (standard touches done within 7 days of their day), process 25 (evidence kept,
 * inspections and open days on time), evaluation 50 (call-backs rated 4 or 5), and the total; each
 * company opens to every point it lost, with its reason and where it leads. The quarter is picked
 * (this one to begin with) and kept in the address. On a phone the companies are cards.
 */
export default function JourneyScoresPage() {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const periodParam = params.get('period') ?? '';
  const period = quarterStart(periodParam) ? periodParam : quarterOf(dayjs());
  const scores = useScores(period);
  const [expanded, setExpanded] = useState<readonly number[]>([]);

  const setPeriod = (next: string) => {
    const search = new URLSearchParams(params);
    if (next === quarterOf(dayjs())) search.delete('period');
    else search.set('period', next);
    setParams(search, { replace: true });
  };

  const columns: TableColumnsType<JourneyScore> = [
    { title: t('score.company'), dataIndex: 'company_name', key: 'company', width: 180, render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    ...kScoreParts.map((part) => ({
      title: t('score.partHeading', { part: scorePartLabel(t, part), full: kFull[part] }),
      key: part,
      width: part === 'process' ? 220 : 180,
      render: (_: unknown, score: JourneyScore) => <PartScore score={score} part={part} testId={`score-${part}-${score.company_id}`} />,
    })),
    { title: t('score.total'), key: 'total', width: 110, render: (_, score) => <PartScore score={score} part="total" testId={`score-total-${score.company_id}`} /> },
    {
      title: t('score.lost'),
      key: 'lost',
      width: 120,
      render: (_, score) =>
        score.points_lost.length === 0 ? (
          <Tag color="green" style={{ marginInlineEnd: 0 }}>
            {t('score.full')}
          </Tag>
        ) : (
          <Button
            size="small"
            onClick={() => setExpanded(expanded.includes(score.company_id) ? expanded.filter((id) => id !== score.company_id) : [...expanded, score.company_id])}
            data-testid={`score-expand-${score.company_id}`}
          >
            {lostCount(t, score)}
          </Button>
        ),
    },
  ];

  const fallback = listFallback(scores.data, scores.error, t('score.empty'));

  return (
    <>
      <PageHeader title={t('score.title')} description={t('score.description')} onRefresh={() => void scores.refetch()} />
      <Card variant="borderless">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <DatePicker
            picker="quarter"
            allowClear={false}
            aria-label={t('score.period')}
            value={quarterStart(period)}
            format={(value) => quarterLabel(t, quarterOf(value))}
            onChange={(value) => value && setPeriod(quarterOf(value))}
            style={{ width: 200 }}
            data-testid="score-period"
          />
          <Typography.Text type="secondary">{t('score.weights')}</Typography.Text>
        </Flex>
        {fallback ??
          (narrow ? (
            <Flex vertical gap={12} data-testid="score-cards">
              {scores.data!.map((score) => (
                <ScoreCard key={score.company_id} score={score} />
              ))}
            </Flex>
          ) : (
            <Table<JourneyScore>
              rowKey="company_id"
              size="middle"
              columns={columns}
              dataSource={scores.data}
              loading={scores.isFetching}
              pagination={false}
              scroll={{ x: 990 }}
              expandable={{
                expandedRowKeys: expanded,
                onExpandedRowsChange: (keys) => setExpanded(keys as number[]),
                rowExpandable: (score) => score.points_lost.length > 0,
                expandedRowRender: (score) => <PointsLost score={score} />,
              }}
              onRow={(score) => ({ 'data-testid': `score-row-${score.company_id}` }) as HTMLAttributes<HTMLElement>}
              data-testid="score-table"
            />
          ))}
      </Card>
    </>
  );
}
