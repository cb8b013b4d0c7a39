import type { HTMLAttributes } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Flex, Grid, Progress, Segmented, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { salesApi } from '../api';
import { collectionKeys } from '../queries';
import { formatRate, funnelByLabel, funnelRowLabel } from '../labels';
import { kFunnelBys, type FunnelBy, type FunnelRow, type ReportQuery } from '../types';
import { ProjectFilter } from './ProjectFilter';
import { PeriodPicker, ReportDownload } from './ReportTools';

const kStages = ['leads', 'visits', 'pledges', 'subscriptions', 'contracts'] as const;

/** The total's stages as bars against the leads: 登记 → 到访 → 认筹 → 认购 → 签约. */
function FunnelBars({ total }: { total: FunnelRow }) {
  const t = useT();
  return (
    <Card variant="borderless" size="small" title={t('funnel.stages')} style={{ marginBottom: 16, background: '#f6f8fc' }} data-testid="funnel-stages">
      <Flex vertical gap={8}>
        {kStages.map((stage) => {
          const share = total.leads ? total[stage] / total.leads : 0;
          return (
            <Flex key={stage} align="center" gap={10} data-testid={`funnel-stage-${stage}`} data-count={total[stage]}>
              <Typography.Text style={{ width: 56, flex: 'none' }}>{t(`funnel.${stage}`)}</Typography.Text>
              <Progress percent={share * 100} showInfo={false} status="normal" strokeColor="#1f4fd1" style={{ flex: 1, margin: 0, minWidth: 40 }} />
              <Typography.Text strong style={{ width: 40, textAlign: 'right', flex: 'none' }}>
                {total[stage]}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ width: 56, textAlign: 'right', flex: 'none', fontSize: 12 }}>
                {stage === 'leads' ? '' : formatRate(total.leads ? share : null)}
              </Typography.Text>
            </Flex>
          );
        })}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('funnel.rates', { visit: formatRate(total.visit_rate), subscription: formatRate(total.subscription_rate), contract: formatRate(total.contract_rate) })}
          {' · '}
          {t('funnel.referralShare')} {formatRate(total.referral_share)}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** A row of the funnel on a phone: its name, the five counts, the rates under them. */
function FunnelCard({ by, row, first }: { by: FunnelBy; row: FunnelRow; first: boolean }) {
  const t = useT();
  return (
    <div style={{ padding: '12px 0', borderTop: first ? undefined : '1px solid #f0f2f5' }} data-testid={`funnel-row-${row.key}`}>
      <Typography.Text strong>{funnelRowLabel(t, by, row)}</Typography.Text>
      <Flex justify="space-between" style={{ marginTop: 6 }}>
        {kStages.map((stage) => (
          <Flex key={stage} vertical align="center" style={{ minWidth: 0 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`funnel.${stage}`)}
            </Typography.Text>
            <Typography.Text strong>{row[stage]}</Typography.Text>
          </Flex>
        ))}
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
        {t('funnel.rates', { visit: formatRate(row.visit_rate), subscription: formatRate(row.subscription_rate), contract: formatRate(row.contract_rate) })}
        {' · '}
        {t('funnel.referralShare')} {formatRate(row.referral_share)}
      </Typography.Text>
    </div>
  );
}

/**
 * 销售漏斗: the leads registered in the period (the last 30 days unless chosen) and how far they got —
 * 到访, 认筹, 认购, 签约 — by channel, consultant or project, with the rates and the share of
 * contracts that came by referral; as CSV or Excel too. On a phone the rows are cards.
 */
