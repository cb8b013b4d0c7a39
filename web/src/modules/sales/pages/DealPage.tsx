import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Grid, Result, Steps, Typography } from 'antd';
import { ArrowRightOutlined, ReloadOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { BackLink } from '../../../shared/ui/RecordPage';
import { Fact, FactGrid } from '../../../shared/ui/Fact';
import { formatYuan } from '../../inventory/labels';
import type { Unit } from '../../inventory/types';
import { salesApi } from '../api';
import { dealKeys, useLead, usePledges } from '../queries';
import { salesAccess } from '../access';
import { formatMinute, formatMoney, formatPercent } from '../labels';
import { IntentTag, LeadFallback } from '../components/LeadCells';
import { PriceApprovalTag } from '../components/PriceCells';
import { UnitChooser } from '../components/UnitChooser';
import { SubscriptionForm } from '../components/SubscriptionForm';
import { ContractForm } from '../components/ContractForm';
import type { Lead, Subscription } from '../types';

const idOf = (value: string | null) => {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : null;
};

/**
 * /sales/deal?lead=ID — 认购 and 签约 of a lead's customer in three steps: the unit (available or
 * pledged, searched by code), the subscription (buyers and shares, discount schemes, price, deposit),
 * the contract (number, date, total, payment plan); then the contract's page. Once subscribed the
 * address carries `subscription=ID`, so that the contract step survives a reload. A price below the
 * floor waits for a manager (底价审批): the contract step says so instead of offering to sign, and
 * reads the subscription again every 15 s until it is decided.
 */
export default function DealPage() {
  const t = useT();
  const { me } = useAuth();
  const [params] = useSearchParams();
  const leadId = idOf(params.get('lead'));
  if (me && !salesAccess(me).write) {
    return (
      <>
        <PageHeader title={t('deal.title')} />
        <Alert type="info" showIcon title={t('deal.mayNot')} />
      </>
    );
  }
  if (leadId === null) {
    return (
      <Result
        status="info"
        title={t('deal.noLead')}
        extra={
          <Link to="/sales/leads">
            <Button type="primary">{t('lead.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  return <DealWizard key={leadId} leadId={leadId} subscriptionId={idOf(params.get('subscription'))} />;
}

function DealWizard({ leadId, subscriptionId }: { leadId: number; subscriptionId: number | null }) {
  const query = useLead(leadId);
  const lead = query.data;
  if (!lead) {
    return (
      <LeadFallback error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  return <DealSteps lead={lead} subscriptionId={subscriptionId} />;
}

function DealSteps({ lead, subscriptionId }: { lead: Lead; subscriptionId: number | null }) {
  const t = useT();
  const navigate = useNavigate();
  const narrow = !Grid.useBreakpoint().md;
  const [, setParams] = useSearchParams();
  const [step, setStep] = useState(subscriptionId === null ? 0 : 2);
  const [unit, setUnit] = useState<Unit | null>(null);
  const [unavailable, setUnavailable] = useState<string | null>(null);
  const [made, setMade] = useState<Subscription | null>(null);
  const queryClient = useQueryClient();

  // The subscription (made here, or before: the address says which): the wizard goes on with its
  // contract. While its price waits for a manager it is read again now and then.
  const resumed = useQuery({
    queryKey: dealKeys.subscription(subscriptionId ?? 0),
    queryFn: ({ signal }) => salesApi.getSubscription(subscriptionId!, signal),
    enabled: subscriptionId !== null,
    refetchInterval: (query) => (query.state.data?.approval === 'pending' ? 15_000 : false),
  });
  const subscription = subscriptionId !== null ? (resumed.data ?? made) : made;

  // The lead's pledge still open: the subscription converts it.
  const pledges = usePledges(lead.project_id);
  const pledge = pledges.data?.find((p) => p.status === 'active' && (p.lead_id === lead.id || p.customer_id === lead.customer_id)) ?? null;

  const choose = (chosen: Unit) => {
    setUnit(chosen);
    setUnavailable(null);
  };

  const steps = [
    { key: 'unit', title: t('deal.stepUnit') },
    { key: 'subscription', title: t('deal.stepSubscription') },
    { key: 'contract', title: t('deal.stepContract') },
  ];

  const body = () => {
    if (step === 2) {
      if (!subscription) {
        return resumed.error ? (
          <Alert type="error" showIcon title={t('deal.subscriptionMissing')} />
        ) : (
          <Typography.Text type="secondary">{t('deal.loading')}</Typography.Text>
        );
      }
      if (subscription.approval === 'rejected') {
        return (
          <Result
            status="warning"
            title={t('deal.priceRejected', { code: subscription.unit_code })}
            subTitle={subscription.approval_note ? t('deal.approvalNote', { note: subscription.approval_note }) : undefined}
            extra={
              <Link to={`/sales/leads/${lead.id}`}>
                <Button>{t('deal.backToLead')}</Button>
              </Link>
            }
            data-testid="deal-price-rejected"
          />
        );
      }
      if (subscription.status !== 'active') {
        return (
          <Result
            status="info"
            title={t('deal.subscriptionNotActive', { code: subscription.unit_code })}
            extra={
              <Link to={`/sales/leads/${lead.id}`}>
                <Button>{t('deal.backToLead')}</Button>
              </Link>
            }
          />
        );
      }
      if (subscription.approval === 'pending') {
        return (
          <Alert
            type="warning"
            showIcon
            title={t('deal.approvalPending')}
            description={
              <Flex vertical gap={8} align="flex-start">
                <span>{t('deal.approvalPendingWhy', { price: formatMoney(subscription.price_cents), floor: formatMoney(subscription.floor_cents), list: formatMoney(subscription.list_price_cents) })}</span>
                <Button size="small" icon={<ReloadOutlined />} loading={resumed.isFetching} onClick={() => void resumed.refetch()} data-testid="deal-approval-refresh">
                  {t('common.refresh')}
                </Button>
              </Flex>
            }
            data-testid="deal-approval-pending"
          />
        );
      }
      return (
        <>
          {subscription.approval === 'approved' && (
            <Alert
              type="success"
              showIcon
              title={t('deal.approvalApproved', { at: formatMinute(subscription.approval_at) })}
              description={subscription.approval_note ? t('deal.approvalNote', { note: subscription.approval_note }) : undefined}
              style={{ marginBottom: 16 }}
              data-testid="deal-approval-approved"
            />
          )}
          <ContractForm subscription={subscription} onSigned={(contract) => navigate(`/sales/contracts/${contract.id}`)} />
        </>
      );
    }
    if (step === 1 && unit) {
      return (
        <SubscriptionForm
          lead={lead}
          unit={unit}
          pledge={pledge}
          onBack={() => setStep(0)}
          onUnavailable={() => {
            setUnavailable(t('deal.unitTaken', { code: unit.code }));
            setUnit(null);
            setStep(0);
          }}
          onSubscribed={(created) => {
            queryClient.setQueryData(dealKeys.subscription(created.id), created);
            setMade(created);
            setParams({ lead: String(lead.id), subscription: String(created.id) }, { replace: true });
            setStep(2);
          }}
        />
      );
    }
    return (
      <>
        {unavailable && <Alert type="warning" showIcon title={unavailable} style={{ marginBottom: 12 }} data-testid="unit-unavailable" />}
        {pledge && (
          <Alert
            type="info"
            showIcon
            title={t(pledge.unit_code ? 'deal.pledgeNoteUnit' : 'deal.pledgeNote', { queue: pledge.queue_no, amount: formatMoney(pledge.amount_cents), unit: pledge.unit_code ?? '' })}
            style={{ marginBottom: 12 }}
            data-testid="deal-pledge"
          />
        )}
        <UnitChooser
          projectId={lead.project_id}
          chosenId={unit?.id ?? null}
          onChoose={choose}
          onEnter={(chosen) => {
            choose(chosen);
            setStep(1);
          }}
        />
        <Flex justify="flex-end" style={{ marginTop: 16 }}>
          <Button type="primary" icon={<ArrowRightOutlined />} iconPlacement="end" disabled={!unit} onClick={() => setStep(1)} data-testid="deal-next">
            {t('deal.next')}
          </Button>
        </Flex>
      </>
    );
  };

  const shownUnit = subscription ? { code: subscription.unit_code, price: subscription.price_cents } : unit ? { code: unit.code, price: unit.list_price_cents } : null;
  return (
    <Flex vertical gap={16} data-testid="deal-wizard">
      <BackLink back={{ path: `/sales/leads/${lead.id}`, label: t('deal.backToLead') }} style={{ alignSelf: 'flex-start' }} />
      <Card variant="borderless">
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('deal.titleFor', { name: lead.customer_name })}
          </Typography.Title>
          <IntentTag intent={lead.intent} />
        </Flex>
        <FactGrid columns="repeat(4, minmax(0, 1fr))">
          <Fact label={t('lead.project')}>{lead.project_name}</Fact>
          <Fact label={t('lead.consultant')}>{lead.consultant_name}</Fact>
          <Fact label={t('deal.unit')} testId="deal-unit">
            {shownUnit ? shownUnit.code : '—'}
          </Fact>
          <Fact label={subscription ? t('deal.price') : t('inventory.listPrice')}>{shownUnit ? formatYuan(shownUnit.price) : '—'}</Fact>
          {subscription && subscription.list_price_cents > 0 && (
            <>
              <Fact label={t('deal.listPriceLabel')} testId="deal-list-price">
                {formatYuan(subscription.list_price_cents)}
              </Fact>
              <Fact label={t('deal.schemePrice')} testId="deal-scheme-price">
                {formatYuan(subscription.scheme_price_cents)}
                {subscription.discounts.length > 0 && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid="deal-discounts">
                    {subscription.discounts.map((d) => t('deal.discountLine', { name: d.name, amount: formatMoney(d.off_cents) })).join(t('sales.separator'))}
                  </Typography.Text>
                )}
              </Fact>
              <Fact label={t('deal.floorPrice')} testId="deal-floor">
                {formatYuan(subscription.floor_cents)}
              </Fact>
              <Fact label={t('deal.approval')} testId="deal-approval">
                {subscription.approval === 'none' ? t('deal.approvalNone') : <PriceApprovalTag approval={subscription.approval} testId="deal-approval-tag" />}
              </Fact>
            </>
          )}
          {subscription && (
            <Fact label={t('deal.buyers')} style={{ gridColumn: '1 / -1' }} testId="deal-buyers">
              {subscription.buyers.map((b) => t('sales.withShare', { name: b.name, share: formatPercent(b.share) })).join(t('sales.separator'))}
            </Fact>
          )}
        </FactGrid>
      </Card>
      <Card variant="borderless">
        <Steps
          size="small"
          current={step}
          orientation={narrow ? 'vertical' : 'horizontal'}
          items={steps.map((item, index) => ({ ...item, status: index < step ? 'finish' : index === step ? 'process' : 'wait' }))}
          style={{ marginBottom: 24, maxWidth: 720 }}
          data-testid="deal-steps"
        />
        {body()}
      </Card>
    </Flex>
  );
}
