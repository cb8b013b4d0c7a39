import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Card, Col, Flex, Grid, Row, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { BackLink, RecordFallback, recordPage } from '../../../shared/ui/RecordPage';
import { Fact, FactGrid } from '../../../shared/ui/Fact';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { useProjectNames } from '../../inventory/queries';
import { salesApi } from '../api';
import { dealKeys } from '../queries';
import { salesAccess } from '../access';
import { backToContracts, formatMoney, instalmentKindLabel, paymentMethodLabel } from '../labels';
import type { Instalment, Payment } from '../types';
import { BuyerLinks, ContractStatusTag, Overdue, PaidOfTotal } from '../components/ContractCells';
import { PaymentForm } from '../components/PaymentForm';
import { ContractChanges } from '../components/ContractChanges';

/** A line of the plan: paid in full, overdue (due and unpaid), partly paid or still to come. */
function LineState({ line }: { line: Instalment }) {
  const t = useT();
  if (line.paid_cents >= line.amount_cents) return <Tag color="green">{t('plan.paid')}</Tag>;
  if (line.overdue) return <Tag color="red">{t('plan.overdue')}</Tag>;
  if (line.paid_cents > 0) return <Tag color="gold">{t('plan.partly')}</Tag>;
  return <Tag>{t('plan.due')}</Tag>;
}

/**
 * A contract (签约): its unit and buyers, its changes (变更: 换房, 更名, 退房, 折扣) and 申请变更, the
 * payment plan with what is paid and overdue, the payments and 登记回款.
 */
function ContractView({ id }: { id: number }) {
  const t = useT();
  const { me } = useAuth();
  const access = salesAccess(me);
  const narrow = !Grid.useBreakpoint().md;
  const projects = useProjectNames();
  const query = useQuery({ queryKey: dealKeys.contract(id), queryFn: ({ signal }) => salesApi.getContract(id, signal) });
  const payments = useQuery({ queryKey: dealKeys.payments(id), queryFn: async ({ signal }) => (await salesApi.payments(id, signal)).items });
  const contract = query.data;

  if (!contract) {
    return (
      <RecordFallback
        error={query.error}
        onRetry={() => void query.refetch()}
        notFound={{ title: t('contract.notFoundTitle'), subtitle: t('contract.notFoundSubtitle') }}
        back={backToContracts(t)}
      />
    );
  }

  const planColumns: TableColumnsType<Instalment> = [
    { title: t('plan.seq'), dataIndex: 'seq', key: 'seq', width: 56 },
    { title: t('contract.dueOn'), dataIndex: 'due_on', key: 'due_on', width: 110 },
    { title: t('contract.kind'), dataIndex: 'kind', key: 'kind', width: 80, render: (kind: string) => instalmentKindLabel(t, kind) },
    { title: t('contract.amount'), dataIndex: 'amount_cents', key: 'amount', width: 130, align: 'right', render: (cents: number) => formatMoney(cents) },
    { title: t('plan.paidAmount'), dataIndex: 'paid_cents', key: 'paid', width: 130, align: 'right', render: (cents: number) => formatMoney(cents) },
    { title: t('contract.status'), key: 'state', width: 90, render: (_, line) => <LineState line={line} /> },
  ];

  const paymentColumns: TableColumnsType<Payment> = [
    { title: t('payment.receiptNo'), dataIndex: 'receipt_no', key: 'receipt', width: 150, render: (no: string) => <span className="hearth-mono">{no}</span> },
    { title: t('payment.paidOn'), dataIndex: 'paid_on', key: 'paid_on', width: 110 },
    { title: t('payment.method'), dataIndex: 'method', key: 'method', width: 110, render: (method: string) => paymentMethodLabel(t, method) },
    { title: t('payment.amount'), dataIndex: 'amount_cents', key: 'amount', width: 130, align: 'right', render: (cents: number) => formatMoney(cents) },
    { title: t('payment.recordedAt'), dataIndex: 'created_at', key: 'created_at', width: 160, render: (at: string) => formatDateTime(at).slice(0, 16) },
  ];

  const projectName = projects.get(contract.project_id) ?? t('lead.project');
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={16} wrap>
        <BackLink back={backToContracts(t)} testId="back-to-contracts" />
        {!narrow && (
          <Breadcrumb
            items={[
              { key: 'contracts', title: <Link to="/sales/contracts">{t('nav.salesContracts')}</Link> },
              { key: 'contract', title: contract.contract_no },
            ]}
          />
        )}
      </Flex>

      <Card variant="borderless" data-testid="contract-header">
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="contract-no">
            {t('contract.numberValue', { no: contract.contract_no })}
          </Typography.Title>
          <ContractStatusTag status={contract.status} testId="contract-status" />
        </Flex>
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
          {t('contract.headerMeta', { project: projectName, unit: contract.unit_code, date: contract.signed_on })}
        </Typography.Text>
        <FactGrid columns="repeat(auto-fit, minmax(150px, 1fr))">
          <Fact label={t('deal.unit')} testId="fact-unit">
            <Link to={`/units/${contract.unit_id}`}>{contract.unit_code}</Link>
          </Fact>
          <Fact label={t('lead.project')}>
            <Link to={`/projects/${contract.project_id}`}>{projectName}</Link>
          </Fact>
          <Fact label={t('contract.signedOn')}>{contract.signed_on}</Fact>
          <Fact label={t('contract.total')} testId="fact-total">
            <Typography.Text strong>{formatMoney(contract.total_cents)}</Typography.Text>
          </Fact>
          <Fact label={t('contract.paidOfTotalTitle')} testId="fact-paid" style={narrow ? { gridColumn: '1 / -1' } : undefined}>
            <PaidOfTotal contract={contract} testId="contract-paid" />
          </Fact>
          <Fact label={t('contract.overdue')} testId="fact-overdue">
            <Overdue cents={contract.overdue_cents} testId="contract-overdue" />
          </Fact>
          <Fact label={t('deal.buyers')} testId="fact-buyers" style={{ gridColumn: '1 / -1' }}>
            <BuyerLinks buyers={contract.buyers} withShares />
          </Fact>
        </FactGrid>
      </Card>

      <ContractChanges contract={contract} writable={access.write} />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <Card variant="borderless" title={t('contract.plan')}>
              <Table<Instalment>
                rowKey="seq"
                size="small"
                columns={planColumns}
                dataSource={contract.payment_plan}
                pagination={false}
                scroll={{ x: 600 }}
                data-testid="plan-table"
              />
            </Card>
            <Card variant="borderless" title={t('payment.listTitle')}>
              <Table<Payment>
                rowKey="id"
                size="small"
                columns={paymentColumns}
                dataSource={payments.data}
                loading={payments.isLoading}
                pagination={false}
                scroll={{ x: 660 }}
                locale={{ emptyText: t('payment.empty') }}
                data-testid="payment-table"
              />
            </Card>
          </Flex>
        </Col>
        {access.write && contract.status === 'signed' && (
          <Col xs={24} xl={9}>
            <Card variant="borderless" title={t('payment.formTitle')}>
              <PaymentForm contract={contract} />
            </Card>
          </Col>
        )}
      </Row>
    </Flex>
  );
}

/** /sales/contracts/:id */
export default recordPage(ContractView, 'contract.notFoundTitle', backToContracts);
