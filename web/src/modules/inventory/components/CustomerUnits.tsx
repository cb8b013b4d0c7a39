import { Link } from 'react-router-dom';
import { Alert, Empty, Table, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { useCustomerUnits } from '../queries';
import { decorationLabel, formatArea, formatShare, formatYuan } from '../labels';
import type { OwnedUnit } from '../types';
import { StatusTag } from './StatusTag';

/** The customer page's 房产 tab (a `customerTabs` entry): the units the customer owns, with their share; each opens the unit. */
export function CustomerUnits({ customerId }: { customerId: number }) {
  const t = useT();
  const { data: units, error } = useCustomerUnits(customerId);

  const columns: TableColumnsType<OwnedUnit> = [
    {
      title: t('inventory.unitCode'),
      dataIndex: 'code',
      key: 'code',
      width: 130,
      render: (code: string, unit) => (
        <Link to={`/units/${unit.id}`} data-testid={`customer-unit-${unit.id}`}>
          <Typography.Text strong style={{ color: 'inherit' }}>
            {code}
          </Typography.Text>
        </Link>
      ),
    },
    {
      title: t('inventory.project'),
      dataIndex: 'project_name',
      key: 'project_name',
      render: (name: string, unit) => <Link to={`/projects/${unit.project_id}?building=${encodeURIComponent(unit.building)}`}>{name}</Link>,
    },
    { title: t('inventory.layout'), dataIndex: 'layout', key: 'layout', width: 120, render: (layout: string) => layout || '—' },
    { title: t('inventory.area'), dataIndex: 'area_m2', key: 'area_m2', width: 100, render: (area: number) => formatArea(area) },
    { title: t('inventory.listPrice'), dataIndex: 'list_price_cents', key: 'price', width: 140, render: (cents: number) => formatYuan(cents) },
    { title: t('inventory.decoration'), dataIndex: 'decoration', key: 'decoration', width: 80, render: (value: string) => decorationLabel(t, value) },
    { title: t('inventory.status'), dataIndex: 'status', key: 'status', width: 90, render: (status: string) => <StatusTag status={status} /> },
    { title: t('owner.share'), dataIndex: 'share', key: 'share', width: 90, render: (share: number) => formatShare(share) },
  ];

  if (error) return <Alert type="error" showIcon title={errorMessage(t, error)} />;
  return (
    <Table<OwnedUnit>
      rowKey="id"
      size="middle"
      loading={!units}
      columns={columns}
      dataSource={units ?? []}
      pagination={false}
      scroll={{ x: 860 }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.unitsEmpty')} /> }}
      data-testid="customer-units"
    />
  );
}
