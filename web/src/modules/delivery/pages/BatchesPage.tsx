import { type HTMLAttributes } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Card, Flex, Grid, Segmented, Spin, Tag, Typography, type TableColumnsType } from 'antd';
import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { CursorListFooter, CursorTable } from '../../../shared/ui/CursorTable';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { deliveryApi } from '../api';
import { batchKeys } from '../queries';
import { deliveryAccess } from '../access';
import { batchStatusLabel } from '../labels';
import { BatchStatusTag } from '../components/Tags';
import { kBatchStatuses, type BatchQuery, type BatchStatus, type DeliveryBatch } from '../types';
import { GateTags } from '../components/Gates';
import { ProjectFilter } from '../components/ProjectSelect';
import { BatchFormModal } from '../components/BatchFormModal';

const kPageSize = 50;

/** Open findings, the blocking ones in red. */
function FindingCounts({ batch }: { batch: DeliveryBatch }) {
  const t = useT();
  if (batch.open_findings === 0) return <Typography.Text type="secondary">{t('batch.noOpenFindings')}</Typography.Text>;
  return (
    <Flex gap={4} wrap align="center" data-testid={`batch-findings-${batch.id}`}>
      <span>{t('batch.findingsValue', { open: batch.open_findings })}</span>
      {batch.open_blocking > 0 && (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {t('batch.blockingValue', { count: batch.open_blocking })}
        </Tag>
      )}
    </Flex>
  );
}

/**
 * /delivery/batches — 交付批次: every batch in scope, newest first, by project and status, with its
 * units (delivered of all), open findings and its gates as small tags; 新建批次 for customer relations.
 * The address keeps the filters. On a phone the rows are cards.
 */
export default function BatchesPage() {
  const t = useT();
  const { me } = useAuth();
  const access = deliveryAccess(me);
  const narrow = !Grid.useBreakpoint().md;
  const create = useModalTarget<true>();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = kBatchStatuses.find((s) => s === statusParam);
  const projectParam = Number(params.get('project_id'));
  const projectId = Number.isInteger(projectParam) && projectParam > 0 ? projectParam : undefined;

  const show = (change: { status?: BatchStatus | null; project_id?: number | null }) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, String(value));
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  const query: BatchQuery = { ...(status ? { status } : {}), ...(projectId ? { project_id: projectId } : {}), limit: kPageSize };
  const batches = useCursorList(batchKeys.list(query), (cursor, signal) => deliveryApi.listBatches({ ...query, cursor }, signal));

  const name = (batch: DeliveryBatch) => (
    <Link to={`/delivery/batches/${batch.id}`} data-testid={`batch-link-${batch.id}`}>
      <Typography.Text strong style={{ color: '#1f4fd1' }}>
        {batch.name}
      </Typography.Text>
    </Link>
  );
  const units = (batch: DeliveryBatch) => t('batch.unitsValue', { total: batch.unit_count, delivered: batch.delivered_count });

  const columns: TableColumnsType<DeliveryBatch> = [
    { title: t('batch.name'), key: 'name', width: 180, render: (_, batch) => name(batch) },
    { title: t('batch.project'), dataIndex: 'project_name', key: 'project', width: 130, ellipsis: true },
    { title: t('batch.plannedOn'), dataIndex: 'planned_on', key: 'planned', width: 104 },
    { title: t('batch.status'), key: 'status', width: 84, render: (_, batch) => <BatchStatusTag status={batch.status} testId={`batch-status-${batch.id}`} /> },
    { title: t('batch.units'), key: 'units', width: 120, render: (_, batch) => units(batch) },
    { title: t('batch.findings'), key: 'findings', width: 130, render: (_, batch) => <FindingCounts batch={batch} /> },
    { title: t('batch.gates'), key: 'gates', width: 270, render: (_, batch) => <GateTags batch={batch} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('batch.listTitle')}
        description={t('batch.listDescription')}
        onRefresh={() => void batches.reload()}
        extra={
          <>
            {projectId && (
              <Link to={`/delivery/report?project_id=${projectId}`}>
                <Button icon={<FileTextOutlined />} data-testid="batches-report">
                  {t('deliveryReport.button')}
                </Button>
              </Link>
            )}
            {access.work && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => create.openModal(true)} data-testid="batch-create">
                {t('batch.create')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={batches.error} />
      <Card variant="borderless">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Segmented<BatchStatus | 'all'>
            value={status ?? 'all'}
            onChange={(value) => show({ status: value === 'all' ? null : value })}
            options={[{ value: 'all', label: t('common.all') }, ...kBatchStatuses.map((value) => ({ value, label: batchStatusLabel(t, value) }))]}
            data-testid="status-filter"
          />
          <ProjectFilter value={projectId} onChange={(project_id) => show({ project_id })} />
        </Flex>
        {narrow ? (
          <Spin spinning={batches.loading}>
            {batches.items.length === 0 && !batches.loading ? (
              <Typography.Text type="secondary">{t('batch.empty')}</Typography.Text>
            ) : (
              <Flex vertical data-testid="batch-cards">
                {batches.items.map((batch, index) => (
                  <div key={batch.id} style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`batch-row-${batch.id}`}>
                    <Flex justify="space-between" align="flex-start" gap={8}>
                      {name(batch)}
                      <BatchStatusTag status={batch.status} testId={`batch-status-${batch.id}`} />
                    </Flex>
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, margin: '2px 0 6px' }}>
                      {batch.project_name} · {t('batch.plannedOn')} {batch.planned_on} · {units(batch)}
                    </Typography.Text>
                    <div style={{ marginBottom: 6 }}>
                      <FindingCounts batch={batch} />
                    </div>
                    <GateTags batch={batch} />
                  </div>
                ))}
              </Flex>
            )}
            <CursorListFooter list={batches} pageSize={kPageSize} />
          </Spin>
        ) : (
          <CursorTable<DeliveryBatch>
            list={batches}
            pageSize={kPageSize}
            columns={columns}
            scroll={{ x: 1018 }}
            onRow={(batch) => ({ 'data-testid': `batch-row-${batch.id}` }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: t('batch.empty') }}
            data-testid="batch-table"
          />
        )}
      </Card>
      {create.modal && <BatchFormModal key={create.modal.key} projectId={projectId} onClose={create.closeModal} />}
    </>
  );
}
