import { useQuery } from '@tanstack/react-query';
import { Flex, Skeleton, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { salesApi } from '../api';
import { referralKeys } from '../queries';
import { formatMoney } from '../labels';
import type { Lead } from '../types';
import { ReferralPerson, ReferralStatus } from './ReferralCells';

/**
 * Who referred a lead that came by 老带新: the owner (a link to them), the reward and where it stands;
 * "—" when no referral names the lead's customer at its project (a desk registration chose the source).
 */
export function LeadReferrer({ lead }: { lead: Pick<Lead, 'customer_id' | 'project_id'> }) {
  const t = useT();
  const query = { customer_id: lead.customer_id, project_id: lead.project_id, limit: 10 };
  const { data, error } = useQuery({
    queryKey: referralKeys.list(query),
    queryFn: async ({ signal }) => (await salesApi.listReferrals(query, signal)).items,
  });
  if (!data && !error) return <Skeleton.Input active size="small" />;
  // The customer as the referee: a referral they made themselves is another matter.
  const referral = data?.find((r) => r.referee_id === lead.customer_id);
  if (!referral) return <span>—</span>;
  return (
    <Flex vertical gap={4} align="flex-start">
      <span>
        <ReferralPerson id={referral.referrer_id} name={referral.referrer_name} testId="lead-referrer" />
      </span>
      <Flex align="center" gap={6} wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('referral.leadReward', { amount: formatMoney(referral.reward_cents) })}
        </Typography.Text>
        <ReferralStatus referral={referral} testId="lead-referral-status" />
      </Flex>
    </Flex>
  );
}
