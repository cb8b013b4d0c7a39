import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { FormModal } from '../../../shared/ui/FormModal';
import { required } from '../../../shared/ui/formRules';
import { deliveryApi } from '../api';
import { batchKeys, handoverChanged, handoverKeys, useSlots } from '../queries';
import { formatClock, formatMinute } from '../labels';
import { slotErrorText } from '../errors';
import type { Handover } from '../types';
import { bookableSlots, FreeTimeFields, freeTime, SlotPicker } from './SlotPicker';

interface RescheduleValues {
  slot_id?: number;
  day?: Dayjs;
  time?: string;
}

/**
 * 改约 of a booked handover: another slot of its batch's calendar (the one held now marked), or,
 * when the batch has no slots, another day and half hour. A slot filled meanwhile reads the calendar
 * again; a handover begun meanwhile (409 invalid_transition) reads the handover again.
 * Mount it once per opening.
 */
export function RescheduleModal({ handover, onClose }: { handover: Handover; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RescheduleValues>();
  const calendar = useSlots(handover.batch_id);
  const slots = useMemo(() => bookableSlots(calendar.data?.items), [calendar.data]);
  const loading = handover.batch_id !== null && calendar.isLoading;
  const bySlot = slots.length > 0;
  const current = dayjs(handover.slot_at);

  return (
    <FormModal<RescheduleValues>
      form={form}
      name="reschedule-handover"
      formFields={['slot_id', 'day', 'time']}
      fieldResolver={{ slot_at: 'time' }}
      errorText={(cause) => slotErrorText(t, cause)}
      initialValues={{ day: current.startOf('day'), time: formatClock(handover.slot_at) }}
      autoComplete="off"
      title={t('reschedule.title', { code: handover.unit_code })}
      okText={t('reschedule.action')}
      width={560}
      testId="reschedule-modal"
      onSave={async (values) => {
        try {
          const moved = await deliveryApi.reschedule(handover.id, bySlot ? { slot_id: values.slot_id! } : { slot_at: freeTime(values.day!, values.time!) });
          handoverChanged(queryClient, moved);
          void message.success(t('reschedule.done', { code: moved.unit_code, at: formatMinute(moved.slot_at) }));
        } catch (err) {
          if (err instanceof ApiError && err.code === 'slot_full' && handover.batch_id !== null) {
            void queryClient.invalidateQueries({ queryKey: batchKeys.slots(handover.batch_id) });
          }
          if (err instanceof ApiError && err.code === 'invalid_transition') void queryClient.invalidateQueries({ queryKey: handoverKeys.detail(handover.id) });
          throw err;
        }
      }}
      onClose={onClose}
    >
      <Typography.Paragraph data-testid="reschedule-current">{t('reschedule.current', { at: formatMinute(handover.slot_at) })}</Typography.Paragraph>
      {loading ? (
        <Spin />
      ) : bySlot ? (
        <Form.Item
          name="slot_id"
          label={t('book.slot')}
          rules={[
            ...required(t('pick.slotRequired')),
            { validator: async (_, value?: number) => (value !== undefined && value === handover.slot_id ? Promise.reject(new Error(t('reschedule.sameSlot'))) : undefined) },
          ]}
          data-testid="reschedule-slot"
        >
          <SlotPicker slots={slots} current={handover.slot_id} preferDay={current.format('YYYY-MM-DD')} />
        </Form.Item>
      ) : (
        <FreeTimeFields />
      )}
    </FormModal>
  );
}
