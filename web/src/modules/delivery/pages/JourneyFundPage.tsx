import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Flex, Row, Tag, Typography } from 'antd';
import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useParamsPatch } from '../../../shared/hooks/useParamsPatch';
import { listFallback } from '../../../shared/ui/QueryState';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { deliveryAccess } from '../access';
import { fundChanged, useFund, useFunds } from '../queries';
import { formatFen, formatSignedFen } from '../labels';
import { kFundProposalStatuses, type JourneyFund } from '../types';
import { CompanySelect, useCompanyTree } from '../components/CompanySelect';
import { FundLedger } from '../components/FundLedger';
import { FundProposals, type ProposalFilter } from '../components/FundProposals';
import { FundEntryModal } from '../components/FundEntryModal';
import { FundProposalModal } from '../components/FundProposalModal';

/** A positive integer of the address, or undefined. */
const idParam = (value: string | null) => {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : undefined;
};

/**
 * A company's fund as a card: the balance, all inflows (profit shares and owners' contributions), the
 * corrections when there are any, all spending, the proposals waiting; chosen, it is outlined.
 */
function FundCard({ fund, chosen, onChoose }: { fund: JourneyFund; chosen: boolean; onChoose: () => void }) {
  const t = useT();
  return (
    <Card
      size="small"
      hoverable
      role="button"
      tabIndex={0}
      aria-pressed={chosen}
      onClick={onChoose}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onChoose();
        }
      }}
      style={{ height: '100%', borderColor: chosen ? '#1f4fd1' : undefined, boxShadow: chosen ? '0 0 0 1px #1f4fd1' : undefined }}
      data-testid={`fund-card-${fund.company_id}`}
      data-chosen={chosen}
    >
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Typography.Text strong style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          {fund.company_name}
        </Typography.Text>
        {fund.pending_proposals > 0 && (
          <Tag color="gold" style={{ marginInlineEnd: 0, flexShrink: 0 }}>
            {t('fund.pendingTag', { count: fund.pending_proposals })}
          </Tag>
        )}
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 8 }}>
        {t('fund.balance')}
      </Typography.Text>
      <Typography.Text strong style={{ display: 'block', fontSize: 22, lineHeight: 1.3 }} data-testid={`fund-balance-${fund.company_id}`}>
        {formatFen(fund.balance_cents)}
      </Typography.Text>
      <Flex vertical gap={2} style={{ marginTop: 8, fontSize: 12 }}>
        <Flex justify="space-between" gap={8}>
          <Typography.Text type="secondary">{t('fund.inflow')}</Typography.Text>
          <span data-testid={`fund-inflow-${fund.company_id}`}>{formatFen(fund.inflow_cents)}</span>
        </Flex>
        {fund.correction_cents !== 0 && (
          <Flex justify="space-between" gap={8}>
            <Typography.Text type="secondary">{t('fund.correction')}</Typography.Text>
            <span data-testid={`fund-correction-${fund.company_id}`}>{formatSignedFen(fund.correction_cents)}</span>
          </Flex>
        )}
        <Flex justify="space-between" gap={8}>
          <Typography.Text type="secondary">{t('fund.spent')}</Typography.Text>
          <span data-testid={`fund-spent-${fund.company_id}`}>{formatFen(fund.spent_cents)}</span>
        </Flex>
        <Flex justify="space-between" gap={8}>
          <Typography.Text type="secondary">{t('fund.pending')}</Typography.Text>
          <span data-testid={`fund-pending-${fund.company_id}`}>
            {t('fund.pendingShown', { count: fund.pending_proposals, amount: formatFen(fund.pending_cents) })}
          </span>
        </Flex>
      </Flex>
    </Card>
  );
}

/**
 * /journey/fund?company_id=&status= — 一路同行基金 (the 6+2 journey's seventh step): the funds of the
 * companies in scope as cards (balance, all inflows, all spending, the proposals waiting and what
 * they ask). A company chosen (its card, the company picker — also one without a fund yet — or the
 * address) shows its renovation proposals by status (待审批 to begin with; 批准 and 驳回 for managers)
 * and its ledger, newest first, with a link to its printable statement. Managers record inflows
 * (记录入账); customer relations file an owners' meeting's proposal (新建提案). Cards stack on a phone.
 */
