import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Flex, List, Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { listFallback } from '../../../shared/ui/QueryState';
import { salesApi } from '../api';
import { dealKeys, usePledges } from '../queries';
import { contractStatusLabel, formatDay, formatMoney, kContractStatusColors, kPledgeStatusColors, pledgeStatusLabel } from '../labels';
import type { Lead } from '../types';

/** What the lead came to: its pledges (认筹, by queue number) and the customer's contracts at the project. */
export function LeadDeals({ lead }: { lead: Lead }) {
  const t = useT();
  const pledges = usePledges(lead.project_id);
  const query = { customer_id: lead.customer_id, project_id: lead.project_id, limit: 50 };
  const contracts = useQuery({
    queryKey: dealKeys.contractList(query),
    queryFn: async ({ signal }) => (await salesApi.listContracts(query, signal)).items,
  });
  const mine = pledges.data?.filter((p) => p.lead_id === lead.id || p.customer_id === lead.customer_id);
  const items =
    mine && contracts.data
      ? [
          ...contracts.data.map((c) => ({ key: `contract-${c.id}`, contract: c, pledge: null })),
          ...mine.map((p) => ({ key: `pledge-${p.id}`, contract: null, pledge: p })),
        ]
      : undefined;
  const fallback = listFallback(items, pledges.error ?? contracts.error, t('lead.noDeals'));
  if (fallback) return <div data-testid="lead-deals">{fallback}</div>;
  return (
    <List
      size="small"
      data-testid="lead-deals"
      dataSource={items}
      renderItem={({ key, contract, pledge }) => (
        <List.Item key={key} style={{ paddingInline: 0 }}>
          {contract ? (
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
