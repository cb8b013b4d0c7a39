import { Link } from 'react-router-dom';
import { Flex, Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { formatDay, kReferralStatusColors, referralStatusLabel } from '../labels';
import type { Referral } from '../types';

/** 待签约 / 待发放 / 已发放, with the day it was earned or paid under it. */
export function ReferralStatus({ referral, testId }: { referral: Referral; testId?: string }) {
  const t = useT();
  const when =
    referral.status === 'paid' && referral.paid_at
      ? t('referral.paidOn', { date: formatDay(referral.paid_at) })
      : referral.status === 'earned' && referral.earned_at
        ? t('referral.earnedOn', { date: formatDay(referral.earned_at) })
        : '';
  return (
    <Flex vertical gap={2} align="flex-start" data-testid={testId} data-status={referral.status}>
      <Tag color={kReferralStatusColors[referral.status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
        {referralStatusLabel(t, referral.status)}
      </Tag>
      {when && (
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {when}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** A customer of the referral (referrer or referee), linking to their page. */
export function ReferralPerson({ id, name, testId }: { id: number; name: string; testId?: string }) {
  return (
    <Link to={`/customers/${id}`} data-testid={testId}>
      {name}
    </Link>
  );
}

/** The referee's contract, linking to its page; "未签约" until there is one. */
export function ReferralContract({ referral, testId }: { referral: Referral; testId?: string }) {
  const t = useT();
  if (referral.contract_id === null) {
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        {t('referral.notSigned')}
      </Typography.Text>
    );
  }
  return (
    <Link to={`/sales/contracts/${referral.contract_id}`} data-testid={testId}>
      {referral.contract_no ?? t('entity.contract')}
    </Link>
  );
}
