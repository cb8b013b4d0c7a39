import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Radio, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { FormErrorAlert } from '../../../shared/ui/FormErrorAlert';
import { listFallback } from '../../../shared/ui/QueryState';
import { clearChangedFieldErrors } from '../../../shared/ui/apiErrors';
import { required } from '../../../shared/ui/formRules';
import { useFormSubmit } from '../../../shared/hooks/useFormSubmit';
import { salesApi } from '../api';
import { leadKeys } from '../queries';
import { leadErrorText } from '../errors';
import { followUpKindLabel, followUpKindOptions, formatMinute } from '../labels';
import type { FollowUpKind } from '../types';

const kTimeFormat = 'YYYY-MM-DD HH:mm';

interface FollowUpValues {
  kind: FollowUpKind;
  note?: string;
  next_at?: Dayjs | null;
}

const kFields = ['kind', 'note', 'next_at'];

const kKindColors: Record<string, string> = { call: 'blue', visit: 'green', wechat: 'cyan', sms: 'geekblue', other: 'gray' };

/** The usual next times: tomorrow, in three days, in a week, each at 10:00. */
const kQuickNext = [
  { days: 1, label: 'followUp.tomorrow' },
  { days: 3, label: 'followUp.inThreeDays' },
  { days: 7, label: 'followUp.inAWeek' },
] as const;

/** The form that records a follow-up (跟进) of a lead: how, what was said, and when to follow up next. */
export function FollowUpForm({ leadId, onAdded }: { leadId: number; onAdded: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FollowUpValues>();
  const { saving, error, submit, settle } = useFormSubmit<FollowUpValues>(form, kFields);
  const [refusal, setRefusal] = useState<string | null>(null);

  const save = () => {
    setRefusal(null);
    void submit(async (values) => {
      try {
        await salesApi.addFollowUp(leadId, {
          kind: values.kind,
          note: values.note?.trim() || undefined,
          next_at: values.next_at ? values.next_at.second(0).millisecond(0).toISOString() : undefined,
        });
      } catch (err) {
        if (err instanceof ApiError && err.status === 409) {
          setRefusal(leadErrorText(t, err));
          return;
        }
        throw err;
      }
      void message.success(t('followUp.added'));
      form.resetFields();
      onAdded();
    });
  };

  return (
    <div data-testid="follow-up-form">
      <FormErrorAlert error={error} />
      {refusal && <Alert type="warning" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="follow-up-refused" />}
      <Form<FollowUpValues>
        form={form}
        name="follow-up"
        layout="vertical"
        initialValues={{ kind: 'call' }}
        onValuesChange={(changed) => {
          clearChangedFieldErrors(form, changed);
          settle();
        }}
      >
        <Form.Item name="kind" label={t('followUp.kind')} rules={required(t('followUp.kindRequired'))}>
          <Radio.Group optionType="button" buttonStyle="solid" options={followUpKindOptions(t)} data-testid="follow-up-kind" />
        </Form.Item>
        <Form.Item name="note" label={t('followUp.note')} rules={[{ max: 2000, message: t('reason.too_long') }]}>
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('followUp.notePlaceholder')} data-testid="follow-up-note" />
        </Form.Item>
        <Form.Item label={t('followUp.nextAt')} extra={t('followUp.nextAtHint')} style={{ marginBottom: 8 }}>
          <Flex gap={8} wrap align="center">
            <Form.Item name="next_at" noStyle>
              <DatePicker
                showTime={{ format: 'HH:mm', minuteStep: 5 }}
                format={kTimeFormat}
                disabledDate={(day) => day.isBefore(dayjs().startOf('day'))}
                placeholder={t('followUp.nextAtPlaceholder')}
                style={{ width: 200, maxWidth: '100%' }}
                aria-label={t('followUp.nextAt')}
                data-testid="follow-up-next"
              />
            </Form.Item>
            {kQuickNext.map(({ days, label }) => (
              <Button
                key={days}
                size="small"
                type="dashed"
                onClick={() => form.setFieldValue('next_at', dayjs().add(days, 'day').hour(10).minute(0).second(0).millisecond(0))}
                data-testid={`follow-up-next-${days}`}
              >
                {t(label)}
              </Button>
            ))}
          </Flex>
        </Form.Item>
        <Flex justify="flex-end">
          <Button type="primary" loading={saving} onClick={save} data-testid="follow-up-submit">
            {t('followUp.submit')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}

/** A lead's follow-ups, newest first, as a timeline: how, who, when, what was said, the next time set. */
export function FollowUpTimeline({ leadId }: { leadId: number }) {
  const t = useT();
  const query = useQuery({ queryKey: leadKeys.followUps(leadId), queryFn: async ({ signal }) => (await salesApi.followUps(leadId, signal)).items });
  const items = query.data;
  const fallback = listFallback(items, query.error, t('followUp.empty'));
  if (fallback) return <div data-testid="follow-ups">{fallback}</div>;
  return (
    <Timeline
      data-testid="follow-ups"
      items={(items ?? []).map((f) => ({
        key: f.id,
        color: kKindColors[f.kind] ?? 'gray',
        content: (
          <div data-testid={`follow-up-${f.id}`}>
            <Flex gap={8} wrap align="center">
              <Tag color={kKindColors[f.kind]} style={{ marginInlineEnd: 0 }}>
                {followUpKindLabel(t, f.kind)}
              </Tag>
              <Typography.Text strong>{f.actor_name}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatMinute(f.at)}
              </Typography.Text>
            </Flex>
            {f.note && <Typography.Paragraph style={{ margin: '6px 0 0', whiteSpace: 'pre-wrap' }}>{f.note}</Typography.Paragraph>}
            {f.next_at && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
                {t('followUp.nextSet', { at: formatMinute(f.next_at) })}
              </Typography.Text>
            )}
          </div>
        ),
      }))}
    />
  );
}

/** After a follow-up: the lead (next time, protection) and its timeline read again. */
export function useFollowUpAdded(leadId: number) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: leadKeys.detail(leadId) });
    void queryClient.invalidateQueries({ queryKey: ['leads', 'list'] });
  };
}
