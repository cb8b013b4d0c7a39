import { useState } from 'react';
import { Button, Flex, Form, Typography, type FormInstance } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { applyFieldErrors } from '../../../shared/ui/apiErrors';
import { campaignsApi } from '../api';
import { formatCount, skipReasonLabel } from '../labels';
import { audienceOf, fieldOf, kAudienceFields, kFields, type CampaignValues } from '../form';
import type { AudienceCount as Counted, SkipReason } from '../types';

const kReasons = ['no_consent', 'opted_out', 'no_address'] as const satisfies readonly SkipReason[];

/** A figure: its label above, its number below. */
function Figure({ label, value, strong, testId }: { label: string; value: number; strong?: boolean; testId: string }) {
  return (
    <div style={{ minWidth: 0 }} data-testid={testId} data-value={value}>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {label}
      </Typography.Text>
      <Typography.Text strong={strong} style={{ fontSize: strong ? 20 : 16, color: strong ? '#1f4fd1' : undefined }}>
        {formatCount(value)}
      </Typography.Text>
    </div>
  );
}

/**
 * 统计人数: counts the audience on the form as sending would (in the user's scope, with marketing
 * consent, not opted out, reachable on the channel) and says why the others would be left out. A
 * count for an audience or channel since changed says so.
 */
export function AudienceCount({ form }: { form: FormInstance<CampaignValues> }) {
  const t = useT();
  const watched = Form.useWatch((values: CampaignValues) => JSON.stringify({ channel: values.channel, audience: audienceOf(values) }), form);
  const [counted, setCounted] = useState<{ key: string; count: Counted } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const count = async () => {
    let values: CampaignValues;
    try {
      values = (await form.validateFields([...kAudienceFields])) as CampaignValues;
    } catch {
      return; // the form marks what is missing
    }
    const all = { ...form.getFieldsValue(true), ...values } as CampaignValues;
    setBusy(true);
    setError(null);
    try {
      const key = JSON.stringify({ channel: all.channel, audience: audienceOf(all) });
      setCounted({ key, count: await campaignsApi.count(all.channel, audienceOf(all)) });
    } catch (err) {
      const rest = applyFieldErrors(form, err, t, kFields, (field) => fieldOf(field, all.wechat_fields));
      // A fault of a field shows on it; anything else above the count.
      if (rest.length || !(err instanceof ApiError) || Object.keys(err.fields).length === 0) setError(err);
    } finally {
      setBusy(false);
    }
  };

  const stale = counted && counted.key !== watched;
  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }} data-testid="audience-count">
      <Flex gap={12} align="center" wrap>
        <Button icon={<TeamOutlined />} loading={busy} onClick={() => void count()} data-testid="audience-count-button">
          {t('campaignEditor.count')}
        </Button>
        {stale && (
          <Typography.Text type="warning" data-testid="audience-count-stale">
            {t('campaignEditor.countStale')}
          </Typography.Text>
        )}
      </Flex>
      <ErrorAlert error={error} style={{ margin: 0 }} />
      {counted && (
        <div style={{ background: '#f7f9fc', borderRadius: 8, padding: '12px 16px', opacity: stale ? 0.5 : 1 }} data-testid="audience-count-result">
          <Typography.Text strong style={{ display: 'block', marginBottom: 8, overflowWrap: 'anywhere' }} data-testid="audience-count-label">
            {counted.count.label}
          </Typography.Text>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(96px, 1fr))', gap: 12 }}>
            <Figure label={t('campaignEditor.countAudience')} value={counted.count.audience} testId="count-audience" />
            <Figure label={t('campaignEditor.countEligible')} value={counted.count.eligible} strong testId="count-eligible" />
            {kReasons.map((reason) => (
              <Figure key={reason} label={skipReasonLabel(t, reason)} value={counted.count[reason]} testId={`count-${reason}`} />
            ))}
          </div>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 8 }}>
            {t('campaignEditor.countHint')}
          </Typography.Text>
        </div>
      )}
    </Flex>
  );
}