export function FunnelReport({
  projects,
  query,
  by,
  onBy,
  onProject,
  onPeriod,
}: {
  projects: Map<number, string>;
  query: ReportQuery;
  by: FunnelBy;
  onBy: (by: FunnelBy) => void;
  onProject: (projectId: number | null) => void;
  onPeriod: (from: string, to: string) => void;
}) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const full = { ...query, by };
  const answer = useQuery({
    queryKey: collectionKeys.funnel(full),
    queryFn: ({ signal }) => salesApi.funnel(full, signal),
    placeholderData: keepPreviousData,
  });
  // The answer of another grouping stays until this one's comes: its rows are labelled as it was asked.
  const funnel = answer.data;
  const shownBy = funnel?.by ?? by;
  const from = query.from ?? funnel?.from;
  const to = query.to ?? funnel?.to;

  const count = (stage: (typeof kStages)[number]) => ({ title: t(`funnel.${stage}`), dataIndex: stage, key: stage, width: 80, align: 'right' as const });
  const rate = (key: 'visit_rate' | 'subscription_rate' | 'contract_rate' | 'referral_share', title: string) => ({
    title,
    dataIndex: key,
    key,
    width: 100,
    align: 'right' as const,
    render: (value: number | null) => formatRate(value),
  });
  const columns: TableColumnsType<FunnelRow> = [
    { title: t(`funnel.col.${shownBy}`), key: 'label', width: 160, render: (_, row) => funnelRowLabel(t, shownBy, row) },
    ...kStages.map(count),
    rate('visit_rate', t('funnel.visitRate')),
    rate('subscription_rate', t('funnel.subscriptionRate')),
    rate('contract_rate', t('funnel.contractRate')),
    rate('referral_share', t('funnel.referralShare')),
  ];

  return (
    <div data-testid="funnel-report">
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Segmented<FunnelBy>
          value={by}
          onChange={onBy}
          options={kFunnelBys.map((value) => ({ value, label: funnelByLabel(t, value) }))}
          data-testid="funnel-by"
        />
        <ProjectFilter projects={projects} value={query.project_id} onChange={onProject} />
        <PeriodPicker from={from} to={to} onChange={onPeriod} />
        <span style={{ marginInlineStart: 'auto' }}>
          <ReportDownload
            report="funnel"
            query={{ ...full, from, to }}
            name={t('salesReports.fileFunnel', { by: funnelByLabel(t, by), from: from ?? '', to: to ?? '' })}
            testId="funnel-download"
          />
        </span>
      </Flex>
      <ErrorAlert error={answer.error} />
      <Spin spinning={answer.isFetching}>
        {funnel && (
          <>
            <FunnelBars total={funnel.total} />
            {narrow ? (
              funnel.rows.length === 0 ? (
                <Typography.Text type="secondary">{t('funnel.empty')}</Typography.Text>
              ) : (
                <Flex vertical data-testid="funnel-cards">
                  {[...funnel.rows, funnel.total].map((row, index) => (
                    <FunnelCard key={row.key} by={shownBy} row={row} first={index === 0} />
                  ))}
                </Flex>
              )
            ) : (
              <Table<FunnelRow>
                rowKey="key"
                size="middle"
                columns={columns}
                dataSource={funnel.rows}
                pagination={false}
                scroll={{ x: 1000 }}
                locale={{ emptyText: t('funnel.empty') }}
                onRow={(row) => ({ 'data-testid': `funnel-row-${row.key}` }) as HTMLAttributes<HTMLElement>}
                summary={() =>
                  funnel.rows.length > 0 && (
                    <Table.Summary.Row style={{ background: '#fafafa', fontWeight: 600 }} data-testid="funnel-row-total">
                      {columns.map((column, index) => {
                        const key = String(column.key);
                        const value = index === 0 ? t('funnel.total') : key.endsWith('_rate') || key === 'referral_share' ? formatRate(funnel.total[key as 'visit_rate']) : funnel.total[key as 'leads'];
                        return (
                          <Table.Summary.Cell key={key} index={index} align={index === 0 ? undefined : 'right'}>
                            {value}
                          </Table.Summary.Cell>
                        );
                      })}
                    </Table.Summary.Row>
                  )
                }
                data-testid="funnel-table"
              />
            )}
          </>
        )}
      </Spin>
    </div>
  );
}
