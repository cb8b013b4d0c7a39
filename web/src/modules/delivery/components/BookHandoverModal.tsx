import { useEffect, useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Col, DatePicker, Form, Input, Radio, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { FormModal } from '../../../shared/ui/FormModal';
import { required } from '../../../shared/ui/formRules';
import { inventoryApi } from '../../inventory/api';
import { unitKeys } from '../../inventory/queries';
import { formatShare } from '../../inventory/labels';
import { deliveryApi } from '../api';
import { handoverChanged, useProjectUnits } from '../queries';
import { formatMinute } from '../labels';
import type { Handover } from '../types';
import { ProjectSelect } from './ProjectSelect';

const natural = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });

/** The slots of a handover day, every half hour from 08:00 to 18:30. */
const kSlots = Array.from({ length: 22 }, (_, i) => `${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);

interface BookValues {
  project_id?: number;
  unit_id?: number;
  customer_id?: number;
  day?: Dayjs;
  time?: string;
  note: string;
}

/**
 * 预约收房: the project, then the unit by its code among the contracted ones, the owner taking the keys
 * (the first owner to begin with), the day and the half-hour slot, a note. The server refuses a unit
 * not contracted, one whose batch waits for release, or one booked already, on the unit's field.
 * Mount it once per opening.
 */
export function BookHandoverModal({ day, onBooked, onClose }: { day: string; onBooked: (handover: Handover) => void; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<BookValues>();
  const projectId = Form.useWatch('project_id', form);
  const unitId = Form.useWatch('unit_id', form);
  const { units, loading } = useProjectUnits(projectId);
  const contracted = useMemo(
    () => units.filter((unit) => unit.status === 'contracted').sort((a, b) => natural(a.code, b.code)).map((unit) => ({ value: unit.id, label: unit.code })),
    [units],
  );
  const unit = useQuery({ queryKey: unitKeys.detail(unitId ?? 0), queryFn: ({ signal }) => inventoryApi.getUnit(unitId!, signal), enabled: unitId !== undefined });
  const owners = unit.data?.id === unitId ? (unit.data?.owners ?? []) : [];

  // Another project: its units; another unit: its first owner.
  useEffect(() => {
    if (form.getFieldValue('unit_id') !== undefined && !units.some((u) => u.id === form.getFieldValue('unit_id'))) form.setFieldValue('unit_id', undefined);
  }, [units, form]);
  const firstOwner = owners[0]?.customer_id;
  useEffect(() => {
    form.setFieldValue('customer_id', firstOwner);
  }, [firstOwner, form]);

  return (
    <FormModal<BookValues>
      form={form}
      name="book-handover"
      formFields={['project_id', 'unit_id', 'customer_id', 'day', 'time', 'note']}
      fieldResolver={{ slot_at: 'time' }}
      initialValues={{ day: dayjs(day), time: '09:00', note: '' }}
      autoComplete="off"
      title={t('book.title')}
      okText={t('desk.book')}
      width={560}
      testId="book-modal"
      onSave={async (values) => {
        const [hour, minute] = values.time!.split(':').map(Number);
        const slot = values.day!.hour(hour).minute(minute).second(0).millisecond(0);
        const handover = await deliveryApi.book({
          unit_id: values.unit_id!,
          slot_at: slot.toISOString(),
          ...(values.customer_id ? { customer_id: values.customer_id } : {}),
          ...(values.note.trim() ? { note: values.note.trim() } : {}),
        });
        handoverChanged(queryClient, handover);
        void message.success(t('book.booked', { code: handover.unit_code, at: formatMinute(handover.slot_at) }));
        onBooked(handover);
      }}
      onClose={onClose}
    >
      <Form.Item name="project_id" label={t('book.project')} rules={required(t('book.projectRequired'))}>
        <ProjectSelect autoFocus placeholder={t('batch.filterProject')} data-testid="book-project" />
      </Form.Item>
      <Form.Item
        name="unit_id"
        label={t('book.unit')}
        rules={required(t('book.unitRequired'))}
        extra={projectId !== undefined && !loading && contracted.length === 0 ? t('book.noContracted') : undefined}
      >
        <Select<number>
          showSearch={{ optionFilterProp: 'label' }}
          options={contracted}
          loading={loading}
          disabled={projectId === undefined}
          placeholder={t('book.unitPlaceholder')}
          data-testid="book-unit"
        />
      </Form.Item>
      {unitId !== undefined && (
        <Form.Item name="customer_id" label={t('book.owner')}>
          {owners.length ? (
            <Radio.Group
              options={owners.map((owner) => ({ value: owner.customer_id, label: t('book.ownerShare', { name: owner.name, share: formatShare(owner.share) }) }))}
              data-testid="book-owner"
            />
          ) : (
            <Typography.Text type="secondary">{unit.isLoading ? '…' : t('book.noOwners')}</Typography.Text>
          )}
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col xs={14}>
          <Form.Item name="day" label={t('book.date')} rules={required(t('book.dateRequired'))}>
            <DatePicker style={{ width: '100%' }} data-testid="book-day" />
          </Form.Item>
        </Col>
        <Col xs={10}>
          <Form.Item name="time" label={t('book.time')} rules={required(t('book.timeRequired'))}>
            <Select showSearch options={kSlots.map((slot) => ({ value: slot, label: slot }))} data-testid="book-time" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('book.note')} rules={[{ max: 1000, message: t('reason.too_long') }]}>
        <Input maxLength={1000} data-testid="book-note" />
      </Form.Item>
    </FormModal>
  );
}
