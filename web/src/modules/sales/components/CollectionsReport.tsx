import type { HTMLAttributes, ReactNode } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Grid, Progress, Row, Spin, Statistic, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { salesApi } from '../api';
import { collectionKeys } from '../queries';
import { formatMoney, formatRate } from '../labels';
import type { CollectionRow } from '../types';
import { ProjectFilter } from './ProjectFilter';
import { ReportDownload } from './ReportTools';

/** The overdue buckets, youngest first, with their colours (from amber to deep red). */
const kBuckets = [
  { key: 'overdue_1_30_cents', label: 'collections.d1_30', color: '#faad14' },
  { key: 'overdue_31_60_cents', label: 'collections.d31_60', color: '#fa8c16' },
  { key: 'overdue_61_90_cents', label: 'collections.d61_90', color: '#f5222d' },
  { key: 'overdue_90_plus_cents', label: 'collections.d90_plus', color: '#a8071a' },
] as const;

/** 回款率 as a bar with the figure: green from 95%, blue from 80%, red below. */
function RateBar({ rate, testId }: { rate: number; testId?: string }) {
  const percent = Math.round(rate * 1000) / 10;
  const color = percent >= 95 ? '#389e0d' : percent >= 80 ? '#1f4fd1' : '#cf1322';
  return (
    <Flex align="center" gap={8} data-testid={testId} data-rate={rate}>
      <Progress percent={percent} showInfo={false} size="small" strokeColor={color} style={{ flex: 1, margin: 0, minWidth: 48 }} />
      <Typography.Text strong style={{ color, whiteSpace: 'nowrap' }}>
        {formatRate(rate)}
      </Typography.Text>
    </Flex>
  );
}

/** What is overdue by age as one stacked bar, each bucket's amount in its tooltip. */
function AgeingBar({ row }: { row: CollectionRow }) {
  const t = useT();
  if (row.overdue_cents <= 0) return null;
  return (
    <div style={{ display: 'flex', height: 8, borderRadius: 4, overflow: 'hidden', background: '#f0f2f5' }}>
      {kBuckets.map((bucket) =>
        row[bucket.key] > 0 ? (
          <Tooltip key={bucket.key} title={`${t(bucket.label)} ${formatMoney(row[bucket.key])}`}>
            <div style={{ width: `${(row[bucket.key] / row.overdue_cents) * 100}%`, background: bucket.color }} />
          </Tooltip>
        ) : null,
      )}
    </div>
  );
}

/** The overdue buckets that hold anything, one a line ("逾期 1–30 天 ¥900,000"), over the stacked bar. */
function AgeingLines({ row, testId }: { row: CollectionRow; testId?: string }) {
  const t = useT();
  if (row.overdue_cents <= 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={2} data-testid={testId}>
      {kBuckets.map(
        (bucket) =>
          row[bucket.key] > 0 && (
            <Flex key={bucket.key} justify="space-between" gap={8} style={{ fontSize: 12 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                <span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 2, background: bucket.color, marginInlineEnd: 4 }} />
                {t(bucket.label)}
              </Typography.Text>
              <Typography.Text style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{formatMoney(row[bucket.key])}</Typography.Text>
            </Flex>
          ),
      )}
      <AgeingBar row={row} />
    </Flex>
  );
}

function Money({ cents, danger }: { cents: number; danger?: boolean }) {
  return (
    <Typography.Text type={danger && cents > 0 ? 'danger' : undefined} strong={danger && cents > 0} style={{ whiteSpace: 'nowrap' }}>
      {cents > 0 ? formatMoney(cents) : danger ? '—' : formatMoney(cents)}
    </Typography.Text>
  );
}

/** A project on a phone: its rate, what is paid of the total, what is overdue and how old. */
function CollectionCard({ row, name, first }: { row: CollectionRow; name: string; first: boolean }) {
  const t = useT();
  const line = (label: ReactNode, value: ReactNode) => (
    <Flex justify="space-between" gap={8}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      {value}
    </Flex>
  );
  return (
    <div style={{ padding: '12px 0', borderTop: first ? undefined : '1px solid #f0f2f5' }} data-testid={`collection-row-${row.project_id}`}>
      <Flex justify="space-between" gap={8}>
        <Typography.Text strong>{name}</Typography.Text>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {t('collections.overdueContracts')} {t('collections.overdueContractsValue', { count: row.overdue_contracts })}
        </Typography.Text>
      </Flex>
      <RateBar rate={row.collection_rate} />
      {line(t('collections.paid'), <Typography.Text>{`${formatMoney(row.paid_cents)} / ${formatMoney(row.total_cents)}`}</Typography.Text>)}
      {line(t('collections.notDue'), <Money cents={row.not_due_cents} />)}
      {line(t('collections.overdue'), <Money cents={row.overdue_cents} danger />)}
      {kBuckets.map((bucket) => row[bucket.key] > 0 && <div key={bucket.key}>{line(t(bucket.label), <Money cents={row[bucket.key]} danger />)}</div>)}
      <div style={{ marginTop: 6 }}>
        <AgeingBar row={row} />
      </div>
    </div>
  );
}

/**
 * 回款账龄: the signed contracts in scope per project (the most overdue first) and in total, as of
 * today — the total, what was received, what is not yet due, what is overdue by age (1–30, 31–60,
 * 61–90, over 90 days) and the collection rate; as CSV or Excel too. On a phone the projects are cards.
 */
