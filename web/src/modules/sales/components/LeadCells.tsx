import { Link } from 'react-router-dom';
import { Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { RecordFallback } from '../../../shared/ui/RecordPage';
import { PhoneText } from '../../customers/components/CustomerCells';
import { backToLeads, formatDay, formatMinute, intentLabel, kIntentColors, kLeadStatusColors, leadStatusLabel } from '../labels';
import type { Intent, Lead } from '../types';

/** 意向等级 as a coloured tag: "A 级". */
export function IntentTag({ intent, testId }: { intent: Intent; testId?: string }) {
  const t = useT();
  return (
    <Tag color={kIntentColors[intent] ?? 'default'} style={{ marginInlineEnd: 0 }} data-testid={testId} data-intent={intent}>
      {intentLabel(t, intent)}
    </Tag>
  );
}

export function LeadStatusTag({ status, testId }: { status: string; testId?: string }) {
  const t = useT();
  return (
    <Tag color={kLeadStatusColors[status] ?? 'default'} style={{ marginInlineEnd: 0 }} data-testid={testId}>
      {leadStatusLabel(t, status)}
    </Tag>
  );
}

/** The customer of a lead by name (a link to the lead) over the masked phone. */
export function LeadCustomer({ lead, testId }: { lead: Lead; testId?: string }) {
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column', minWidth: 0 }}>
      <Link to={`/sales/leads/${lead.id}`} data-testid={testId}>
        <Typography.Text strong style={{ color: '#1f4fd1' }}>
          {lead.customer_name}
        </Typography.Text>
      </Link>
      {lead.customer_phone && <PhoneText phone={lead.customer_phone} />}
    </span>
  );
}

/** Until when the consultant holds the lead, or 已进入公客池 once the protection lapsed. */
export function Protection({ lead, testId }: { lead: Lead; testId?: string }) {
  const t = useT();
  if (lead.status !== 'active') return <LeadStatusTag status={lead.status} testId={testId} />;
  if (lead.in_pool) {
    return (
      <Tag color="purple" style={{ marginInlineEnd: 0 }} data-testid={testId} data-pool="true">
        {t('lead.inPool')}
      </Tag>
    );
  }
  return (
    <span style={{ whiteSpace: 'nowrap' }} data-testid={testId}>
      {t('lead.protectedUntilValue', { date: formatDay(lead.protected_until) })}
    </span>
  );
}

/** The next follow-up; red once its time has passed. */
export function NextFollowUp({ at, now, testId }: { at: string | null; now: number; testId?: string }) {
  const t = useT();
  if (!at) return <Typography.Text type="secondary">{t('lead.noNextFollowUp')}</Typography.Text>;
  const late = Date.parse(at) < now;
  return (
    <Typography.Text type={late ? 'danger' : undefined} style={{ whiteSpace: 'nowrap' }} data-testid={testId} data-late={late}>
      {formatMinute(at)}
    </Typography.Text>
  );
}

/** What a lead's page shows while the lead is loading, failed to load, or is not there. */
export function LeadFallback({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  return (
    <RecordFallback
      error={error}
      onRetry={onRetry}
      notFound={{ title: t('lead.notFoundTitle'), subtitle: t('lead.notFoundSubtitle') }}
      back={backToLeads(t)}
    />
  );
}
