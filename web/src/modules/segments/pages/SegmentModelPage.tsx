import { lazy, Suspense, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Col, Empty, Flex, Grid, Row, Skeleton, Spin, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { DownOutlined, EditOutlined, SyncOutlined, UpOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { BackLink, RecordFallback, recordPage } from '../../../shared/ui/RecordPage';
import { Fact, FactGrid } from '../../../shared/ui/Fact';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { segmentsApi } from '../api';
import { modelChanged, useFacts, useSegmentModel, useSegmentValues, useShares } from '../queries';
import { segmentsAccess } from '../access';
import { backToModels, cellOf, formatFen, formatNumber, formatSeconds, formatShare, kUnplacedColor, ruleInWords, segmentColor, valueCellOf } from '../labels';
import type { Segment, SegmentFact, SegmentModel, SegmentShares, SegmentValues, ValueCell } from '../types';
import { ComputeTag, PresetTag } from '../components/Tags';
import { SegmentProfile } from '../components/SegmentProfile';
import { SharesByPlace } from '../components/SharesByPlace';
import type { ShareBar } from '../components/SegmentCharts';

const ShareChart = lazy(() => import('../components/SegmentCharts').then((m) => ({ default: m.ShareChart })));

/** The chart's place while ECharts loads. */
const chartFallback = <Skeleton.Node active style={{ width: '100%', height: 220 }} />;

/** "高 2.3 个百分点" / "低 …" / "持平": a share against the published one. */
function useDifference() {
  const t = useT();
  return (share: number, published: number | null) => {
    if (published === null) return null;
    const points = Math.round((share - published) * 1000) / 10;
    if (points === 0) return t('segment.diffSame');
    return points > 0 ? t('segment.diffAbove', { points }) : t('segment.diffBelow', { points: -points });
  };
}

interface SubRow {
  key: string;
  name: string;
  customers: number;
  ofSegment: number | null;
  ofAll: number;
  published: number | null;
  value: ValueCell | null;
}

/**
 * 终身价值 of a segment (or a sub-class): per household with a home and in all, and over how many
 * households; none when no customer of it has bought a home.
 */
function SegmentValue({ cell, testId }: { cell: ValueCell | null; testId: string }) {
  const t = useT();
  return (
    <Flex gap="2px 12px" wrap align="baseline" style={{ marginTop: 6, fontSize: 13 }} data-testid={testId}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t('segmentValue.label')}
      </Typography.Text>
      {cell && cell.households > 0 ? (
        <>
          <Typography.Text strong style={{ fontSize: 13 }} data-testid={`${testId}-per`}>
            {t('segmentValue.perHousehold', { value: formatFen(cell.per_household.total_cents) })}
          </Typography.Text>
          <Typography.Text style={{ fontSize: 13 }} data-testid={`${testId}-total`}>
            {t('segmentValue.total', { value: formatFen(cell.total.total_cents) })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('segmentValue.households', { count: formatNumber(cell.households, 0) })}
          </Typography.Text>
        </>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {cell ? t('segmentValue.none') : '—'}
        </Typography.Text>
      )}
    </Flex>
  );
}

/**
 * One segment of the model page: its share of the customers against its published share, its
 * customers, what it is, its sub-classes as a table (customers, share of the segment and of all), and
 * its profile. `index` -1 is 未归类.
 */
function SegmentDetail({
  model,
  index,
  shares,
  values,
  facts,
  narrow,
}: {
  model: SegmentModel;
  index: number;
  shares: SegmentShares | undefined;
  values: SegmentValues | undefined;
  facts: SegmentFact[] | undefined;
  narrow: boolean;
}) {
  const t = useT();
  const difference = useDifference();
  // On a phone the profile opens on demand: eleven classes' profiles would be a very long page.
  const [profileOpen, setProfileOpen] = useState(false);
  const segment: Segment | undefined = index >= 0 ? model.segments[index] : undefined;
  const all = shares?.rows[0];
  const total = all ? cellOf(all.cells, index) : null;
  const profile = model.profiles.find((p) => (segment ? p.segment === segment.code : p.segment === null));
  const published = segment?.published_share ?? null;
  const diff = total ? difference(total.share, published) : null;
  const subs: SubRow[] = (segment?.subs ?? []).map((sub, j) => {
    const cell = all ? cellOf(all.cells, index, j) : { customers: 0, share: 0 };
    return {
      key: sub.code,
      name: sub.name,
      customers: cell.customers,
      ofSegment: total?.customers ? cell.customers / total.customers : null,
      ofAll: cell.share,
      published: sub.published_share,
      value: values?.rows[0] ? valueCellOf(values.rows[0].cells, index, j) : null,
    };
  });
  const valueCell = values?.rows[0] ? valueCellOf(values.rows[0].cells, index) : null;
  const anySubPublished = subs.some((sub) => sub.published !== null);
  const subColumns: TableColumnsType<SubRow> = [
    { title: t('segment.sub'), dataIndex: 'name', key: 'name' },
    { title: t('segment.customers'), key: 'customers', align: 'right', render: (_, row) => formatNumber(row.customers, 0) },
    { title: t('segment.ofSegment'), key: 'ofSegment', align: 'right', render: (_, row) => formatShare(row.ofSegment) },
    { title: t('segment.ofAll'), key: 'ofAll', align: 'right', render: (_, row) => formatShare(row.ofAll) },
    ...(anySubPublished ? [{ title: t('segment.publishedShare'), key: 'published', align: 'right' as const, render: (_: unknown, row: SubRow) => formatShare(row.published) }] : []),
    {
      title: t('segmentValue.perHouseholdColumn'),
      key: 'value',
      align: 'right',
      render: (_, row) => (row.value && row.value.households > 0 ? formatFen(row.value.per_household.total_cents) : '—'),
    },
  ];
  const testId = index >= 0 ? `segment-detail-${index + 1}` : 'segment-detail-unplaced';

  return (
    <Card
      variant="borderless"
      size="small"
      style={{ height: '100%' }}
      title={
        <Flex align="center" gap={8} style={{ padding: '4px 0', minWidth: 0 }}>
          <span style={{ width: 10, height: 10, borderRadius: 3, background: index >= 0 ? segmentColor(index) : kUnplacedColor, flex: 'none' }} />
          <Typography.Text strong ellipsis>
            {segment?.name ?? t('segment.unplaced')}
          </Typography.Text>
        </Flex>
      }
      extra={
        total && (
          <Typography.Text strong style={{ fontSize: 18 }} data-testid={`${testId}-share`}>
            {formatShare(total.share)}
          </Typography.Text>
        )
      }
      data-testid={testId}
    >
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid={`${testId}-summary`}>
        {[
          total ? t('segment.customersCount', { count: formatNumber(total.customers, 0) }) : null,
          published !== null ? t('segment.publishedShareValue', { share: formatShare(published) }) : null,
          diff,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
      {values && <SegmentValue cell={valueCell} testId={`${testId}-value`} />}
      {segment?.description ? (
        <Typography.Paragraph style={{ margin: '8px 0 0', fontSize: 13 }} ellipsis={{ rows: 3, expandable: true, symbol: t('segment.more') }}>
          {segment.description}
        </Typography.Paragraph>
      ) : (
        index < 0 && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
            {t('segment.unplacedHint')}
          </Typography.Paragraph>
        )
      )}
      {segment && (
        <Tooltip title={t('segment.ruleFormula', { rule: segment.rule })}>
          <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0', fontSize: 12 }} data-testid={`${testId}-rule`}>
            {t('segment.ruleLabel')}
            {ruleInWords(t, segment.rule, facts)}
          </Typography.Paragraph>
        </Tooltip>
      )}
      {subs.length > 0 &&
        (narrow ? (
          <Flex vertical gap={2} style={{ marginTop: 10, fontSize: 13 }} data-testid={`${testId}-subs`}>
            {subs.map((sub) => (
              <Flex key={sub.key} justify="space-between" gap={8} style={{ padding: '4px 8px', background: '#f7f8fa', borderRadius: 6 }}>
                <Typography.Text style={{ fontSize: 13 }}>{sub.name}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {t('segment.subSummary', { count: formatNumber(sub.customers, 0), ofSegment: formatShare(sub.ofSegment), ofAll: formatShare(sub.ofAll) })}
                  {sub.value && sub.value.households > 0 && ` · ${t('segmentValue.perHousehold', { value: formatFen(sub.value.per_household.total_cents) })}`}
                </Typography.Text>
              </Flex>
            ))}
          </Flex>
        ) : (
          <div style={{ marginTop: 12 }}>
            <Table<SubRow> rowKey="key" size="small" bordered columns={subColumns} dataSource={subs} pagination={false} data-testid={`${testId}-subs`} />
          </div>
        ))}
      <div style={{ marginTop: 12 }}>
        {!profile ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('segment.noProfile')}
          </Typography.Text>
        ) : narrow && !profileOpen ? (
          <Button size="small" type="link" icon={<DownOutlined />} style={{ paddingInline: 0 }} onClick={() => setProfileOpen(true)} data-testid={`${testId}-show-profile`}>
            {t('segment.showProfile')}
          </Button>
        ) : (
          <>
            <SegmentProfile profile={profile} testId={`${testId}-profile`} />
            {narrow && (
              <Button size="small" type="link" icon={<UpOutlined />} style={{ paddingInline: 0, marginTop: 4 }} onClick={() => setProfileOpen(false)}>
                {t('segment.hideProfile')}
              </Button>
            )}
          </>
        )}
      </div>
    </Card>
  );
}

