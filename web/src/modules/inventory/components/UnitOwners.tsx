import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Empty, Flex, Form, InputNumber, Popconfirm, Progress, Table, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { kBrandBlue } from '../../../app/theme';
import { FormModal } from '../../../shared/ui/FormModal';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { CustomerPicker } from '../../customers/components/CustomerPicker';
import { inventoryApi } from '../api';
import { formatShare } from '../labels';
import type { UnitOwner, UnitWithOwners } from '../types';
import { actionsColumn } from '../../../shared/ui/tableColumns';
import { required } from '../../../shared/ui/formRules';

interface OwnerFormValues {
  customer_id?: number;
  /** Percent, 0–100; sent as a fraction. */
  share?: number | null;
}

const kOwnerFormFields = ['customer_id', 'share'] as const;

/** Percent of the unit not yet owned, for the default share of a new owner. */
const freeShare = (owners: UnitOwner[]) => Math.max(0, Math.round((1 - owners.reduce((sum, o) => sum + o.share, 0)) * 10000) / 100);

/** "添加业主": a customer found by search and a share; the same customer again changes their share. */
function OwnerModal({ unit, onClose, onSaved }: { unit: UnitWithOwners; onClose: () => void; onSaved: (unit: UnitWithOwners) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<OwnerFormValues>();
  const free = freeShare(unit.owners);

  const save = async (values: OwnerFormValues) => {
    const changed = await inventoryApi.setOwner(unit.id, values.customer_id!, (values.share ?? 100) / 100);
    const owner = changed.owners.find((o) => o.customer_id === values.customer_id);
    message.success(t('owner.addedMessage', { name: owner?.name ?? `#${values.customer_id}`, code: changed.code }));
    onSaved(changed);
  };

  return (
    <FormModal<OwnerFormValues>
      form={form}
      name="owner"
      formFields={kOwnerFormFields}
      initialValues={{ share: free > 0 ? free : 100 }}
      autoComplete="off"
      title={t('owner.addTitle', { code: unit.code })}
      okText={t('common.save')}
      width={560}
      testId="owner-modal"
      onSave={save}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('owner.explain')}</Typography.Paragraph>
      <Form.Item name="customer_id" label={t('owner.customer')} rules={required(t('owner.customerRequired'))}>
        <CustomerPicker placeholder={t('owner.customerPlaceholder')} data-testid="owner-customer" />
      </Form.Item>
      <Form.Item
        name="share"
        label={t('owner.share')}
        extra={t('owner.shareHint', { free: `${free}%` })}
        rules={required(t('owner.shareRequired'))}
      >
        <InputNumber min={0.01} max={100} precision={2} suffix="%" style={{ width: 180 }} data-testid="owner-share" />
      </Form.Item>
    </FormModal>
  );
}

/** A unit's owners (one unit, several owners, shares), with links to their customer pages. */
export function UnitOwners({
  unit,
  canWrite,
  onChanged,
}: {
  unit: UnitWithOwners;
  canWrite: boolean;
  onChanged: (unit: UnitWithOwners) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const { modal, openModal, closeModal } = useModalTarget<'add'>();
  const [removeError, setRemoveError] = useState<unknown>(null);
  const total = unit.owners.reduce((sum, owner) => sum + owner.share, 0);

  const remove = async (owner: UnitOwner) => {
    setRemoveError(null);
    try {
      onChanged(await inventoryApi.removeOwner(unit.id, owner.customer_id));
      message.success(t('owner.removedMessage', { name: owner.name }));
    } catch (err) {
      setRemoveError(err);
    }
  };

  const columns: TableColumnsType<UnitOwner> = [
    {
      title: t('owner.customer'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, owner) => (
        <Link to={`/customers/${owner.customer_id}`} data-testid={`owner-link-${owner.customer_id}`}>
          {name || `#${owner.customer_id}`}
        </Link>
      ),
    },
    {
      title: t('owner.share'),
      dataIndex: 'share',
      key: 'share',
      width: 180,
      render: (share: number) => (
        <Flex align="center" gap={8}>
          <Progress percent={Math.round(share * 100)} status="normal" strokeColor={kBrandBlue} showInfo={false} size="small" style={{ width: 80, margin: 0 }} />
          <span>{formatShare(share)}</span>
        </Flex>
      ),
    },
    ...(canWrite
      ? [
          actionsColumn(t('common.actions'), 90, (owner: UnitOwner) => (
            <Popconfirm
              title={t('owner.removeConfirm', { name: owner.name })}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, 'data-testid': 'confirm-remove-owner' }}
              onConfirm={() => remove(owner)}
            >
              <Button type="link" danger size="small" icon={<DeleteOutlined />} style={{ padding: 0 }} data-testid={`remove-owner-${owner.customer_id}`}>
                {t('owner.remove')}
              </Button>
            </Popconfirm>
          )),
        ]
      : []),
  ];

  return (
    <div data-testid="unit-owners">
      {!!removeError && (
        <Alert type="error" showIcon closable={{ onClose: () => setRemoveError(null) }} title={errorMessage(t, removeError)} style={{ marginBottom: 12 }} />
      )}
      {unit.owners.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('owner.empty')} style={{ margin: '12px 0' }} />
      ) : (
        <Table<UnitOwner> rowKey="customer_id" size="small" columns={columns} dataSource={unit.owners} pagination={false} />
      )}
      <Flex justify="space-between" align="center" style={{ marginTop: 12 }} wrap gap={8}>
        <Typography.Text type="secondary" data-testid="owner-total">
          {unit.owners.length > 0 ? t('owner.total', { share: formatShare(total) }) : ''}
        </Typography.Text>
        {canWrite && (
          <Button icon={<UserAddOutlined />} onClick={() => openModal('add')} data-testid="add-owner">
            {t('owner.add')}
          </Button>
        )}
      </Flex>
      {modal && <OwnerModal key={modal.key} unit={unit} onClose={closeModal} onSaved={onChanged} />}
    </div>
  );
}
