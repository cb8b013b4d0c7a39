import { Flex, Progress, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import type { MessageKey } from '../../../app/i18n/messages';
import { formatCount, skipReasonLabel } from '../labels';
import type { Campaign, CampaignResults, SkipReason } from '../types';

const kSkipped = ['no_consent', 'opted_out', 'no_address'] as const satisfies readonly SkipReason[];
/** The sending's figures in the order people read them: handed over, then what became of them, then the rest. */
const kSending = ['queued', 'handed', 'delivered', 'failed', 'pending', 'unconfigured', 'skipped_at_send', 'cancelled', 'unsubscribed'] as const satisfies readonly (keyof CampaignResults)[];
const kColors: Partial<Record<keyof CampaignResults, string>> = { delivered: '#1a7f37', failed: '#cf222e', unsubscribed: '#b35900' };

function Figure({ label, value, big, color, testId }: { label: string; value: number; big?: boolean; color?: string; testId: string }) {
  return (
    <div style={{ minWidth: 0 }} data-testid={testId} data-value={value}>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {label}
      </Typography.Text>
      <Typography.Text strong={big} style={{ fontSize: big ? 22 : 16, color }}>
        {formatCount(value)}
      </Typography.Text>
    </div>
  );
}

const grid = { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))', gap: 16 } as const;

/**
 * 发送结果: the audience, how many were queued and why the others were left out; then the sending —
 * waiting, sent (of which delivered, failed, awaiting a receipt, logged only where the channel has
 * no provider), stopped at sending (consent withdrawn or opted out meanwhile), cancelled, and the
 * opt-outs by this campaign's link — with the share handled so far. A draft says it is not sent.
 */
export function Results({ campaign }: { campaign: Campaign }) {
  const t = useT();
  if (campaign.status === 'draft') {
    return (
      <Typography.Text type="secondary" data-testid="campaign-results-draft">
        {t('campaignResults.draft')}
      </Typography.Text>
    );
  }
  const results = campaign.results;
  const done = results ? results.handed + results.skipped_at_send + results.cancelled : 0;
  const total = campaign.queued_count;
  return (
    <Flex vertical gap={20} data-testid="campaign-results">
      <div style={grid}>
        <Figure label={t('campaignResults.audience')} value={campaign.audience_count} big testId="result-audience" />
        <Figure label={t('campaignResults.queuedCount')} value={campaign.queued_count} big color="#1f4fd1" testId="result-queued-count" />
      </div>
      <div>
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
          {t('campaignResults.skippedTitle')}
        </Typography.Text>
        <div style={grid}>
          {kSkipped.map((reason) => (
            <Figure key={reason} label={skipReasonLabel(t, reason)} value={campaign.skipped[reason]} testId={`result-skipped-${reason}`} />
          ))}
        </div>
      </div>
      <div>
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
          {t('campaignResults.sendingTitle')}
        </Typography.Text>
        {results && total > 0 ? (
          <>
            <Progress percent={Math.round((done / total) * 100)} size="small" status={campaign.status === 'sending' ? 'active' : undefined} style={{ marginBottom: 4 }} />
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 12 }} data-testid="result-progress">
              {t('campaignResults.progress', { done: formatCount(done), total: formatCount(total) })}
            </Typography.Text>
            <div style={grid}>
              {kSending.map((key) => (
                <Figure key={key} label={t(`campaignResults.${key}` as MessageKey)} value={results[key]} color={results[key] > 0 ? kColors[key] : undefined} testId={`result-${key}`} />
              ))}
            </div>
          </>
        ) : (
          <Typography.Text type="secondary">{campaign.status === 'queuing' ? t('campaignResults.queuing') : '—'}</Typography.Text>
        )}
      </div>
    </Flex>
  );
}
