import type { HTMLAttributes } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Tabs, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/useT';
import type { CursorList } from '../../../shared/hooks/useCursorList';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { CursorTable } from '../../../shared/ui/CursorTable';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { useProjectNames } from '../../inventory/queries';
import { salesApi } from '../api';
import { dealKeys, disputeKeys } from '../queries';
import { formatMinute } from '../labels';
import type { ChangeOrder, ChangeOrderQuery } from '../types';
import { ChangeKindTag, ChangeStatusTag, ChangeWhat } from '../components/ChangeCells';
import { ChangeDecisionModal } from '../components/ChangeDecisionModal';
import { PriceApprovals } from '../components/PriceApprovals';
import { LeadDisputes } from '../components/LeadDisputes';

const kPageSize = 50;

type ApprovalTab = 'pending' | 'done' | 'prices' | 'disputes';

const tabOf = (value: string | null): ApprovalTab => (value === 'done' || value === 'prices' || value === 'disputes' ? value : 'pending');

/**
 * /sales/approvals — 变更审批 (managers and administrators): the change orders waiting for a decision,
 * each with 批准 (saying what will happen) and 驳回 (with a note); 已处理 lists those decided; 底价审批
 * the subscriptions priced below the floor (components/PriceApprovals.tsx); 判客争议 the consultants'
 * attribution disputes (components/LeadDisputes.tsx), whose decided ones 已处理 lists too. The address keeps the tab.
 */
export default function ChangeApprovalsPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const projects = useProjectNames();
  const [params, setParams] = useSearchParams();
  const tab = tabOf(params.get('tab'));
  const decide = useModalTarget<{ change: ChangeOrder; approve: boolean }>();

  // 已处理 is every change order but the pending ones (the server filters by one status at a time).
  const query: ChangeOrderQuery = { ...(tab === 'pending' ? { status: 'pending' } : {}), limit: kPageSize };
  const all = useCursorList(dealKeys.changeOrderList(query), (cursor, signal) => salesApi.listChangeOrders({ ...query, cursor }, signal));
  const list: CursorList<ChangeOrder> = tab === 'pending' ? all : { ...all, items: all.items.filter((c) => c.status !== 'pending') };

  const show = (next: ApprovalTab) => {
    const search = new URLSearchParams(params);
    if (next === 'pending') search.delete('tab');
    else search.set('tab', next);
    setParams(search, { replace: true });
  };

  const columns: TableColumnsType<ChangeOrder> = [
    {
      title: t('approvals.contract'),
      dataIndex: 'contract_no',
      key: 'contract',
      width: 150,
      render: (no: string, change) => (
        <Flex vertical gap={0}>
          <Link to={`/sales/contracts/${change.contract_id}`} data-testid={`approval-contract-${change.id}`}>
            <Typography.Text strong style={{ color: '#1f4fd1' }}>
              {no}
            </Typography.Text>
          </Link>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 140 }}>
            {projects.get(change.project_id) ?? ''}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('approvals.kind'), dataIndex: 'kind', key: 'kind', width: 80, render: (kind: string) => <ChangeKindTag kind={kind} /> },
    { title: t('approvals.what'), key: 'what', width: 220, render: (_, change) => <ChangeWhat change={change} testId={`approval-what-${change.id}`} /> },
    {
      title: t('approvals.reason'),
      dataIndex: 'reason',
      key: 'reason',
      width: 220,
      render: (reason: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: reason }} style={{ margin: 0 }}>
          {reason}
        </Typography.Paragraph>
      ),
    },
    { title: t('approvals.requestedBy'), dataIndex: 'requested_by_name', key: 'by', width: 110 },
    { title: t('approvals.requestedAt'), dataIndex: 'created_at', key: 'at', width: 140, render: (at: string) => formatMinute(at) },
    ...(tab === 'pending'
      ? ([
          {
            title: t('approvals.actions'),
            key: 'actions',
            width: 150,
            render: (_, change) => (
              <Flex gap={8}>
                <Button type="primary" size="small" onClick={() => decide.openModal({ change, approve: true })} data-testid={`approve-${change.id}`}>
                  {t('approvals.approve')}
                </Button>
                <Button danger size="small" onClick={() => decide.openModal({ change, approve: false })} data-testid={`reject-${change.id}`}>
                  {t('approvals.reject')}
                </Button>
              </Flex>
            ),
          },
        ] satisfies TableColumnsType<ChangeOrder>)
      : ([
          {
            title: t('approvals.status'),
            dataIndex: 'status',
            key: 'status',
            width: 90,
            render: (status: string, change) => <ChangeStatusTag status={status} testId={`approval-status-${change.id}`} />,
          },
          { title: t('approvals.decidedAt'), dataIndex: 'decided_at', key: 'decided', width: 140, render: (at: string | null) => formatMinute(at) || '—' },
          {
            title: t('approvals.note'),
            dataIndex: 'decision_note',
            key: 'note',
            width: 180,
            render: (note: string) => (
              <Typography.Paragraph ellipsis={{ rows: 2, tooltip: note }} style={{ margin: 0 }}>
                {note || '—'}
              </Typography.Paragraph>
            ),
          },
        ] satisfies TableColumnsType<ChangeOrder>)),
  ];

  return (
    <>
      <PageHeader
        title={t('approvals.title')}
        description={t('approvals.description')}
        onRefresh={() => {
          if (tab === 'prices') void queryClient.invalidateQueries({ queryKey: dealKeys.priceApprovals });
          else if (tab === 'disputes') void queryClient.invalidateQueries({ queryKey: disputeKeys.all });
          else {
            void all.reload();
            if (tab === 'done') void queryClient.invalidateQueries({ queryKey: disputeKeys.all });
          }
        }}
      />
      {(tab === 'pending' || tab === 'done') && <ErrorAlert error={all.error} />}
      <Card variant="borderless">
        <Tabs
          activeKey={tab}
          onChange={(key) => show(key as ApprovalTab)}
          data-testid="approval-tabs"
          items={[
            { key: 'pending', label: t('approvals.tab.pending') },
            { key: 'done', label: t('approvals.tab.done') },
            { key: 'prices', label: t('approvals.tab.prices') },
            { key: 'disputes', label: t('approvals.tab.disputes') },
          ]}
        />
        {tab === 'prices' ? (
          <PriceApprovals />
        ) : tab === 'disputes' ? (
          <LeadDisputes />
        ) : (
          <CursorTable<ChangeOrder>
            list={list}
            pageSize={kPageSize}
            columns={columns}
            scroll={{ x: tab === 'pending' ? 1070 : 1330 }}
            onRow={(change) => ({ 'data-testid': `approval-row-${change.id}` }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: tab === 'pending' ? t('approvals.emptyPending') : t('approvals.emptyDone') }}
            data-testid="approval-table"
          />
        )}
      </Card>
      {tab === 'done' && (
        <Card variant="borderless" title={t('dispute.decidedTitle')} style={{ marginTop: 16 }} data-testid="decided-disputes">
          <LeadDisputes decided />
        </Card>
      )}
      {decide.modal && (
        <ChangeDecisionModal
          key={decide.modal.key}
          change={decide.modal.target.change}
          approve={decide.modal.target.approve}
          onDecided={(decided) => all.setItems((items) => items.filter((c) => c.id !== decided.id))}
          onClose={decide.closeModal}
        />
      )}
    </>
  );
}
