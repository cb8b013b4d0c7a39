import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Breadcrumb, Button, Card, Col, Flex, Grid, Row, Typography } from 'antd';
import { ShoppingCartOutlined, TagsOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { BackLink, recordPage } from '../../../shared/ui/RecordPage';
import { Fact, FactGrid } from '../../../shared/ui/Fact';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { PhoneText } from '../../customers/components/CustomerCells';
import { useLead } from '../queries';
import { salesAccess } from '../access';
import {
  ageBandLabel,
  backToLeads,
  formatBudget,
  formatDay,
  formatMinute,
  householdLabel,
  leadSourceLabel,
  needTypeLabel,
} from '../labels';
import { IntentTag, LeadFallback, LeadStatusTag, NextFollowUp, Protection } from '../components/LeadCells';
import { ClaimButton } from '../components/ClaimButton';
import { DisputeButton, DisputeFiled } from '../components/DisputeButton';
import { FollowUpForm, FollowUpTimeline, useFollowUpAdded } from '../components/FollowUps';
import { PledgeModal } from '../components/PledgeModal';
import { LeadDeals } from '../components/LeadDeals';
import { LeadReferrer } from '../components/LeadReferrer';

/** A lead (判客): the customer at a project, who holds them until when, their follow-ups and deals. */
function LeadView({ id }: { id: number }) {
  const t = useT();
  const navigate = useNavigate();
  const { me } = useAuth();
  const access = salesAccess(me);
  const narrow = !Grid.useBreakpoint().md;
  const query = useLead(id);
  const lead = query.data;
  const { modal, openModal, closeModal } = useModalTarget<'pledge'>();
  const followedUp = useFollowUpAdded(id);
  // The dispute filed from this page (申请判客), said until the page is left.
  const [filedFor, setFiledFor] = useState<number | null>(null);

  if (!lead) {
    return (
      <LeadFallback error={query.error} onRetry={() => void query.refetch()} />
    );
  }

  const mine = lead.consultant_id === me?.id;
  // From the pool anyone may claim the lead, its consultant too (to hold it again).
  const claimable = access.write && lead.status === 'active' && lead.in_pool;
  // The consultant follows up their own; a manager anyone's; others must claim from the pool first.
  const mayFollowUp = access.write && (mine || access.manage);
  // Pledges and subscriptions are the holder's (or a manager's); from the pool, after a claim.
  const mayDeal = access.write && lead.status === 'active' && (access.manage || (mine && !lead.in_pool));
  // 申请判客: a consultant may dispute a lead another consultant holds (one in the pool is claimed
  // instead); managers decide disputes rather than file them.
  const disputable = access.write && !access.manage && !mine && lead.status === 'active' && !lead.in_pool;
  const filed = filedFor === lead.id;
  const dash = '—';

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={16} wrap>
        <BackLink back={backToLeads(t)} testId="back-to-leads" />
        {!narrow && (
          <Breadcrumb
            items={[
              { key: 'leads', title: <Link to="/sales/leads">{t('nav.salesLeads')}</Link> },
              { key: 'lead', title: lead.customer_name },
            ]}
          />
        )}
      </Flex>

      <Card variant="borderless" data-testid="lead-header">
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="lead-customer">
            <Link to={`/customers/${lead.customer_id}`}>{lead.customer_name}</Link>
          </Typography.Title>
          <IntentTag intent={lead.intent} testId="lead-intent" />
          {lead.status !== 'active' && <LeadStatusTag status={lead.status} testId="lead-status" />}
          {lead.status === 'active' && lead.in_pool && <Protection lead={lead} testId="lead-pool" />}
          <Flex gap={8} wrap style={{ marginLeft: narrow ? undefined : 'auto' }}>
            {claimable && <ClaimButton lead={lead} type="primary" data-testid="lead-claim" />}
            {disputable && !filed && <DisputeButton lead={lead} onFiled={(dispute) => setFiledFor(dispute.lead_id)} data-testid="lead-dispute" />}
            {mayDeal && (
              <>
                <Button icon={<TagsOutlined />} onClick={() => openModal('pledge')} data-testid="lead-pledge">
                  {t('pledge.open')}
                </Button>
                <Button type="primary" icon={<ShoppingCartOutlined />} onClick={() => navigate(`/sales/deal?lead=${lead.id}`)} data-testid="lead-subscribe">
                  {t('deal.open')}
                </Button>
              </>
            )}
          </Flex>
        </Flex>
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
          {t('lead.headerMeta', { project: lead.project_name, consultant: lead.consultant_name })}
        </Typography.Text>
        {filed && <DisputeFiled />}
        <FactGrid columns="repeat(auto-fit, minmax(150px, 1fr))">
          <Fact label={t('lead.phone')}>{lead.customer_phone ? <PhoneText phone={lead.customer_phone} /> : dash}</Fact>
          <Fact label={t('lead.project')} testId="fact-project">
            <Link to={`/projects/${lead.project_id}`}>{lead.project_name}</Link>
          </Fact>
          <Fact label={t('lead.consultant')} testId="fact-consultant">
            {lead.consultant_name}
          </Fact>
          <Fact label={t('lead.source')} testId="fact-source">
            {leadSourceLabel(t, lead.source)}
          </Fact>
          {lead.source === 'referral' && (
            <Fact label={t('referral.referredBy')} testId="fact-referrer">
              <LeadReferrer lead={lead} />
            </Fact>
          )}
          <Fact label={t('lead.protection')} testId="fact-protection">
            <Protection lead={lead} />
          </Fact>
          <Fact label={t('lead.visits')} testId="fact-visits">
            {lead.visits}
          </Fact>
          <Fact label={t('lead.budget')} testId="fact-budget">
            {formatBudget(t, lead.budget_cents)}
          </Fact>
          <Fact label={t('lead.registeredAt')}>{formatDay(lead.registered_at)}</Fact>
          <Fact label={t('lead.lastFollowUp')}>{formatMinute(lead.last_follow_up_at) || dash}</Fact>
          <Fact label={t('lead.nextFollowUp')} testId="fact-next">
            <NextFollowUp at={lead.next_follow_up_at} now={Date.now()} />
          </Fact>
        </FactGrid>
        <FactGrid columns="2fr 1fr 1fr 1fr">
          <Fact label={t('lead.needs')} testId="fact-needs" style={narrow ? { gridColumn: '1 / -1' } : undefined}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{lead.needs || dash}</span>
          </Fact>
          <Fact label={t('lead.ageBand')} testId="fact-age">
            {ageBandLabel(t, lead.age_band) || dash}
          </Fact>
          <Fact label={t('lead.household')} testId="fact-household">
            {householdLabel(t, lead.household) || dash}
          </Fact>
          <Fact label={t('lead.needType')} testId="fact-need-type">
            {needTypeLabel(t, lead.need_type) || dash}
          </Fact>
        </FactGrid>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            {access.write && (
              <Card variant="borderless" title={t('followUp.formTitle')}>
                {mayFollowUp ? (
                  <FollowUpForm leadId={lead.id} onAdded={followedUp} />
                ) : (
                  <Alert
                    type="info"
                    showIcon
                    title={lead.in_pool ? t('lead.inPoolClaimFirst') : t('lead.heldBy', { owner: lead.consultant_name })}
                    data-testid="follow-up-not-yours"
                  />
                )}
              </Card>
            )}
            <Card variant="borderless" title={t('lead.dealsTitle')}>
              <LeadDeals lead={lead} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={14}>
          <Card variant="borderless" title={t('followUp.timelineTitle')} style={{ height: '100%' }}>
            <FollowUpTimeline leadId={lead.id} />
          </Card>
        </Col>
      </Row>

      {modal && <PledgeModal key={modal.key} lead={lead} onClose={closeModal} onSaved={() => undefined} />}
    </Flex>
  );
}

/** /sales/leads/:id */
export default recordPage(LeadView, 'lead.notFoundTitle', backToLeads);
