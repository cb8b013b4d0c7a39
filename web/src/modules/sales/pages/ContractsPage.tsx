import { Link, useSearchParams } from 'react-router-dom';
import { Card, Flex, Segmented, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { CursorTable } from '../../../shared/ui/CursorTable';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { useProjectNames } from '../../inventory/queries';
import { salesApi } from '../api';
import { dealKeys } from '../queries';
import { formatMoney } from '../labels';
import type { Contract, ContractQuery } from '../types';
import { BuyerLinks, ContractStatusTag, Overdue, PaidOfTotal } from '../components/ContractCells';
import { ProjectFilter } from '../components/ProjectFilter';

const kPageSize = 50;

/**
 * /sales/contracts — 签约台账: every contract in scope, newest first, with what is paid of the total
 * and what is overdue (in red); 逾期 keeps those with an instalment due and unpaid. The address keeps
 * the filters.
 */
export default function ContractsPage() {
  const t = useT();
  const projects = useProjectNames();
  const [params, setParams] = useSearchParams();
  const overdue = params.get('overdue') === 'true';
  const projectParam = Number(params.get('project_id'));
  const projectId = Number.isInteger(projectParam) && projectParam > 0 ? projectParam : undefined;

  const show = (change: { overdue?: boolean; project_id?: number | null }) => {
    const next = new URLSearchParams(params);
    if (change.overdue !== undefined) {
      if (change.overdue) next.set('overdue', 'true');
      else next.delete('overdue');
    }
    if (change.project_id !== undefined) {
      if (change.project_id) next.set('project_id', String(change.project_id));
      else next.delete('project_id');
    }
    setParams(next, { replace: true });
  };

  const query: ContractQuery = { ...(overdue ? { overdue: true } : {}), ...(projectId ? { project_id: projectId } : {}), limit: kPageSize };
  const contracts = useCursorList(dealKeys.contractList(query), (cursor, signal) => salesApi.listContracts({ ...query, cursor }, signal));

  const columns: TableColumnsType<Contract> = [
    {
      title: t('contract.no'),
      dataIndex: 'contract_no',
      key: 'no',
      width: 140,
      render: (no: string, contract) => (
        <Link to={`/sales/contracts/${contract.id}`} data-testid={`contract-link-${contract.id}`}>
          <Typography.Text strong style={{ color: '#1f4fd1' }}>
            {no}
          </Typography.Text>
        </Link>
      ),
    },
    {
      title: t('lead.project'),
      dataIndex: 'project_id',
      key: 'project',
      width: 130,
      ellipsis: true,
      render: (id: number) => projects.get(id) ?? '—',
    },
    {
      title: t('deal.unit'),
      dataIndex: 'unit_code',
      key: 'unit',
      width: 90,
      render: (code: string, contract) => <Link to={`/units/${contract.unit_id}`}>{code}</Link>,
    },
    { title: t('deal.buyers'), key: 'buyers', width: 140, render: (_, contract) => <BuyerLinks buyers={contract.buyers} /> },
    { title: t('contract.signedOn'), dataIndex: 'signed_on', key: 'signed_on', width: 100 },
    { title: t('contract.total'), dataIndex: 'total_cents', key: 'total', width: 120, align: 'right', render: (cents: number) => formatMoney(cents) },
    { title: t('contract.paidOfTotalTitle'), key: 'paid', width: 190, render: (_, contract) => <PaidOfTotal contract={contract} testId={`contract-paid-${contract.id}`} /> },
    {
      title: t('contract.overdue'),
      dataIndex: 'overdue_cents',
      key: 'overdue',
      width: 110,
      align: 'right',
      render: (cents: number, contract) => <Overdue cents={cents} testId={`contract-overdue-${contract.id}`} />,
    },
    { title: t('contract.status'), dataIndex: 'status', key: 'status', width: 80, render: (status: string) => <ContractStatusTag status={status} /> },
  ];

  return (
    <>
      <PageHeader title={t('contract.listTitle')} description={t('contract.listDescription')} onRefresh={() => void contracts.reload()} />
      <ErrorAlert error={contracts.error} />
      <Card variant="borderless">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Segmented<'all' | 'overdue'>
            value={overdue ? 'overdue' : 'all'}
            onChange={(value) => show({ overdue: value === 'overdue' })}
            options={[
              { value: 'all', label: t('contract.filterAll') },
              { value: 'overdue', label: t('contract.filterOverdue') },
            ]}
            data-testid="overdue-filter"
          />
          <ProjectFilter projects={projects} value={projectId} onChange={(project_id) => show({ project_id })} />
        </Flex>
        <CursorTable<Contract>
          list={contracts}
          pageSize={kPageSize}
          columns={columns}
          scroll={{ x: 1100 }}
          locale={{ emptyText: overdue ? t('contract.emptyOverdue') : t('contract.empty') }}
          data-testid="contract-table"
        />
      </Card>
    </>
  );
}
