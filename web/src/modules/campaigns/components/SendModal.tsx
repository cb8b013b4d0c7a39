import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { FormModal } from '../../../shared/ui/FormModal';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { required } from '../../../shared/ui/formRules';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { campaignsApi } from '../api';
import { campaignChanged } from '../queries';
import { channelLabel, formatCount } from '../labels';
import type { Campaign } from '../types';

interface Values {
  when: 'now' | 'later';
  send_at?: Dayjs;
}

const kFields = ['when', 'send_at'] as const;
/** The server takes a start at most this far ahead. */
const kAheadDays = 90;

/**
 * 发送: to whom and by what, how many may be sent to (counted as the dialog opens), now or from a
 * time (定时发送, within 90 days); quiet hours said when on. Sent If-Match the draft's version: a
 * change meanwhile offers 重新加载, a campaign sent meanwhile says so.
 */
export function SendModal({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [version, setVersion] = useState(campaign.version);
  const when = Form.useWatch('when', form);
  const count = useQuery({
    queryKey: ['campaigns', 'count', campaign.id, version],
    queryFn: ({ signal }) => campaignsApi.count(campaign.channel, campaign.audience, signal),
    staleTime: 0,
    retry: false,
  });

  const save = async (values: Values) => {
    const at = values.when === 'later' && values.send_at ? values.send_at.second(0).millisecond(0).toISOString() : undefined;
    const sent = await campaignsApi.send(campaign.id, version, at);
    campaignChanged(queryClient, sent);
    void message.success(at ? t('campaignSend.scheduled', { at: formatDateTime(at).slice(0, 16) }) : t('campaignSend.sent'));
  };

  const reload = async () => {
    const fresh = await campaignsApi.get(campaign.id);
    campaignChanged(queryClient, fresh);
    setVersion(fresh.version);
  };

  const now = dayjs();
  return (
    <FormModal<Values>
      form={form}
      name="campaign-send"
      formFields={kFields}
      initialValues={{ when: 'now' }}
      title={t('campaignSend.title', { name: campaign.name })}
      okText={t('campaignSend.ok')}
      width={520}
      testId="campaign-send-modal"
      onSave={save}
      onReload={reload}
      onClose={onClose}
      errorText={(cause) => (cause instanceof ApiError && cause.code === 'not_draft' ? t('campaign.notDraft') : errorMessage(t, cause))}
    >
      <Typography.Paragraph style={{ overflowWrap: 'anywhere' }} data-testid="campaign-send-summary">
        {t('campaignSend.summary', { channel: channelLabel(t, campaign.channel), audience: campaign.audience_label })}
      </Typography.Paragraph>
      <Typography.Paragraph type={count.error ? 'danger' : undefined} data-testid="campaign-send-count">
        {count.data
          ? t('campaignSend.eligible', { eligible: formatCount(count.data.eligible), audience: formatCount(count.data.audience) })
          : count.error
            ? errorMessage(t, count.error)
            : t('campaignSend.counting')}
      </Typography.Paragraph>
      <Form.Item name="when" label={t('campaignSend.when')}>
        <Radio.Group
          options={[
            { value: 'now', label: t('campaignSend.now') },
            { value: 'later', label: t('campaignSend.later') },
          ]}
          data-testid="campaign-send-when"
        />
      </Form.Item>
      {when === 'later' && (
        <Form.Item name="send_at" label={t('campaignSend.at')} rules={required(t('campaignSend.atRequired'))}>
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format="YYYY-MM-DD HH:mm"
            needConfirm={false}
            style={{ width: '100%' }}
            disabledDate={(day) => day.isBefore(now, 'day') || day.isAfter(now.add(kAheadDays, 'day'), 'day')}
            aria-label={t('campaignSend.at')}
            data-testid="campaign-send-at"
          />
        </Form.Item>
      )}
      {campaign.quiet_hours && <Typography.Paragraph type="secondary">{t('campaignSend.quiet')}</Typography.Paragraph>}
      <Alert type="warning" showIcon title={t('campaignSend.warning')} />
    </FormModal>
  );
}
