import { Link } from 'react-router-dom';
import { Breadcrumb, Button, Card, Col, Flex, Grid, Progress, Row, Typography } from 'antd';
import { GiftOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { BackLink, RecordFallback, recordPage } from '../../../shared/ui/RecordPage';
import { Fact, FactGrid } from '../../../shared/ui/Fact';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { useClubSettings, useMember } from '../queries';
import { clubAccess } from '../access';
import { backToMembers, formatPoints, nextTier } from '../labels';
import type { ClubMember, ClubTier } from '../types';
import { TierTag } from '../components/Tags';
import { Ledger } from '../components/Ledger';
import { PointsModal, type PointsMode } from '../components/PointsModal';

/** A large figure of the points card. */
function Figure({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <div data-testid={testId}>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {label}
      </Typography.Text>
      <Typography.Text strong style={{ fontSize: 22, lineHeight: 1.3 }} data-testid={`${testId}-value`}>
        {value}
      </Typography.Text>
      {hint && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {hint}
        </Typography.Text>
      )}
    </div>
  );
}

/** The member's tier with its benefits, and how far the points of the last twelve months are from the next. */
function TierCard({ member, tiers }: { member: ClubMember; tiers: ClubTier[] | undefined }) {
  const t = useT();
  const tier = tiers?.find((x) => x.code === member.tier);
  const next = nextTier(tiers, member);
  const percent = next ? Math.min(100, Math.floor((member.earned_12m / Math.max(1, next.tier.min_points_12m)) * 100)) : 100;
  return (
    <Card variant="borderless" title={t('clubMember.tierTitle')} style={{ height: '100%' }} data-testid="member-tier-card">
      <Flex gap={8} align="center" wrap>
        <TierTag code={member.tier} name={member.tier_name} testId="member-tier-name" />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('clubMember.reviewAt', { date: formatDateTime(member.review_at).slice(0, 10) })}
        </Typography.Text>
      </Flex>
      <Typography.Paragraph style={{ margin: '10px 0 0', fontSize: 13 }} data-testid="member-benefits">
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('clubMember.benefits')}
        </Typography.Text>
        {tier?.benefits || t('clubMember.noBenefits')}
      </Typography.Paragraph>
      <div style={{ marginTop: 12 }} data-testid="member-next-tier">
        {next ? (
          <>
            <Progress percent={percent} showInfo={false} size="small" strokeColor="#1f4fd1" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('clubMember.toNext', { points: formatPoints(next.missing), tier: next.tier.name, min: formatPoints(next.tier.min_points_12m) })}
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('clubMember.topTier')}
          </Typography.Text>
        )}
      </div>
    </Card>
  );
}

/**
 * A member's page: who (member number, the customer with the way to their page, company, joined),
 * the tier with its benefits and the way to the next, the balance, the points earned in twelve
 * months, those that expire next; 积分入账 and 积分兑换 for the roles that write records, 积分调整 for
 * managers; the ledger, newest first.
 */
function MemberView({ id }: { id: number }) {
  const t = useT();
  const { me } = useAuth();
  const access = clubAccess(me);
  const narrow = !Grid.useBreakpoint().md;
  const query = useMember(id);
  const settings = useClubSettings();
  const dialog = useModalTarget<PointsMode>();
  const member = query.data;

  if (!member) {
    return (
      <RecordFallback
        error={query.error}
        onRetry={() => void query.refetch()}
        notFound={{ title: t('clubMember.notFoundTitle'), subtitle: t('clubMember.notFoundSubtitle') }}
        back={backToMembers(t)}
      />
    );
  }

  const expiring =
    member.expiring_at && member.expiring_points > 0
      ? { value: t('club.points', { points: formatPoints(member.expiring_points) }), hint: t('clubMember.expiresOn', { date: formatDateTime(member.expiring_at).slice(0, 10) }) }
      : { value: '—', hint: t('club.expiringNone') };

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={16} wrap>
        <BackLink back={backToMembers(t)} testId="back-to-members" />
        {!narrow && (
          <Breadcrumb
            items={[
              { key: 'list', title: <Link to="/club/members">{t('nav.clubMembers')}</Link> },
              { key: 'member', title: member.customer_name },
            ]}
          />
        )}
      </Flex>

      <Card variant="borderless" data-testid="member-header">
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="member-name">
            {member.customer_name}
          </Typography.Title>
          <TierTag code={member.tier} name={member.tier_name} testId="member-tier" />
          {member.status === 'left' && <Typography.Text type="secondary">{t('clubMember.left')}</Typography.Text>}
          {access.write && member.status === 'active' && (
            <Flex gap={8} wrap style={{ marginInlineStart: 'auto' }}>
              <Button icon={<PlusOutlined />} onClick={() => dialog.openModal('earn')} data-testid="member-earn">
                {t('clubPoints.earnButton')}
              </Button>
              <Button type="primary" icon={<GiftOutlined />} onClick={() => dialog.openModal('redeem')} data-testid="member-redeem">
                {t('clubPoints.redeemButton')}
              </Button>
              {access.adjust && (
                <Button icon={<SwapOutlined />} onClick={() => dialog.openModal('adjust')} data-testid="member-adjust">
                  {t('clubPoints.adjustButton')}
                </Button>
              )}
            </Flex>
          )}
        </Flex>
        <FactGrid columns="repeat(auto-fit, minmax(150px, 1fr))">
          <Fact label={t('club.memberNo')} testId="member-number">
            {member.member_no}
          </Fact>
          <Fact label={t('club.customer')} testId="member-customer">
            <Link to={`/customers/${member.customer_id}`} data-testid="member-customer-link">
              {member.customer_name}
            </Link>
            {member.customer_phone && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {member.customer_phone}
              </Typography.Text>
            )}
          </Fact>
          <Fact label={t('club.company')}>{member.org_unit_name}</Fact>
          <Fact label={t('club.joinedAt')}>{formatDateTime(member.joined_at).slice(0, 10)}</Fact>
        </FactGrid>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card variant="borderless" title={t('clubMember.pointsTitle')} style={{ height: '100%' }} data-testid="member-points">
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: 16 }}>
              <Figure label={t('club.balance')} value={t('club.points', { points: formatPoints(member.balance) })} testId="member-balance" />
              <Figure label={t('club.earned12m')} value={t('club.points', { points: formatPoints(member.earned_12m) })} hint={t('clubMember.earnedTotal', { points: formatPoints(member.earned_total) })} testId="member-earned" />
              <Figure label={t('club.expiring')} value={expiring.value} hint={expiring.hint} testId="member-expiring" />
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <TierCard member={member} tiers={settings.data?.tiers} />
        </Col>
      </Row>

      <Card variant="borderless" title={t('clubLedger.title')}>
        <Ledger memberId={member.id} />
      </Card>

      {dialog.modal && <PointsModal key={dialog.modal.key} member={member} mode={dialog.modal.target} onClose={dialog.closeModal} />}
    </Flex>
  );
}

/** /club/members/:id */
export default recordPage(MemberView, 'clubMember.notFoundTitle', backToMembers);
