import type { HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Flex, Grid, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { dateColumn } from '../../../shared/ui/tableColumns';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { useSegmentModels } from '../queries';
import { segmentsAccess } from '../access';
import { formatNumber } from '../labels';
import type { SegmentModel } from '../types';
import { ComputeTag, PresetTag } from '../components/Tags';
import { NewModelModal } from '../components/NewModelModal';

/**
 * /segments — 细分模型: the models of the user's unit and of those above and below it: name, where it
 * came from (a preset or 自定义), whose, how many segments, its last computation and over how many
 * customers; each to its page. 新建模型 for managers. On a phone the rows are cards.
 */
export default function SegmentModelsPage() {
  const t = useT();
  const { me } = useAuth();
  const access = segmentsAccess(me);
  const narrow = !Grid.useBreakpoint().md;
  const create = useModalTarget<true>();
  const models = useSegmentModels();
  const items = models.data ?? [];

  const name = (model: SegmentModel) => (
    <Link to={`/segments/${model.id}`} data-testid={`model-link-${model.id}`}>
      <Typography.Text strong style={{ color: '#1f4fd1' }}>
        {model.name}
      </Typography.Text>
    </Link>
  );
  const segmentsText = (model: SegmentModel) => {
    const subs = model.segments.reduce((sum, s) => sum + s.subs.length, 0);
    return subs > 0 ? `${t('segment.segmentCount', { count: model.segments.length })} · ${t('segment.subCount', { count: subs })}` : t('segment.segmentCount', { count: model.segments.length });
  };
  const customersText = (model: SegmentModel) => (model.computed_version === 0 ? '—' : t('segment.customersCount', { count: formatNumber(model.customers, 0) }));

  const columns: TableColumnsType<SegmentModel> = [
    {
      title: t('segment.name'),
      key: 'name',
      render: (_, model) => (
        <div style={{ minWidth: 0 }}>
          {name(model)}
          {model.description && (
            <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12, maxWidth: 460 }}>
              {model.description}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { title: t('segment.origin'), key: 'preset', width: 190, render: (_, model) => <PresetTag preset={model.preset} testId={`model-preset-${model.id}`} /> },
    { title: t('segment.owner'), dataIndex: 'org_unit_name', key: 'owner', width: 130, ellipsis: true },
    { title: t('segment.segments'), key: 'segments', width: 130, render: (_, model) => segmentsText(model) },
    {
      title: t('segment.lastComputation'),
      key: 'computed',
      width: 200,
      render: (_, model) => (
        <Flex gap={6} align="center" wrap>
          <ComputeTag model={model} testId={`model-status-${model.id}`} />
          {model.computed_at && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(model.computed_at).slice(0, 16)}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t('segment.customers'), key: 'customers', width: 110, align: 'right', render: (_, model) => <span data-testid={`model-customers-${model.id}`}>{customersText(model)}</span> },
    dateColumn<SegmentModel>(t('common.updatedAt'), 'updated_at', 110),
  ];

  return (
    <>
      <PageHeader
        title={t('segment.listTitle')}
        description={t('segment.listDescription')}
        onRefresh={() => void models.refetch()}
        extra={
          access.create && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => create.openModal(true)} data-testid="model-create">
              {t('segment.create')}
            </Button>
          )
        }
      />
      <ErrorAlert error={models.error} />
      <Card variant="borderless">
        {models.data && (
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 12 }} data-testid="model-total">
            {t('segment.total', { count: items.length })}
          </Typography.Text>
        )}
        {narrow ? (
          <Spin spinning={models.isPending}>
            {items.length === 0 && !models.isPending ? (
              <Typography.Text type="secondary">{t('segment.empty')}</Typography.Text>
            ) : (
              <Flex vertical data-testid="model-cards">
                {items.map((model, index) => (
                  <div key={model.id} style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`model-row-${model.id}`}>
                    {name(model)}
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, margin: '2px 0 6px' }}>
                      {model.org_unit_name} · {segmentsText(model)} · {customersText(model)}
                    </Typography.Text>
                    <Flex gap={6} wrap>
                      <PresetTag preset={model.preset} />
                      <ComputeTag model={model} testId={`model-status-${model.id}`} />
                    </Flex>
                  </div>
                ))}
              </Flex>
            )}
          </Spin>
        ) : (
          <Table<SegmentModel>
            rowKey="id"
            loading={models.isPending}
            columns={columns}
            dataSource={items}
            pagination={false}
            scroll={{ x: 1000 }}
            onRow={(model) => ({ 'data-testid': `model-row-${model.id}` }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: t('segment.empty') }}
            data-testid="model-table"
          />
        )}
      </Card>
      {create.modal && <NewModelModal key={create.modal.key} onClose={create.closeModal} />}
    </>
  );
}
