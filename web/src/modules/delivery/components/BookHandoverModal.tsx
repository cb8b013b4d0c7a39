import { useEffect, useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Flex, Form, Input, Radio, Select, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { FormModal } from '../../../shared/ui/FormModal';
import { required } from '../../../shared/ui/formRules';
import { inventoryApi } from '../../inventory/api';
import { unitKeys } from '../../inventory/queries';
import { formatShare } from '../../inventory/labels';
import { deliveryApi } from '../api';
import { batchKeys, handoverChanged, useProjectUnits, useReleasedBatchOf, useSlots } from '../queries';
import { formatMinute } from '../labels';
import { slotErrorText } from '../errors';
import type { Handover } from '../types';
import { ProjectSelect } from './ProjectSelect';
import { bookableSlots, FreeTimeFields, freeTime, SlotPicker } from './SlotPicker';

const natural = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });

interface BookValues {
  project_id?: number;
  unit_id?: number;
  customer_id?: number;
  slot_id?: number;
  day?: Dayjs;
  time?: string;
  note: string;
}

/**
 * 预约收房: the project, then the unit by its code among the contracted ones, the owner taking the keys
 * (the first owner to begin with), the time, a note. The time is a slot of the calendar of the unit's
 * released batch (a day, then an hour with a seat left) when it has slots; else a day and a half hour.
 * The server refuses a unit not contracted, one whose batch waits for release, or one booked already,
 * on the unit's field; a slot filled meanwhile on the slot's, the calendar read again.
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

  // Another project: its units; another unit: its first owner, and no slot chosen yet.
  useEffect(() => {
    if (form.getFieldValue('unit_id') !== undefined && !units.some((u) => u.id === form.getFieldValue('unit_id'))) form.setFieldValue('unit_id', undefined);
  }, [units, form]);
  const firstOwner = owners[0]?.customer_id;
  useEffect(() => {
    form.setFieldValue('customer_id', firstOwner);
  }, [firstOwner, form]);
  useEffect(() => {
    form.setFieldValue('slot_id', undefined);
  }, [unitId, form]);

  // The unit's released batch, and its calendar's slots from today on: booked by slot when it has one.
  const { batch } = useReleasedBatchOf(unitId);
  const calendar = useSlots(batch?.id);
  const slots = useMemo(() => bookableSlots(calendar.data?.items), [calendar.data]);
  const finding = unitId !== undefined && (batch === undefined || (batch !== null && calendar.isLoading));
  const bySlot = unitId !== undefined && batch != null && slots.length > 0;

  return (
    <FormModal<BookValues>
      form={form}
      name="book-handover"
      formFields={['project_id', 'unit_id', 'customer_id', 'slot_id', 'day', 'time', 'note']}
      fieldResolver={{ slot_at: 'time' }}
      errorText={(cause) => slotErrorText(t, cause)}
      initialValues={{ day: dayjs(day), time: '09:00', note: '' }}
      autoComplete="off"
      title={t('book.title')}
      okText={t('desk.book')}
      width={560}
      testId="book-modal"
      onSave={async (values) => {
        const when = bySlot ? { slot_id: values.slot_id! } : { slot_at: freeTime(values.day!, values.time!) };
        let handover: Handover;
        try {
          handover = await deliveryApi.book({
            unit_id: values.unit_id!,
            ...when,
            ...(values.customer_id ? { customer_id: values.customer_id } : {}),
            ...(values.note.trim() ? { note: values.note.trim() } : {}),
          });
        } catch (err) {
          if (bySlot && err instanceof ApiError && err.code === 'slot_full') void queryClient.invalidateQueries({ queryKey: batchKeys.slots(batch.id) });
          throw err;
        }
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
      {finding ? (
        <Flex align="center" gap={8} style={{ marginBottom: 24 }} data-testid="book-finding-slots">
          <Spin size="small" />
          <Typography.Text type="secondary">{t('book.findingSlots')}</Typography.Text>
        </Flex>
      ) : bySlot ? (
        <Form.Item
          name="slot_id"
          label={t('book.slot')}
          rules={required(t('pick.slotRequired'))}
          extra={t('book.slotHint', { batch: batch.name })}
          data-testid="book-slot"
        >
          <SlotPicker slots={slots} preferDay={day} />
        </Form.Item>
      ) : (
        <>
          {batch && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="book-no-slots">
              {t('book.noSlots', { batch: batch.name })}
            </Typography.Paragraph>
          )}
          <FreeTimeFields />
        </>
      )}
      <Form.Item name="note" label={t('book.note')} rules={[{ max: 1000, message: t('reason.too_long') }]}>
        <Input maxLength={1000} data-testid="book-note" />
      </Form.Item>
    </FormModal>
  );
}
