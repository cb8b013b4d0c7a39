import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { customerKeys, useCustomer } from '../../customers/queries';
import { useCustomerUnits } from '../../inventory/queries';
import { salesApi } from '../api';
import { salesAccess } from '../access';
import { formatDay, formatMoney } from '../labels';
import type { Contract, Lead, Referral } from '../types';
import { IntentTag, Protection } from './LeadCells';
import { ContractStatusTag, Overdue, PaidOfTotal } from './ContractCells';
import { ReferralContract, ReferralPerson, ReferralStatus } from './ReferralCells';
import { ReferralModal } from './ReferralModal';

/**
 * The customer page's 置业 tab (a `customerTabs` entry): the projects where the customer was
 * registered (判客, with the consultant and the protection), the contracts they signed, and their
 * referrals (老带新, as referrer or referee); an owner may refer a friend from here.
 */
export function CustomerSales({ customerId }: { customerId: number }) {
  const t = useT();
  const leads = useQuery({
    queryKey: customerKeys.related(customerId, 'leads'),
    queryFn: async ({ signal }) => (await salesApi.listLeads({ customer_id: customerId, limit: 100 }, signal)).items,
  });
  const contracts = useQuery({
    queryKey: customerKeys.related(customerId, 'contracts'),
    queryFn: async ({ signal }) => (await salesApi.listContracts({ customer_id: customerId, limit: 100 }, signal)).items,
  });
  const referrals = useQuery({
    queryKey: customerKeys.related(customerId, 'referrals'),
    queryFn: async ({ signal }) => (await salesApi.listReferrals({ customer_id: customerId, limit: 100 }, signal)).items,
  });
  const { me } = useAuth();
  const customer = useCustomer(customerId).data;
  const owner = (useCustomerUnits(customerId).data?.length ?? 0) > 0;
  const refer = useModalTarget<true>();
  const mayRefer = salesAccess(me).write && owner && customer !== undefined;

  const leadColumns: TableColumnsType<Lead> = [
    {
      title: t('lead.project'),
      dataIndex: 'project_name',
      key: 'project',
      render: (name: string, lead) => (
        <Link to={`/sales/leads/${lead.id}`} data-testid={`customer-lead-${lead.id}`}>
          {name}
        </Link>
      ),
    },
    { title: t('lead.intent'), key: 'intent', width: 80, render: (_, lead) => <IntentTag intent={lead.intent} /> },
    { title: t('lead.consultant'), dataIndex: 'consultant_name', key: 'consultant', width: 120 },
    { title: t('lead.protection'), key: 'protection', width: 150, render: (_, lead) => <Protection lead={lead} /> },
    { title: t('lead.registeredAt'), dataIndex: 'registered_at', key: 'registered', width: 110, render: (at: string) => formatDay(at) },
  ];

  const contractColumns: TableColumnsType<Contract> = [
    {
      title: t('contract.no'),
      dataIndex: 'contract_no',
      key: 'no',
      render: (no: string, contract) => (
        <Link to={`/sales/contracts/${contract.id}`} data-testid={`customer-contract-${contract.id}`}>
          {no}
        </Link>
      ),
    },
    { title: t('deal.unit'), dataIndex: 'unit_code', key: 'unit', width: 100, render: (code: string, contract) => <Link to={`/units/${contract.unit_id}`}>{code}</Link> },
    { title: t('contract.signedOn'), dataIndex: 'signed_on', key: 'signed_on', width: 110 },
    { title: t('contract.total'), dataIndex: 'total_cents', key: 'total', width: 130, align: 'right', render: (cents: number) => formatMoney(cents) },
    { title: t('contract.paidOfTotalTitle'), key: 'paid', width: 190, render: (_, contract) => <PaidOfTotal contract={contract} /> },
    { title: t('contract.overdue'), dataIndex: 'overdue_cents', key: 'overdue', width: 110, align: 'right', render: (cents: number) => <Overdue cents={cents} /> },
    { title: t('contract.status'), dataIndex: 'status', key: 'status', width: 80, render: (status: string) => <ContractStatusTag status={status} /> },
  ];

  const referralColumns: TableColumnsType<Referral> = [
    {
      title: t('referral.role'),
      key: 'role',
      width: 90,
      render: (_, r) => (r.referrer_id === customerId ? t('referral.asReferrer') : t('referral.asReferee')),
    },
    {
      title: t('referral.other'),
      key: 'other',
      width: 110,
      render: (_, r) =>
        r.referrer_id === customerId ? (
          <ReferralPerson id={r.referee_id} name={r.referee_name} testId={`customer-referral-${r.id}`} />
        ) : (
          <ReferralPerson id={r.referrer_id} name={r.referrer_name} testId={`customer-referral-${r.id}`} />
        ),
    },
    { title: t('referral.project'), dataIndex: 'project_name', key: 'project', ellipsis: true },
    { title: t('referral.reward'), dataIndex: 'reward_cents', key: 'reward', width: 100, align: 'right', render: (cents: number) => formatMoney(cents) },
    { title: t('referral.status'), key: 'status', width: 110, render: (_, r) => <ReferralStatus referral={r} /> },
    { title: t('referral.contract'), key: 'contract', width: 130, render: (_, r) => <ReferralContract referral={r} /> },
    { title: t('referral.createdAt'), dataIndex: 'created_at', key: 'created', width: 110, render: (at: string) => formatDay(at) },
  ];

  const failed = leads.error ?? contracts.error ?? referrals.error;
  if (failed) return <Alert type="error" showIcon title={errorMessage(t, failed)} />;
  return (
    <Flex vertical gap={16} data-testid="customer-sales">
      <Typography.Text strong>{t('lead.registrations')}</Typography.Text>
      <Table<Lead>
        rowKey="id"
        size="small"
        loading={!leads.data}
        columns={leadColumns}
        dataSource={leads.data ?? []}
        pagination={false}
        scroll={{ x: 620 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lead.noRegistrations')} /> }}
      />
      <Typography.Text strong>{t('contract.ofCustomer')}</Typography.Text>
      <Table<Contract>
        rowKey="id"
        size="small"
        loading={!contracts.data}
        columns={contractColumns}
        dataSource={contracts.data ?? []}
        pagination={false}
        scroll={{ x: 860 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contract.empty')} /> }}
      />
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text strong>{t('referral.ofCustomer')}</Typography.Text>
        {mayRefer && (
          <Button size="small" icon={<UserAddOutlined />} onClick={() => refer.openModal(true)} data-testid="customer-refer">
            {t('referral.referAFriend')}
          </Button>
        )}
      </Flex>
      <Table<Referral>
        rowKey="id"
        size="small"
        loading={!referrals.data}
        columns={referralColumns}
        dataSource={referrals.data ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('referral.noneOfCustomer')} /> }}
        data-testid="customer-referrals"
      />
      {refer.modal && customer && <ReferralModal key={refer.modal.key} referrer={{ id: customerId, name: customer.name }} onClose={refer.closeModal} />}
    </Flex>
  );
}
