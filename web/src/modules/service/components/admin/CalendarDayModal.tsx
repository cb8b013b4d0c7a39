import { useState } from 'react';
import { App, Button, Form, Input, Modal, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../../../../app/i18n/useT';
import { serviceApi } from '../../api';
import type { BusinessCalendar, CalendarDay } from '../../types';
import { ErrorAlert } from '../../../../shared/ui/ErrorAlert';
import { ApiError } from '../../../../shared/api/client';

interface Values {
  working: boolean;
  name: string;
}

/** One day of the calendar: make it a holiday or a 调休 working day, or return it to the rhythm. */
export function CalendarDayModal({
  region,
  date,
  exception,
  onClose,
  onSaved,
  onStale,
}: {
  region: string;
  date: Dayjs;
  exception: CalendarDay | undefined;
  onClose: () => void;
  onSaved: (calendar: BusinessCalendar) => void;
  onStale: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(true);
  const [busy, setBusy] = useState<'save' | 'clear' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const day = date.format('YYYY-MM-DD');
  const weekend = date.day() === 0 || date.day() === 6;

  const run = async (kind: 'save' | 'clear', call: () => Promise<BusinessCalendar>, done: string) => {
    setBusy(kind);
    setError(null);
    try {
      onSaved(await call());
      message.success(done);
      setOpen(false);
    } catch (err) {
      if (kind === 'clear' && err instanceof ApiError && err.status === 404) {
        // Someone else returned the day to the rhythm already: show the calendar as it is now.
        onStale();
        message.info(done);
        setOpen(false);
        return;
      }
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    const values = await form.validateFields();
    await run('save', () => serviceApi.setDay(region, day, { working: values.working, name: values.name.trim() }), t('serviceAdmin.daySaved', { day }));
  };

  return (
    <Modal
      open={open}
      title={t('serviceAdmin.dayTitle', { day, weekday: date.format('dddd') })}
      onCancel={() => setOpen(false)}
      afterClose={onClose}
      width={440}
      data-testid="calendar-day-modal"
      footer={[
        exception && (
          <Button key="clear" danger loading={busy === 'clear'} onClick={() => void run('clear', () => serviceApi.clearDay(region, day), t('serviceAdmin.dayCleared', { day }))} data-testid="day-clear">
            {t('serviceAdmin.dayClear')}
          </Button>
        ),
        <Button key="cancel" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>,
        <Button key="save" type="primary" loading={busy === 'save'} onClick={() => void save()} data-testid="day-save">
          {t('common.save')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{weekend ? t('serviceAdmin.dayNormalOff') : t('serviceAdmin.dayNormalWork')}</Typography.Paragraph>
      <ErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Form<Values> form={form} layout="vertical" initialValues={{ working: exception ? exception.working : weekend, name: exception?.name ?? '' }}>
        <Form.Item name="working" label={t('serviceAdmin.dayKind')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: false, label: t('serviceAdmin.dayMarkHoliday') },
              { value: true, label: t('serviceAdmin.dayMarkMakeUp') },
            ]}
            data-testid="day-working"
          />
        </Form.Item>
        <Form.Item name="name" label={t('serviceAdmin.dayName')}>
          <Input maxLength={50} placeholder={t('serviceAdmin.dayNamePlaceholder')} data-testid="day-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
