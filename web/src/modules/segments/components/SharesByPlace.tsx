import { Card, Empty, Flex, Grid, Segmented, Skeleton, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { useParamsPatch } from '../../../shared/hooks/useParamsPatch';
import { useShares } from '../queries';
import { cellOf, formatNumber, formatShare, kUnplacedColor, segmentColor } from '../labels';
import { kSharesBy, type SegmentModel, type SharesBy, type SharesRow } from '../types';

/** The segments of a row as a bar of their colours, each as wide as its share. */
function StackedBar({ row, model }: { row: SharesRow; model: SegmentModel }) {
  const t = useT();
  const parts = [...model.segments.map((s, i) => ({ key: String(i), name: s.name, color: segmentColor(i), share: cellOf(row.cells, i).share })), { key: 'unplaced', name: t('segment.unplaced'), color: kUnplacedColor, share: cellOf(row.cells, -1).share }];
  return (
    <div style={{ display: 'flex', height: 10, borderRadius: 5, overflow: 'hidden', background: '#f0f2f5' }}>
      {parts
        .filter((part) => part.share > 0)
        .map((part) => (
          <Tooltip key={part.key} title={`${part.name} ${formatShare(part.share)}`}>
            <div style={{ width: `${part.share * 100}%`, background: part.color }} />
          </Tooltip>
        ))}
    </div>
  );
}

/**
 * 按城市 / 按项目: each city's (by the customer's record) or project's (by the customer's homes: a
 * customer of two projects counts in each) customers and the share of each segment among them,
 * the largest first; how many there are said above. A table on a desk; on a phone each place is a
 * bar of the segments' colours with its three largest named. The choice is in the address.
 */
export function SharesByPlace({ model }: { model: SegmentModel }) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const [params, patch] = useParamsPatch();
  const by: SharesBy = kSharesBy.find((value) => value === params.get('by')) ?? 'city';
  const shares = useShares(model, by);
  const rows = shares.data?.by === by ? shares.data.rows : undefined;
  const placeName = (row: SharesRow) => (by === 'city' && row.key === '' ? t('segment.noCity') : row.name);

  const columns: TableColumnsType<SharesRow> = [
    {
      title: by === 'city' ? t('segment.city') : t('segment.project'),
      key: 'name',
      fixed: 'left',
      width: 150,
      render: (_, row) => <span data-testid={`place-${row.key || 'none'}`}>{placeName(row)}</span>,
    },
    { title: t('segment.customers'), key: 'customers', width: 100, align: 'right', render: (_, row) => formatNumber(row.customers, 0) },
    ...model.segments.map((segment, i) => ({
      title: (
        <Flex gap={6} align="center">
          <span style={{ width: 8, height: 8, borderRadius: 2, background: segmentColor(i), flex: 'none' }} />
          <span>{segment.name}</span>
        </Flex>
      ),
      key: `segment-${i}`,
      width: 120,
      align: 'right' as const,
      render: (_: unknown, row: SharesRow) => formatShare(cellOf(row.cells, i).share),
    })),
    { title: t('segment.unplaced'), key: 'unplaced', width: 100, align: 'right', render: (_, row) => formatShare(cellOf(row.cells, -1).share) },
  ];

  const count = rows?.length ?? 0;
  return (
    <Card
      variant="borderless"
      title={t('segment.byPlaceTitle')}
      extra={
        <Segmented
          size="small"
          value={by}
          onChange={(value) => patch({ by: value === 'city' ? null : value })}
          options={[
            { value: 'city', label: t('segment.byCity') },
            { value: 'project', label: t('segment.byProject') },
          ]}
          data-testid="shares-by"
        />
      }
      data-testid="shares-by-place"
    >
      <ErrorAlert error={shares.error} />
      {!rows && !shares.error && <Skeleton active paragraph={{ rows: 4 }} />}
      {rows && (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 12 }} data-testid="shares-count">
          {by === 'city' ? t('segment.cityCount', { count }) : t('segment.projectCount', { count })}
          {by === 'project' && ` · ${t('segment.byProjectHint')}`}
        </Typography.Text>
      )}
      {rows && rows.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={by === 'city' ? t('segment.noCities') : t('segment.noProjects')} />}
      {rows && rows.length > 0 && !narrow && (
        <Table<SharesRow>
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 250 + 120 * model.segments.length + 100 }}
          data-testid="shares-table"
        />
      )}
      {rows && rows.length > 0 && narrow && (
        <Flex vertical gap={12} data-testid="shares-cards">
          {rows.map((row) => {
            const top = model.segments
              .map((segment, i) => ({ name: segment.name, share: cellOf(row.cells, i).share }))
              .filter((part) => part.share > 0)
              .sort((a, b) => b.share - a.share)
              .slice(0, 3);
            return (
              <div key={row.key} data-testid={`place-card-${row.key || 'none'}`}>
                <Flex justify="space-between" gap={8} style={{ marginBottom: 4 }}>
                  <Typography.Text strong ellipsis style={{ minWidth: 0 }}>
                    {placeName(row)}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
                    {t('segment.customersCount', { count: formatNumber(row.customers, 0) })}
                  </Typography.Text>
                </Flex>
                <StackedBar row={row} model={model} />
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
                  {top.map((part) => `${part.name} ${formatShare(part.share)}`).join(' · ') || t('segment.allUnplaced')}
                </Typography.Text>
              </div>
            );
          })}
        </Flex>
      )}
    </Card>
  );
}