/**
 * A model's page: its header (whose, where it came from, its segments, its last computation and over
 * how many customers; 编辑 and 重新计算 for those allowed), each segment's share against its published
 * share as a chart, each segment's card (its sub-classes, its profile), and the shares by city and by
 * project. After a save or 重新计算 the page reads the model again until its computation's time moves.
 */
function ModelView({ id }: { id: number }) {
  const t = useT();
  const { me } = useAuth();
  const access = segmentsAccess(me);
  const narrow = !Grid.useBreakpoint().md;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // The computation's time before 重新计算 was asked for: the page reads the model until it moves.
  const [waitingFor, setWaitingFor] = useState<string | null | undefined>(undefined);
  const query = useSegmentModel(id, waitingFor);
  const model = query.data;
  const shares = useShares(model, 'all');
  const values = useSegmentValues(model, 'all');
  const facts = useFacts();
  const [recomputing, setRecomputing] = useState(false);

  useEffect(() => {
    if (waitingFor !== undefined && model && model.computed_at !== waitingFor) setWaitingFor(undefined);
  }, [model, waitingFor]);

  if (!model) {
    return (
      <RecordFallback
        error={query.error}
        onRetry={() => void query.refetch()}
        notFound={{ title: t('segment.notFoundTitle'), subtitle: t('segment.notFoundSubtitle') }}
        back={backToModels(t)}
      />
    );
  }

  const recompute = async () => {
    setRecomputing(true);
    setWaitingFor(model.computed_at);
    try {
      const computed = await segmentsApi.recompute(model.id);
      modelChanged(queryClient, computed);
      void message.success(t('segment.recomputed', { count: formatNumber(computed.customers, 0), seconds: formatSeconds(computed.computed_ms ?? 0) }));
    } catch (err) {
      setWaitingFor(undefined);
      void message.error(errorMessage(t, err));
    } finally {
      setRecomputing(false);
    }
  };

  const computing = recomputing || waitingFor !== undefined || model.stale || model.computed_version === 0;
  const subs = model.segments.reduce((sum, s) => sum + s.subs.length, 0);
  const all = shares.data?.by === 'all' ? shares.data : undefined;
  const allValues = values.data?.by === 'all' ? values.data : undefined;
  // The value of every household in scope: the segments' totals and 未归类's.
  const valueTotal = allValues?.rows[0]?.cells.filter((cell) => cell.sub === -1).reduce((sum, cell) => ({ cents: sum.cents + cell.total.total_cents, households: sum.households + cell.households }), { cents: 0, households: 0 });
  const bars: ShareBar[] | null = all?.rows[0]
    ? [
        ...model.segments.map((segment, i) => ({ name: segment.name, color: segmentColor(i), share: cellOf(all.rows[0].cells, i).share, published: segment.published_share })),
        { name: t('segment.unplaced'), color: kUnplacedColor, share: cellOf(all.rows[0].cells, -1).share, published: null },
      ]
    : null;

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={16} wrap>
        <BackLink back={backToModels(t)} testId="back-to-models" />
        {!narrow && (
          <Breadcrumb
            items={[
              { key: 'list', title: <Link to="/segments">{t('nav.segmentModels')}</Link> },
              { key: 'model', title: model.name },
            ]}
          />
        )}
      </Flex>

      <Card variant="borderless" data-testid="model-header">
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="model-name">
            {model.name}
          </Typography.Title>
          <PresetTag preset={model.preset} testId="model-preset" />
          <ComputeTag model={model} testId="model-status" />
          <Flex gap={8} wrap style={{ marginInlineStart: 'auto' }}>
            {access.edit(model) && (
              <Link to={`/segments/${model.id}/edit`}>
                <Button icon={<EditOutlined />} data-testid="model-edit">
                  {t('segment.edit')}
                </Button>
              </Link>
            )}
            {access.recompute && (
              <Button type="primary" icon={<SyncOutlined spin={recomputing} />} loading={recomputing} onClick={() => void recompute()} data-testid="model-recompute">
                {t('segment.recompute')}
              </Button>
            )}
          </Flex>
        </Flex>
        {model.description && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} ellipsis={{ rows: 2, expandable: true, symbol: t('segment.more') }}>
            {model.description}
          </Typography.Paragraph>
        )}
        <FactGrid columns="repeat(auto-fit, minmax(150px, 1fr))">
          <Fact label={t('segment.owner')}>{model.org_unit_name}</Fact>
          <Fact label={t('segment.segments')}>
            {subs > 0 ? `${t('segment.segmentCount', { count: model.segments.length })} · ${t('segment.subCount', { count: subs })}` : t('segment.segmentCount', { count: model.segments.length })}
          </Fact>
          <Fact label={t('segment.computedOver')} testId="fact-customers">
            {model.computed_version === 0 ? '—' : t('segment.customersCount', { count: formatNumber(model.customers, 0) })}
          </Fact>
          <Fact label={t('segment.lastComputation')} testId="fact-computed-at">
            {model.computed_at ? (
              <>
                <span data-testid="model-computed-at">{formatDateTime(model.computed_at)}</span>
                {model.computed_ms !== null && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t('segment.tookSeconds', { seconds: formatSeconds(model.computed_ms) })}
                  </Typography.Text>
                )}
              </>
            ) : (
              t('segment.notComputed')
            )}
          </Fact>
          {valueTotal && (
            <Fact label={t('segmentValue.allLabel')} testId="fact-value">
              {valueTotal.households > 0 ? formatFen(valueTotal.cents) : '—'}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t('segmentValue.households', { count: formatNumber(valueTotal.households, 0) })}
              </Typography.Text>
            </Fact>
          )}
          <Fact label={t('common.updatedAt')}>{formatDateTime(model.updated_at)}</Fact>
        </FactGrid>
      </Card>

      {computing && (
        <Alert
          type="info"
          showIcon
          icon={<Spin size="small" />}
          title={model.computed_version === 0 ? t('segment.computingFirst') : t('segment.computing')}
          description={model.stale && model.computed_version > 0 ? t('segment.staleNotice') : undefined}
          data-testid="model-computing"
        />
      )}

      {model.computed_version > 0 && (
        <>
          <Card
            variant="borderless"
            title={t('segment.sharesTitle')}
            extra={
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {all?.rows[0] ? t('segment.inScope', { count: formatNumber(all.rows[0].customers, 0) }) : ''}
              </Typography.Text>
            }
            data-testid="model-shares"
          >
            <ErrorAlert error={shares.error} />
            {bars ? (
              <Suspense fallback={chartFallback}>
                <ShareChart bars={bars} labels={{ share: t('segment.actualShare'), published: t('segment.publishedShare') }} narrow={narrow} />
              </Suspense>
            ) : shares.data ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('segment.noCustomers')} />
            ) : (
              !shares.error && chartFallback
            )}
          </Card>
          <Typography.Text type="secondary" style={{ fontSize: 12, marginBottom: -8 }} data-testid="profile-scope">
            {t('segment.profileScope', { count: formatNumber(model.customers, 0) })}
          </Typography.Text>
          <Row gutter={[16, 16]} data-testid="segment-details">
            {model.segments.map((segment, i) => (
              <Col key={segment.code} xs={24} xl={12}>
                <SegmentDetail model={model} index={i} shares={all} values={allValues} facts={facts.data} narrow={narrow} />
              </Col>
            ))}
            <Col xs={24} xl={12}>
              <SegmentDetail model={model} index={-1} shares={all} values={allValues} facts={facts.data} narrow={narrow} />
            </Col>
          </Row>
          <SharesByPlace model={model} />
        </>
      )}
    </Flex>
  );
}

/** /segments/:id */
export default recordPage(ModelView, 'segment.notFoundTitle', backToModels);