export default function JourneyFundPage() {
  const t = useT();
  const { me } = useAuth();
  const access = deliveryAccess(me);
  const queryClient = useQueryClient();
  const record = useModalTarget<number | undefined>();
  const propose = useModalTarget<true>();
  const [params, show] = useParamsPatch();
  const funds = useFunds();
  const { companies, byId } = useCompanyTree();

  // The company asked for; else the only fund there is; else the user's own company.
  const own = me?.org_unit && me.org_unit.kind !== 'project' && me.org_unit.kind !== 'group' ? me.org_unit_id : undefined;
  const companyId = idParam(params.get('company_id')) ?? (funds.data?.length === 1 ? funds.data[0].company_id : undefined) ?? (funds.data?.length === 0 ? own : undefined);
  const fund = useFund(companyId);
  const statusParam = params.get('status');
  const status: ProposalFilter = statusParam === 'all' ? 'all' : (kFundProposalStatuses.find((s) => s === statusParam) ?? 'proposed');

  const choose = (id: number | undefined) => show({ company_id: id, status: null });

  // The chosen company's fund is a card too before its first entry (the list has those with entries).
  const cards = [...(funds.data ?? [])];
  if (fund.data && !cards.some((item) => item.company_id === fund.data.company_id)) cards.unshift(fund.data);
  const companyName = fund.data?.company_name ?? byId.get(companyId ?? 0)?.name ?? '';
  const fallback = cards.length === 0 ? listFallback(funds.data, funds.error, t('fund.empty')) : null;

  return (
    <>
      <PageHeader
        title={t('fund.title')}
        description={t('fund.description')}
        onRefresh={() => fundChanged(queryClient)}
        extra={
          (access.manageFund || access.proposeFund) && (
            <>
              {access.proposeFund && (
                <Button icon={<PlusOutlined />} onClick={() => propose.openModal(true)} data-testid="fund-propose">
                  {t('proposal.create')}
                </Button>
              )}
              {access.manageFund && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => record.openModal(companyId)} data-testid="fund-record">
                  {t('fund.record')}
                </Button>
              )}
            </>
          )
        }
      />
      {companies.length > 0 && (
        <Card variant="borderless" style={{ marginBottom: 16 }}>
          <Flex gap={12} wrap align="center">
            <Typography.Text strong>{t('fund.company')}</Typography.Text>
            <CompanySelect
              allowClear
              aria-label={t('fund.company')}
              placeholder={t('fund.companyPlaceholder')}
              style={{ width: 260, maxWidth: '100%' }}
              value={companyId}
              onChange={(value) => choose(value ?? undefined)}
              data-testid="fund-company"
            />
          </Flex>
        </Card>
      )}
      {fallback ?? (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="fund-cards">
          {cards.map((item) => (
            <Col key={item.company_id} xs={24} sm={12} lg={8} xxl={6}>
              <FundCard fund={item} chosen={item.company_id === companyId} onChoose={() => choose(item.company_id)} />
            </Col>
          ))}
        </Row>
      )}
      {companyId === undefined ? (
        cards.length > 0 && (
          <Card variant="borderless">
            <Empty description={t('fund.chooseCompany')} />
          </Card>
        )
      ) : fund.error ? (
        <ErrorAlert error={fund.error} />
      ) : (
        <>
          <Typography.Title level={5} style={{ margin: '0 0 12px' }} data-testid="fund-company-title">
            {t('fund.companyTitle', { company: companyName })}
          </Typography.Title>
          <FundProposals companyId={companyId} status={status} onStatus={(value) => show({ status: value === 'proposed' ? null : value })} />
          <FundLedger
            companyId={companyId}
            extra={
              <Link to={`/journey/fund/statement?company_id=${companyId}`} data-testid="fund-statement-link">
                <FileTextOutlined /> {t('statement.open')}
              </Link>
            }
          />
        </>
      )}
      {record.modal && (
        <FundEntryModal key={record.modal.key} companyId={record.modal.target} onRecorded={(entry) => choose(entry.company_id)} onClose={record.closeModal} />
      )}
      {propose.modal && (
        <FundProposalModal
          key={propose.modal.key}
          onCreated={(proposal) => show({ company_id: proposal.company_id, status: null })}
          onClose={propose.closeModal}
        />
      )}
    </>
  );
}
