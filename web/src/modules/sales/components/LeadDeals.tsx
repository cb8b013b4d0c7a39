import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Flex, List, Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { salesAccess } from '../access';
import { listFallback } from '../../../shared/ui/QueryState';
import { salesApi } from '../api';
import { dealKeys, usePledges } from '../queries';
import { contractStatusLabel, formatDay, formatMoney, kContractStatusColors, kPledgeStatusColors, pledgeStatusLabel, subscriptionStatusLabel } from '../labels';
import type { Lead } from '../types';
import { PriceApprovalTag } from './PriceCells';

/** The project's latest subscriptions the lead page looks through for the lead's open ones. */
const kSubscriptionsLooked = 100;

/**
 * What the lead came to: its subscriptions not signed yet (认购, with 底价审批 and a link to sign), the
 * customer's contracts at the project and its pledges (认筹, by queue number).
 */
export function LeadDeals({ lead }: { lead: Lead }) {
  const t = useT();
  const write = salesAccess(useAuth().me).write;
  const pledges = usePledges(lead.project_id);
  const query = { customer_id: lead.customer_id, project_id: lead.project_id, limit: 50 };
  const contracts = useQuery({
    queryKey: dealKeys.contractList(query),
    queryFn: async ({ signal }) => (await salesApi.listContracts(query, signal)).items,
  });
  // The server lists a project's subscriptions (not a lead's): the latest ones, this lead's kept.
  const subscriptions = useQuery({
    queryKey: dealKeys.projectSubscriptions(lead.project_id),
    queryFn: async ({ signal }) => (await salesApi.listSubscriptions({ project_id: lead.project_id, limit: kSubscriptionsLooked }, signal)).items,
  });
  const mine = pledges.data?.filter((p) => p.lead_id === lead.id || p.customer_id === lead.customer_id);
  const open = subscriptions.data?.filter((s) => s.lead_id === lead.id && s.status === 'active');
  const items =
    mine && contracts.data && open
      ? [
          ...open.map((s) => ({ key: `subscription-${s.id}`, subscription: s, contract: null, pledge: null })),
          ...contracts.data.map((c) => ({ key: `contract-${c.id}`, subscription: null, contract: c, pledge: null })),
          ...mine.map((p) => ({ key: `pledge-${p.id}`, subscription: null, contract: null, pledge: p })),
        ]
      : undefined;
  const fallback = listFallback(items, pledges.error ?? contracts.error ?? subscriptions.error, t('lead.noDeals'));
  if (fallback) return <div data-testid="lead-deals">{fallback}</div>;
  return (
    <List
      size="small"
      data-testid="lead-deals"
      dataSource={items}
      renderItem={({ key, subscription, contract, pledge }) => (
        <List.Item key={key} style={{ paddingInline: 0 }}>
          {subscription ? (
            <Flex gap={8} wrap align="center" style={{ width: '100%' }} data-testid={`lead-subscription-${subscription.id}`}>
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                {subscriptionStatusLabel(t, subscription.status)}
              </Tag>
              <Typography.Text strong>{subscription.unit_code}</Typography.Text>
              <Typography.Text>{formatMoney(subscription.price_cents)}</Typography.Text>
              <PriceApprovalTag approval={subscription.approval} testId={`lead-subscription-approval-${subscription.id}`} />
              {write && (
                <Link to={`/sales/deal?lead=${lead.id}&subscription=${subscription.id}`} style={{ marginLeft: 'auto' }} data-testid={`lead-subscription-open-${subscription.id}`}>
                  {subscription.approval === 'pending' ? t('lead.subscriptionView') : t('lead.subscriptionSign')}
                </Link>
              )}
            </Flex>
          ) : contract ? (
            <Flex gap={8} wrap align="center" style={{ width: '100%' }} data-testid={`lead-contract-${contract.id}`}>
              <Tag color={kContractStatusColors[contract.status]} style={{ marginInlineEnd: 0 }}>
                {contractStatusLabel(t, contract.status)}
              </Tag>
              <Link to={`/sales/contracts/${contract.id}`}>{t('contract.numberValue', { no: contract.contract_no })}</Link>
              <Typography.Text>{contract.unit_code}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 'auto' }}>
                {t('contract.paidOfTotal', { paid: formatMoney(contract.paid_cents), total: formatMoney(contract.total_cents) })}
              </Typography.Text>
            </Flex>
          ) : pledge ? (
            <Flex gap={8} wrap align="center" style={{ width: '100%' }} data-testid={`lead-pledge-${pledge.id}`}>
              <Tag color={kPledgeStatusColors[pledge.status]} style={{ marginInlineEnd: 0 }}>
                {pledgeStatusLabel(t, pledge.status)}
              </Tag>
              <Typography.Text strong>{t('pledge.queueNo', { queue: pledge.queue_no })}</Typography.Text>
              <Typography.Text>{formatMoney(pledge.amount_cents)}</Typography.Text>
              {pledge.unit_code && <Typography.Text type="secondary">{pledge.unit_code}</Typography.Text>}
              <Typography.Text type="secondary" style={{ marginLeft: 'auto', fontSize: 12 }}>
                {formatDay(pledge.created_at)}
              </Typography.Text>
            </Flex>
          ) : null}
        </List.Item>
      )}
    />
  );
}
