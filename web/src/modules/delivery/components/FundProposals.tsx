// The renovation proposals of a company's owners' meetings, as the fund page lists them, with a
// manager's 批准 and 驳回.
import { type HTMLAttributes } from 'react';
import { Button, Card, Flex, Grid, Segmented, Select, Spin, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { CursorListFooter, CursorTable } from '../../../shared/ui/CursorTable';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { deliveryAccess } from '../access';
import { deliveryApi } from '../api';
import { fundKeys } from '../queries';
import { formatFen, formatMinute, proposalStatusLabel } from '../labels';
import { kFundProposalStatuses, type FundProposal, type FundProposalQuery, type FundProposalStatus } from '../types';
import { ProposalStatusTag } from './Tags';
import { ProposalDecisionModal } from './ProposalDecisionModal';

const kPageSize = 50;

export type ProposalFilter = FundProposalStatus | 'all';

/** The status filter: 待审批 (to begin with), 已批准, 已驳回, 全部; a select on a phone. */
function StatusFilter({ value, onChange, narrow }: { value: ProposalFilter; onChange: (value: ProposalFilter) => void; narrow: boolean }) {
  const t = useT();
  const options = [...kFundProposalStatuses.map((status) => ({ value: status, label: proposalStatusLabel(t, status) })), { value: 'all' as const, label: t('common.all') }];
  return narrow ? (
    <Select<ProposalFilter> aria-label={t('proposal.status')} style={{ width: 120 }} value={value} onChange={onChange} options={options} data-testid="proposal-status-filter" />
  ) : (
    <Segmented<ProposalFilter> value={value} onChange={onChange} options={options} data-testid="proposal-status-filter" />
  );
}

/** Who decided, when, and the note or the reason. */
function Decision({ proposal }: { proposal: FundProposal }) {
  const t = useT();
  if (proposal.status === 'proposed') return null;
  const key = proposal.status === 'approved' ? 'proposal.approvedBy' : 'proposal.rejectedBy';
  return (
    <Typography.Text
      type={proposal.status === 'rejected' ? 'danger' : 'secondary'}
      style={{ display: 'block', fontSize: 12, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}
      data-testid={`proposal-decision-${proposal.id}`}
    >
      {t(key, { name: proposal.decided_by_name ?? '', at: formatMinute(proposal.decided_at) })}
      {proposal.decision_note ? t('proposal.decisionNote', { note: proposal.decision_note }) : ''}
    </Typography.Text>
  );
}

/**
 * 改造提案: a company's proposals, newest first, by status (待审批 to begin with), each with the
 * project, the owners' meeting (day, owners present), the amount, who filed it, and how it was
 * decided; 批准 and 驳回 (with the reason) for managers while it waits. On a phone the rows are cards.
 */
export function FundProposals({ companyId, status, onStatus }: { companyId: number; status: ProposalFilter; onStatus: (status: ProposalFilter) => void }) {
  const t = useT();
  const { me } = useAuth();
  const access = deliveryAccess(me);
  const narrow = !Grid.useBreakpoint().md;
  const decide = useModalTarget<{ proposal: FundProposal; approve: boolean }>();
  const query: FundProposalQuery = { company_id: companyId, ...(status !== 'all' ? { status } : {}), limit: kPageSize };
  const proposals = useCursorList(fundKeys.proposals(query), (cursor, signal) => deliveryApi.listFundProposals({ ...query, cursor }, signal));

  const title = (proposal: FundProposal) => (
    <>
      <Typography.Text strong style={{ display: 'block', overflowWrap: 'anywhere' }} data-testid={`proposal-title-${proposal.id}`}>
        {proposal.title}
      </Typography.Text>
      {proposal.detail && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: 'collapsible' }} style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap' }}>
          {proposal.detail}
        </Typography.Paragraph>
      )}
    </>
  );
  const meeting = (proposal: FundProposal) => t('proposal.meeting', { date: proposal.meeting_on, count: proposal.owners_present });
  const meetingColumn = (proposal: FundProposal) => (
    <>
      <span>{proposal.meeting_on}</span>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {t('proposal.ownersShown', { count: proposal.owners_present })}
      </Typography.Text>
    </>
  );
  const amount = (proposal: FundProposal) => (
    <Typography.Text strong style={{ whiteSpace: 'nowrap' }} data-testid={`proposal-amount-${proposal.id}`}>
      {formatFen(proposal.amount_cents)}
    </Typography.Text>
  );
  const filedBy = (proposal: FundProposal) => t('proposal.filedBy', { name: proposal.created_by_name, at: formatMinute(proposal.created_at) });
  const actions = (proposal: FundProposal) =>
    access.manageFund && proposal.status === 'proposed' ? (
      <Flex gap={8} wrap>
        <Button size="small" type="primary" onClick={() => decide.openModal({ proposal, approve: true })} data-testid={`proposal-approve-${proposal.id}`}>
          {t('proposal.approve')}
        </Button>
        <Button size="small" danger onClick={() => decide.openModal({ proposal, approve: false })} data-testid={`proposal-reject-${proposal.id}`}>
          {t('proposal.reject')}
        </Button>
      </Flex>
    ) : null;

  const columns: TableColumnsType<FundProposal> = [
    { title: t('proposal.titleLabel'), key: 'title', render: (_, proposal) => title(proposal) },
    { title: t('proposal.project'), dataIndex: 'project_name', key: 'project', width: 150 },
    { title: t('proposal.meetingColumn'), key: 'meeting', width: 130, render: (_, proposal) => meetingColumn(proposal) },
    { title: t('proposal.amount'), key: 'amount', width: 140, align: 'right', render: (_, proposal) => amount(proposal) },
    {
      title: t('proposal.status'),
      key: 'status',
      width: 220,
      render: (_, proposal) => (
        <>
          <ProposalStatusTag status={proposal.status} testId={`proposal-status-${proposal.id}`} />
          <Decision proposal={proposal} />
        </>
      ),
    },
    {
      title: t('proposal.filed'),
      key: 'filed',
      width: 150,
      render: (_, proposal) => (
        <>
          <span>{proposal.created_by_name}</span>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, whiteSpace: 'nowrap' }}>
            {formatMinute(proposal.created_at)}
          </Typography.Text>
        </>
      ),
    },
    // Only a waiting proposal is decided: no column for the decided ones.
    ...(access.manageFund && (status === 'proposed' || status === 'all')
      ? ([{ title: t('common.actions'), key: 'actions', width: 140, render: (_, proposal) => actions(proposal) }] satisfies TableColumnsType<FundProposal>)
      : []),
  ];

  return (
    <Card
      variant="borderless"
      title={t('proposal.listTitle')}
      extra={!narrow && <StatusFilter value={status} onChange={onStatus} narrow={false} />}
      style={{ marginBottom: 16 }}
      data-testid="fund-proposals"
    >
      <ErrorAlert error={proposals.error} />
      {narrow ? (
        <Spin spinning={proposals.loading}>
          <StatusFilter value={status} onChange={onStatus} narrow />
          {proposals.items.length === 0 && !proposals.loading ? (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12 }}>
              {t(status === 'proposed' ? 'proposal.emptyPending' : 'proposal.empty')}
            </Typography.Text>
          ) : (
            <Flex vertical data-testid="proposal-cards">
              {proposals.items.map((proposal) => (
                <div key={proposal.id} style={{ padding: '12px 0', borderBottom: '1px solid #f0f2f5' }} data-testid={`proposal-row-${proposal.id}`}>
                  <Flex justify="space-between" align="flex-start" gap={8}>
                    <div style={{ minWidth: 0 }}>{title(proposal)}</div>
                    <ProposalStatusTag status={proposal.status} testId={`proposal-status-${proposal.id}`} />
                  </Flex>
                  <Flex justify="space-between" align="center" gap={8} style={{ marginTop: 4 }}>
                    <Typography.Text style={{ fontSize: 13, minWidth: 0, overflowWrap: 'anywhere' }}>{proposal.project_name}</Typography.Text>
                    {amount(proposal)}
                  </Flex>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {meeting(proposal)}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {filedBy(proposal)}
                  </Typography.Text>
                  <Decision proposal={proposal} />
                  {actions(proposal) && <div style={{ marginTop: 8 }}>{actions(proposal)}</div>}
                </div>
              ))}
            </Flex>
          )}
          <CursorListFooter list={proposals} pageSize={kPageSize} />
        </Spin>
      ) : (
        <CursorTable<FundProposal>
          list={proposals}
          pageSize={kPageSize}
          columns={columns}
          onRow={(proposal) => ({ 'data-testid': `proposal-row-${proposal.id}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t(status === 'proposed' ? 'proposal.emptyPending' : 'proposal.empty') }}
          data-testid="proposal-table"
        />
      )}
      {decide.modal && (
        <ProposalDecisionModal key={decide.modal.key} proposal={decide.modal.target.proposal} approve={decide.modal.target.approve} onClose={decide.closeModal} />
      )}
    </Card>
  );
}
