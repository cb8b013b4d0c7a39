import { useState, type HTMLAttributes, type KeyboardEvent } from 'react';
import { Empty, Input, Table, Typography, type TableColumnsType } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { StatusTag } from '../../inventory/components/StatusTag';
import { formatArea, formatYuan } from '../../inventory/labels';
import type { Unit } from '../../inventory/types';
import { useOpenUnits } from '../queries';

const natural = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });

/**
 * The units of a project still for sale (available or pledged), searchable by code ("1-1-1101", or
 * just "1101"); a click or Enter in the search on a single match chooses one.
 */
export function UnitChooser({ projectId, chosenId, onChoose, onEnter }: { projectId: number; chosenId: number | null; onChoose: (unit: Unit) => void; onEnter?: (unit: Unit) => void }) {
  const t = useT();
  const units = useOpenUnits(projectId, true);
  const [typed, setTyped] = useState('');
  const needle = typed.trim().toLowerCase();
  const shown = (units.data ?? []).filter((unit) => !needle || unit.code.toLowerCase().includes(needle)).sort((a, b) => natural(a.code, b.code));

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    const unit = shown.length === 1 ? shown[0] : shown.find((u) => u.id === chosenId);
    if (!unit) return;
    event.preventDefault();
    onChoose(unit);
    onEnter?.(unit);
  };

  const columns: TableColumnsType<Unit> = [
    {
      title: t('inventory.unitCode'),
      dataIndex: 'code',
      key: 'code',
      width: 110,
      render: (code: string) => <Typography.Text strong>{code}</Typography.Text>,
    },
    { title: t('inventory.layout'), dataIndex: 'layout', key: 'layout', width: 110, render: (layout: string) => layout || '—' },
    { title: t('inventory.area'), dataIndex: 'area_m2', key: 'area', width: 100, render: (area: number) => formatArea(area) },
    { title: t('inventory.listPrice'), dataIndex: 'list_price_cents', key: 'price', width: 130, align: 'right', render: (cents: number) => formatYuan(cents) },
    { title: t('inventory.status'), dataIndex: 'status', key: 'status', width: 80, render: (status: Unit['status']) => <StatusTag status={status} /> },
  ];

  return (
    <div data-testid="unit-chooser">
      <ErrorAlert error={units.error} />
      <Input
        autoFocus
        allowClear
        prefix={<SearchOutlined style={{ color: '#8c94a3' }} />}
        placeholder={t('deal.unitSearchPlaceholder')}
        aria-label={t('deal.unitSearch')}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        onKeyDown={onSearchKey}
        style={{ width: 320, maxWidth: '100%', marginBottom: 12 }}
        data-testid="unit-search"
      />
      <Table<Unit>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={shown}
        loading={units.isLoading}
        scroll={{ x: 560 }}
        pagination={{ pageSize: 8, size: 'small', showSizeChanger: false, hideOnSinglePage: true }}
        rowSelection={{
          type: 'radio',
          selectedRowKeys: chosenId === null ? [] : [chosenId],
          onChange: (_, rows) => rows[0] && onChoose(rows[0]),
          columnWidth: 40,
        }}
        onRow={(unit) => ({ onClick: () => onChoose(unit), style: { cursor: 'pointer' }, 'data-testid': `unit-row-${unit.code}` }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={needle ? t('deal.noUnitMatches') : t('deal.noOpenUnits')} /> }}
      />
    </div>
  );
}