export function CollectionsReport({ projects, projectId, onProject }: { projects: Map<number, string>; projectId: number | undefined; onProject: (projectId: number | null) => void }) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const query = projectId ? { project_id: projectId } : {};
  const answer = useQuery({
    queryKey: collectionKeys.collections(query),
    queryFn: ({ signal }) => salesApi.collections(query, signal),
    placeholderData: keepPreviousData,
  });
  const report = answer.data;
  const nameOf = (row: CollectionRow) => projects.get(row.project_id) ?? row.project_name;

  const money = (key: keyof CollectionRow & `${string}_cents`, title: string, danger = false) => ({
    title,
    dataIndex: key,
    key,
    width: 120,
    align: 'right' as const,
    render: (cents: number) => <Money cents={cents} danger={danger} />,
  });
  const columns: TableColumnsType<CollectionRow> = [
    { title: t('collections.project'), key: 'project', width: 140, render: (_, row) => <Typography.Text strong>{nameOf(row)}</Typography.Text> },
    { title: t('collections.contracts'), dataIndex: 'contracts', key: 'contracts', width: 70, align: 'right' },
    money('total_cents', t('collections.total')),
    money('paid_cents', t('collections.paid')),
    money('not_due_cents', t('collections.notDue')),
    money('overdue_cents', t('collections.overdue'), true),
    { title: t('collections.ageing'), key: 'ageing', width: 190, render: (_, row) => <AgeingLines row={row} testId={`collection-ageing-${row.project_id}`} /> },
    { title: t('collections.overdueContracts'), dataIndex: 'overdue_contracts', key: 'overdue_contracts', width: 80, align: 'right' },
    {
      title: <Tooltip title={t('collections.rateHint')}>{t('collections.rate')}</Tooltip>,
      dataIndex: 'collection_rate',
      key: 'rate',
      width: 140,
      render: (rate: number, row) => <RateBar rate={rate} testId={`collection-rate-${row.project_id}`} />,
    },
  ];

  const total = report?.total;
  const stat = (title: string, value: string, testId: string, extra?: ReactNode) => (
    <Col xs={12} md={6}>
      <Card variant="borderless" size="small" style={{ height: '100%', background: '#f6f8fc' }}>
        <div data-testid={testId}>
          <Statistic title={title} value={value} />
        </div>
        {extra}
      </Card>
    </Col>
  );

  return (
    <div data-testid="collections-report">
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <ProjectFilter projects={projects} value={projectId} onChange={onProject} />
        {report && (
          <Typography.Text type="secondary" data-testid="collections-as-of">
            {t('collections.asOf', { date: report.as_of })}
          </Typography.Text>
        )}
        <span style={{ marginInlineStart: 'auto' }}>
          <ReportDownload report="collections" query={query} name={t('salesReports.fileCollections', { date: report?.as_of ?? '' })} testId="collections-download" />
        </span>
      </Flex>
      <ErrorAlert error={answer.error} />
      <Spin spinning={answer.isFetching}>
        {total && report && (
          <>
            <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
              {stat(t('collections.total'), formatMoney(total.total_cents), 'collections-total')}
              {stat(t('collections.paid'), formatMoney(total.paid_cents), 'collections-paid')}
              {stat(t('collections.overdue'), formatMoney(total.overdue_cents), 'collections-overdue', <AgeingBar row={total} />)}
              {stat(t('collections.rate'), formatRate(total.collection_rate), 'collections-rate')}
            </Row>
            {narrow ? (
              report.rows.length === 0 ? (
                <Typography.Text type="secondary">{t('collections.empty')}</Typography.Text>
              ) : (
                <Flex vertical data-testid="collection-cards">
                  {report.rows.map((row, index) => (
                    <CollectionCard key={row.project_id} row={row} name={nameOf(row)} first={index === 0} />
                  ))}
                </Flex>
              )
            ) : (
              <Table<CollectionRow>
                rowKey="project_id"
                size="middle"
                columns={columns}
                dataSource={report.rows}
                pagination={false}
                scroll={{ x: 1080 }}
                locale={{ emptyText: t('collections.empty') }}
                onRow={(row) => ({ 'data-testid': `collection-row-${row.project_id}` }) as HTMLAttributes<HTMLElement>}
                summary={() =>
                  report.rows.length > 1 && (
                    <Table.Summary.Row style={{ background: '#fafafa' }}>
                      <Table.Summary.Cell index={0}>
                        <Typography.Text strong>{t('collections.sum')}</Typography.Text>
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={1} align="right">
                        {total.contracts}
                      </Table.Summary.Cell>
                      {(['total_cents', 'paid_cents', 'not_due_cents'] as const).map((key, i) => (
                        <Table.Summary.Cell key={key} index={2 + i} align="right">
                          <Money cents={total[key]} />
                        </Table.Summary.Cell>
                      ))}
                      <Table.Summary.Cell index={5} align="right">
                        <Money cents={total.overdue_cents} danger />
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={6}>
                        <AgeingLines row={total} />
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={7} align="right">
                        {total.overdue_contracts}
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={8}>
                        <RateBar rate={total.collection_rate} />
                      </Table.Summary.Cell>
                    </Table.Summary.Row>
                  )
                }
                data-testid="collections-table"
              />
            )}
          </>
        )}
      </Spin>
    </div>
  );
}
