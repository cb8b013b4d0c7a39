import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Skeleton, Typography } from 'antd';
import { CrownOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { ApiError } from '../../../shared/api/client';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { clubApi } from '../api';
import { clubKeys, memberChanged, useCustomerClub } from '../queries';
import { clubAccess } from '../access';
import { formatPoints } from '../labels';
import { TierTag } from './Tags';

/** A figure of the card: its label above, its value below. */
function Figure({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <div style={{ minWidth: 0 }} data-testid={testId}>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {label}
      </Typography.Text>
      <div style={{ fontSize: 14 }}>{children}</div>
    </div>
  );
}

/**
 * 万客会 on the customer page (a `customerSections` card): a member's tier, number, balance, the
 * points that expire next and the way to their page; else that the customer is not a member, with
 * 入会 for the roles that write records (409 already_member: someone enrolled them meanwhile, and the
 * card reads the membership again).
 */
export function CustomerClub({ customerId }: { customerId: number }) {
  const t = useT();
  const { me } = useAuth();
  const access = clubAccess(me);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useCustomerClub(customerId);
  const [enrolling, setEnrolling] = useState(false);
  const [enrolError, setEnrolError] = useState<unknown>(null);

  if (query.error) return <ErrorAlert error={query.error} style={{ margin: '8px 0' }} />;
  if (query.data === undefined) return <Skeleton active paragraph={{ rows: 1 }} style={{ padding: '8px 0' }} />;
  const member = query.data;

  const enrol = async () => {
    setEnrolling(true);
    setEnrolError(null);
    try {
      const joined = await clubApi.enrol(customerId);
      queryClient.setQueryData(clubKeys.customer(customerId), joined);
      memberChanged(queryClient, joined);
      void message.success(t('customerClub.enrolled', { number: joined.member_no }));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'already_member') {
        void query.refetch();
        void message.info(t('customerClub.alreadyMember'));
      } else {
        setEnrolError(err);
        void message.error(errorMessage(t, err));
      }
    } finally {
      setEnrolling(false);
    }
  };

  if (!member) {
    return (
      <Flex gap="8px 16px" align="center" wrap style={{ padding: '8px 0' }} data-testid="customer-club" data-member="no">
        <Typography.Text type="secondary" data-testid="customer-club-none">
          {t('customerClub.notMember')}
        </Typography.Text>
        {access.write && (
          <Button type="primary" icon={<CrownOutlined />} loading={enrolling} onClick={() => void enrol()} data-testid="customer-club-enrol">
            {t('customerClub.enrol')}
          </Button>
        )}
        {!!enrolError && <ErrorAlert error={enrolError} style={{ width: '100%' }} />}
      </Flex>
    );
  }

  return (
    <Flex vertical gap={10} style={{ padding: '8px 0' }} data-testid="customer-club" data-member="yes">
      <Flex gap="6px 12px" align="center" wrap>
        <TierTag code={member.tier} name={member.tier_name} testId="customer-club-tier" />
        <Typography.Text data-testid="customer-club-number">{t('customerClub.number', { number: member.member_no })}</Typography.Text>
        <Link to={`/club/members/${member.id}`} style={{ marginInlineStart: 'auto' }} data-testid="customer-club-link">
          {t('customerClub.open')}
        </Link>
      </Flex>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))', gap: 12 }}>
        <Figure label={t('club.balance')} testId="customer-club-balance">
          <Typography.Text strong style={{ fontSize: 18 }}>
            {t('club.points', { points: formatPoints(member.balance) })}
          </Typography.Text>
        </Figure>
        <Figure label={t('club.earned12m')} testId="customer-club-earned">
          {t('club.points', { points: formatPoints(member.earned_12m) })}
        </Figure>
        <Figure label={t('club.expiring')} testId="customer-club-expiring">
          {member.expiring_at && member.expiring_points > 0
            ? t('club.expiringValue', { points: formatPoints(member.expiring_points), date: formatDateTime(member.expiring_at).slice(0, 10) })
            : t('club.expiringNone')}
        </Figure>
      </div>
    </Flex>
  );
}
