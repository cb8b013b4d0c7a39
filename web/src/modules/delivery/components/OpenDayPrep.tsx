// An open day's preparation meeting (筹备会, two months before it): where it stands with its day, and
// 记录筹备会 for customer relations.
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Flex, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { FormModal } from '../../../shared/ui/FormModal';
import { required } from '../../../shared/ui/formRules';
import { deliveryApi } from '../api';
import { openDayChanged } from '../queries';
import { chinaToday } from '../labels';
import { prepErrorText } from '../errors';
import { kPrepOpen, type OpenDay } from '../types';
import { PrepStateTag } from './Tags';

/** Whether 记录筹备会 is offered: a scheduled open day whose meeting is not recorded yet. */
export const prepWaiting = (day: Pick<OpenDay, 'status' | 'prep'>) => day.status === 'scheduled' && kPrepOpen.some((state) => state === day.prep.state);

/**
 * The 筹备会 of an open day: its state (已逾期 red, 即将到期 orange, 已召开 green), the day it is due
 * by or was held on, the minutes once held; 修改 (`onEdit`) beside a meeting held. `labelled` puts
 * "筹备会" before it, where no column head says so (a phone's card).
 */
export function PrepCell({ day, onEdit, labelled = false }: { day: OpenDay; onEdit?: () => void; labelled?: boolean }) {
  const t = useT();
  const { prep } = day;
  // A cancelled meeting (the open day vetoed) says no more: the open day's state says why.
  const when =
    prep.state === 'held' ? t('openDay.prepHeld', { date: prep.held_on ?? '' }) : prep.state === 'cancelled' ? null : t('openDay.prepDue', { date: prep.due_on });
  const tone = prep.state === 'late' ? 'danger' : prep.state === 'due' ? 'warning' : 'secondary';
  return (
    <div style={{ minWidth: 0 }} data-testid={`open-day-prep-${day.id}`} data-state={prep.state}>
      <Flex gap={6} align="center" wrap>
        {labelled && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('openDay.prep')}
          </Typography.Text>
        )}
        <PrepStateTag state={prep.state} />
        {when && (
          <Typography.Text type={tone} style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {when}
          </Typography.Text>
        )}
        {onEdit && prep.state === 'held' && day.status === 'scheduled' && (
          <Button type="link" size="small" style={{ padding: 0, height: 'auto', fontSize: 12 }} onClick={onEdit} data-testid={`open-day-prep-edit-${day.id}`}>
            {t('openDay.editPrep')}
          </Button>
        )}
      </Flex>
      {prep.state === 'held' && prep.note && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
          {prep.note}
        </Typography.Text>
      )}
    </div>
  );
}

interface PrepValues {
  held_on?: Dayjs;
  note: string;
}

/**
 * 记录筹备会: the day it was held (not after today, nor after the open day) and its minutes; again
 * for one held, which it replaces. Mount it once per opening.
 */
export function PrepModal({ day, onClose }: { day: OpenDay; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PrepValues>();
  // The latest day it may have been held: today, or the open day when that came first.
  const today = chinaToday();
  const latest = day.on < today ? day.on : today;
  return (
    <FormModal<PrepValues>
      form={form}
      name="open-day-prep"
      formFields={['held_on', 'note']}
      errorText={(cause) => prepErrorText(t, cause)}
      initialValues={{ held_on: dayjs(day.prep.held_on ?? latest), note: day.prep.note ?? '' }}
      autoComplete="off"
      title={t('prep.title', { project: day.project_name, date: day.on })}
      okText={t('common.save')}
      width={520}
      testId="open-day-prep-modal"
      onSave={async (values) => {
        const heldOn = values.held_on!.format('YYYY-MM-DD');
        try {
          const saved = await deliveryApi.recordPrep(day.id, { held_on: heldOn, ...(values.note.trim() ? { note: values.note.trim() } : {}) });
          openDayChanged(queryClient);
          void message.success(t('prep.recorded', { project: saved.project_name, date: saved.on, held: saved.prep.held_on ?? heldOn }));
        } catch (err) {
          if (err instanceof ApiError && err.code === 'invalid_transition') openDayChanged(queryClient);
          throw err;
        }
      }}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('prep.hint', { due: day.prep.due_on })}
      </Typography.Paragraph>
      <Form.Item name="held_on" label={t('prep.heldOn')} rules={required(t('prep.heldOnRequired'))} extra={t('prep.heldOnHint', { date: day.on })}>
        <DatePicker
          autoFocus
          style={{ width: '100%', maxWidth: 240 }}
          disabledDate={(date) => date.format('YYYY-MM-DD') > latest}
          data-testid="open-day-prep-held-on"
        />
      </Form.Item>
      <Form.Item name="note" label={t('prep.note')} rules={[{ max: 1000, message: t('reason.too_long') }]}>
        <Input.TextArea rows={3} maxLength={1000} placeholder={t('prep.notePlaceholder')} data-testid="open-day-prep-note" />
      </Form.Item>
    </FormModal>
  );
}
