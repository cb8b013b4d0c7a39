import { useState, type KeyboardEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, type ButtonProps, DatePicker, Empty, Flex, Form, Input, Modal, Radio, Spin, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { FormErrorAlert } from '../../../shared/ui/FormErrorAlert';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { clearChangedFieldErrors } from '../../../shared/ui/apiErrors';
import { useFormSubmit } from '../../../shared/hooks/useFormSubmit';
import { salesApi } from '../api';
import { collectionKeys, dunningContacted } from '../queries';
import { chinaToday, contactKindLabel, dunningStageLabel, formatMinute, formatMoney, kDunningStageColors } from '../labels';
import { dunningErrorText } from '../errors';
import { kContactKinds, type ContactKind, type DunningContact, type DunningTask } from '../types';

interface ContactValues {
  kind: ContactKind;
  note?: string;
  promised_on?: Dayjs | null;
}

/** The contacts made on a task, newest first: how, by whom and when, what was said, the promise. */
function ContactHistory({ taskId }: { taskId: number }) {
  const t = useT();
  const contacts = useQuery({
    queryKey: collectionKeys.contacts(taskId),
    queryFn: async ({ signal }) => (await salesApi.dunningContacts(taskId, signal)).items,
  });
  if (contacts.error) return <ErrorAlert error={contacts.error} />;
  if (!contacts.data) return <Spin size="small" />;
  if (contacts.data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dunning.noContacts')} style={{ margin: '8px 0' }} />;
  return (
    <Flex vertical data-testid="dunning-contacts">
      {contacts.data.map((c: DunningContact, index) => (
        <div key={c.id} style={{ padding: '8px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`dunning-contact-${c.id}`}>
          <Flex gap={8} align="center" wrap>
            <Tag style={{ marginInlineEnd: 0 }}>{contactKindLabel(t, c.kind)}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('dunning.contactBy', { name: c.actor_name, time: formatMinute(c.at) })}
            </Typography.Text>
            {c.promised_on && <Tag color="blue">{t('dunning.promisedOn', { date: c.promised_on })}</Tag>}
          </Flex>
          {c.note && <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{c.note}</Typography.Paragraph>}
        </div>
      ))}
    </Flex>
  );
}

/**
 * 记录催收 of a dunning task (the contract's consultant or a manager: `mayRecord`): how the buyers were
 * reached (number keys 1–5), what they said, the day they promised to pay by (the task is then 已承诺);
 * with the contacts made so far under it. Without `mayRecord`, or once paid up, only the contacts.
 * Mount it once per opening.
 */
export function DunningModal({ task, mayRecord, onClose }: { task: DunningTask; mayRecord: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(true);
  const [form] = Form.useForm<ContactValues>();
  const { saving, error, submit, settle } = useFormSubmit<ContactValues>(form, ['kind', 'note', 'promised_on']);
  const recording = mayRecord && task.status !== 'closed';
  const today = chinaToday();

  const save = () =>
    void submit(async (values) => {
      const promised = values.promised_on ? values.promised_on.format('YYYY-MM-DD') : undefined;
      try {
        const contact = await salesApi.addDunningContact(task.id, {
          kind: values.kind,
          ...(values.note?.trim() ? { note: values.note.trim() } : {}),
          ...(promised ? { promised_on: promised } : {}),
        });
        dunningContacted(queryClient, task, contact);
        void message.success(promised ? t('dunning.savedPromise', { date: promised }) : t('dunning.saved', { contract: task.contract_no }));
        setOpen(false);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'dunning_closed') void queryClient.invalidateQueries({ queryKey: collectionKeys.dunning });
        throw err;
      }
    });

  /** Number keys choose the way of contact (1 电话 … 5 其他). */
  const onKindKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const index = Number(event.key) - 1;
    if (!Number.isInteger(index) || index < 0 || index >= kContactKinds.length) return;
    event.preventDefault();
    form.setFieldValue('kind', kContactKinds[index]);
    event.currentTarget.querySelectorAll<HTMLInputElement>('input[type="radio"]')[index]?.focus();
  };

  const buyers = task.buyers.map((b) => b.name).join(t('sales.separator'));

  return (
    <Modal
      open={open}
      title={t(recording ? 'dunning.recordTitle' : 'dunning.historyTitle', { contract: task.contract_no })}
      okText={t('dunning.save')}
      okButtonProps={{ 'data-testid': 'dunning-submit', style: recording ? undefined : { display: 'none' } } as ButtonProps}
      cancelText={recording ? t('common.cancel') : t('common.ok')}
      confirmLoading={saving}
      onOk={save}
      onCancel={() => setOpen(false)}
      afterClose={onClose}
      width={560}
      data-testid="dunning-modal"
    >
      <FormErrorAlert error={error && { ...error, message: dunningErrorText(t, error.cause) }} />
      <Alert
        type={task.stage >= 3 ? 'error' : 'warning'}
        showIcon
        title={
          <Flex gap={8} align="center" wrap>
            <Tag color={kDunningStageColors[task.stage] ?? 'default'} style={{ marginInlineEnd: 0 }}>
              {dunningStageLabel(t, task.stage)}
            </Tag>
            {t('dunning.what', { buyers, amount: formatMoney(task.overdue_cents) })}
          </Flex>
        }
        description={t('dunning.whatDetail', {
          project: task.project_name,
          unit: task.unit_code,
          date: task.oldest_due_on,
          days: task.days_overdue,
          consultant: task.consultant_name,
        })}
        style={{ marginBottom: 16 }}
        data-testid="dunning-what"
      />
      {recording ? (
        <Form<ContactValues>
          form={form}
          name="dunning-contact"
          layout="vertical"
          autoComplete="off"
          initialValues={{ kind: 'call' }}
          onValuesChange={(changed) => {
            clearChangedFieldErrors(form, changed);
            settle();
          }}
        >
          <div onKeyDown={onKindKey}>
            <Form.Item name="kind" label={t('dunning.kind')}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={kContactKinds.map((value, index) => ({ value, label: `${index + 1} ${contactKindLabel(t, value)}` }))}
                data-testid="dunning-kind"
              />
            </Form.Item>
          </div>
          <Form.Item name="note" label={t('dunning.note')} rules={[{ max: 1000, message: t('reason.too_long') }]}>
            <Input.TextArea rows={3} maxLength={1000} placeholder={t('dunning.notePlaceholder')} data-testid="dunning-note" />
          </Form.Item>
          <Form.Item name="promised_on" label={t('dunning.promise')} extra={t('dunning.promiseHint')}>
            <DatePicker
              style={{ width: '100%' }}
              placeholder={t('dunning.promisePlaceholder')}
              disabledDate={(day) => day.format('YYYY-MM-DD') < today}
              defaultPickerValue={dayjs()}
              data-testid="dunning-promise"
            />
          </Form.Item>
        </Form>
      ) : (
        mayRecord || (
          <Typography.Paragraph type="secondary" data-testid="dunning-may-not">
            {t('dunning.mayNotRecord')}
          </Typography.Paragraph>
        )
      )}
      <Typography.Title level={5} style={{ marginTop: 4 }}>
        {t('dunning.history')}
      </Typography.Title>
      <ContactHistory taskId={task.id} />
    </Modal>
  );
}
