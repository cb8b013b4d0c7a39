import type { HTMLAttributes } from 'react';
import { Flex, Grid, Spin, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { CursorListFooter, CursorTable } from '../../../shared/ui/CursorTable';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { salesApi } from '../api';
import { priceKeys } from '../queries';
import { adjustMethodText, formatMinute } from '../labels';
import type { Adjustment, AdjustmentQuery } from '../types';
import { AdjustmentStatusTag, BeforeAfter, adjustmentDecision, adjustmentScope } from './PriceCells';

const kPageSize = 50;

/**
 * 调价方案 of a project, newest first, paged: name (a click opens it with its units), method and
 * value in words, the building or 全部, units, the total before → after, status, who drafted and
 * who decided. On a phone the rows are cards.
 */
export function AdjustmentList({ projectId, onOpen }: { projectId: number; onOpen: (id: number) => void }) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const query: AdjustmentQuery = { project_id: projectId, limit: kPageSize };
  const list = useCursorList(priceKeys.adjustmentList(query), (cursor, signal) => salesApi.listAdjustments({ ...query, cursor }, signal));

  const name = (a: Adjustment) => (
    <Typography.Link strong onClick={() => onOpen(a.id)} style={{ overflowWrap: 'anywhere' }} data-testid={`adjustment-open-${a.id}`}>
      {a.name}
    </Typography.Link>
  );

  const columns: TableColumnsType<Adjustment> = [
    {
      title: t('price.name'),
      key: 'name',
      width: 170,
      render: (_, a) => (
        <Flex vertical gap={0} align="flex-start">
          {name(a)}
          {a.reason && (
            <Typography.Text type="secondary" ellipsis={{ tooltip: a.reason }} style={{ fontSize: 12, maxWidth: 160 }}>
              {a.reason}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t('price.method'), key: 'method', width: 120, render: (_, a) => <span data-testid={`adjustment-method-${a.id}`}>{adjustMethodText(t, a.method, a.value)}</span> },
    { title: t('price.scope'), key: 'scope', width: 80, render: (_, a) => adjustmentScope(t, a.building) },
    { title: t('price.units'), dataIndex: 'units', key: 'units', width: 70, align: 'right', render: (units: number) => t('price.unitCount', { count: units }) },
    {
      title: t('price.totalChange'),
      key: 'total',
      width: 250,
      render: (_, a) => <BeforeAfter before={a.before_cents} after={a.after_cents} testId={`adjustment-total-${a.id}`} />,
    },
    { title: t('price.status'), dataIndex: 'status', key: 'status', width: 80, render: (status: string, a) => <AdjustmentStatusTag status={status} testId={`adjustment-status-${a.id}`} /> },
    {
      title: t('price.author'),
      key: 'author',
      width: 130,
      render: (_, a) => (
        <Flex vertical gap={0}>
          <Typography.Text>{a.created_by_name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatMinute(a.created_at)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('price.decided'),
      key: 'decided',
      width: 160,
      render: (_, a) =>
        a.decided_at ? (
          <Flex vertical gap={0} data-testid={`adjustment-decided-${a.id}`}>
            <Typography.Text>{t(a.status === 'applied' ? 'price.appliedByName' : 'price.cancelledByName', { name: a.decided_by_name ?? '—' })}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatMinute(a.decided_at)}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary" data-testid={`adjustment-decided-${a.id}`}>
            —
          </Typography.Text>
        ),
    },
  ];

  return (
    <>
      <ErrorAlert error={list.error} />
      {narrow ? (
        <Spin spinning={list.loading}>
          {list.items.length === 0 && !list.loading ? (
            <Typography.Text type="secondary">{t('price.empty')}</Typography.Text>
          ) : (
            <Flex vertical data-testid="adjustment-cards">
              {list.items.map((a, index) => (
                <div key={a.id} style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`adjustment-row-${a.id}`}>
                  <Flex justify="space-between" align="flex-start" gap={8}>
                    <div style={{ minWidth: 0 }}>{name(a)}</div>
                    <AdjustmentStatusTag status={a.status} testId={`adjustment-status-${a.id}`} />
                  </Flex>
                  <Typography.Text style={{ display: 'block' }} data-testid={`adjustment-method-${a.id}`}>
                    {adjustMethodText(t, a.method, a.value)} · {adjustmentScope(t, a.building)} · {t('price.unitCount', { count: a.units })}
                  </Typography.Text>
                  <BeforeAfter before={a.before_cents} after={a.after_cents} testId={`adjustment-total-${a.id}`} />
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t('price.draftedBy', { name: a.created_by_name, at: formatMinute(a.created_at) })}
                    {a.decided_at ? ` · ${adjustmentDecision(t, a, formatMinute)}` : ''}
                  </Typography.Text>
                </div>
              ))}
            </Flex>
          )}
          <CursorListFooter list={list} pageSize={kPageSize} />
        </Spin>
      ) : (
        <CursorTable<Adjustment>
          list={list}
          pageSize={kPageSize}
          columns={columns}
          scroll={{ x: 1060 }}
          onRow={(a) => ({ 'data-testid': `adjustment-row-${a.id}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('price.empty') }}
          data-testid="adjustment-table"
        />
      )}
    </>
  );
}
