import { useState } from 'react';
import { Alert, App, Checkbox, Col, Descriptions, Flex, Form, Row, Tag, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { FormModal } from '../../../shared/ui/FormModal';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { customerApi } from '../api';
import type { Customer } from '../types';
import { CustomerAvatar } from './CustomerAvatar';
import { IdDocument, PhoneList } from './CustomerCells';
import { CustomerPicker } from './CustomerPicker';
import { required } from '../../../shared/ui/formRules';

interface Values {
  from_id?: number;
  confirmed: boolean;
}

const kFields = ['from_id', 'confirmed'] as const;

function Side({ customer, role, tone }: { customer: Customer; role: string; tone: 'keep' | 'merge' }) {
  const t = useT();
  return (
    <div
      style={{
        border: `1px solid ${tone === 'keep' ? '#b7c8f5' : '#ffd8bf'}`,
        background: tone === 'keep' ? '#f5f8ff' : '#fff9f5',
        borderRadius: 8,
        padding: 12,
        height: '100%',
      }}
      data-testid={`merge-${tone}`}
    >
      <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
        <CustomerAvatar customer={customer} size={28} />
        <Typography.Text strong>{customer.name}</Typography.Text>
        <Typography.Text type="secondary">#{customer.id}</Typography.Text>
        <Tag color={tone === 'keep' ? 'blue' : 'orange'} style={{ marginLeft: 'auto', marginInlineEnd: 0 }}>
          {role}
        </Tag>
      </Flex>
      <Descriptions size="small" column={1} colon={false} styles={{ label: { width: 72, whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('customer.phones')}>
          <PhoneList phones={customer.phones} />
        </Descriptions.Item>
        <Descriptions.Item label={t('customer.idDocument')}>
          <IdDocument customer={customer} compact />
        </Descriptions.Item>
        <Descriptions.Item label={t('customer.city')}>{customer.city ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('common.createdAt')}>{formatDateTime(customer.created_at)}</Descriptions.Item>
      </Descriptions>
    </div>
  );
}

/**
 * "合并重复档案": pick the duplicate by searching, compare the two, confirm; the duplicate's phones,
 * ID, timeline and records move into `customer` (POST /merge) and it stops answering.
 */
export function MergeModal({
  customer,
  onClose,
  onMerged,
}: {
  customer: Customer;
  onClose: () => void;
  onMerged: (survivor: Customer, fromId: number) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [picked, setPicked] = useState<Customer | null>(null);

  const save = async (values: Values) => {
    const fromId = values.from_id as number;
    const survivor = await customerApi.merge(customer.id, fromId);
    message.success(t('customer.mergedMessage', { from: fromId, name: survivor.name }));
    onMerged(survivor, fromId);
  };

  return (
    <FormModal<Values>
      form={form}
      name="merge"
      formFields={kFields}
      initialValues={{ confirmed: false }}
      title={t('customer.mergeTitle')}
      okText={t('customer.mergeConfirm')}
      okDanger
      width={760}
      testId="merge-modal"
      onSave={save}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={t('customer.mergeExplain', { name: customer.name, id: customer.id })} style={{ marginBottom: 16 }} />
      <Form.Item name="from_id" label={t('customer.mergePick')} rules={required(t('customer.mergePickRequired'))}>
        <CustomerPicker
          excludeId={customer.id}
          onPick={setPicked}
          placeholder={t('customer.mergePickPlaceholder')}
          size="large"
          data-testid="merge-picker"
        />
      </Form.Item>
      {picked && (
        <>
          <Row gutter={12} align="stretch" wrap={false} style={{ marginBottom: 16 }}>
            <Col flex="1">
              <Side customer={picked} role={t('customer.mergeFrom')} tone="merge" />
            </Col>
            <Col flex="none" style={{ display: 'flex', alignItems: 'center' }}>
              <ArrowRightOutlined style={{ fontSize: 18, color: '#8c94a3' }} />
            </Col>
            <Col flex="1">
              <Side customer={customer} role={t('customer.mergeInto')} tone="keep" />
            </Col>
          </Row>
          <Alert type="warning" showIcon title={t('customer.mergeIrreversible', { id: picked.id })} style={{ marginBottom: 12 }} />
          <Form.Item
            name="confirmed"
            valuePropName="checked"
            rules={[{ validator: async (_, checked: boolean) => { if (!checked) throw new Error(t('customer.mergeConfirmRequired')); } }]}
          >
            <Checkbox data-testid="merge-confirmed">{t('customer.mergeChecked')}</Checkbox>
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
