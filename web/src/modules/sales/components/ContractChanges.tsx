import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Skeleton, Tooltip, Typography } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { salesApi } from '../api';
import { dealKeys } from '../queries';
import { changeStatusLabel, formatMinute } from '../labels';
import type { ChangeOrder, Contract } from '../types';
import { ChangeKindTag, ChangeStatusTag, ChangeWhat } from './ChangeCells';
import { ChangeRequestModal } from './ChangeRequestModal';

/** One change order: its kind, status and what it changes; the reason, who asked when; the decision. */
function ChangeItem({ change }: { change: ChangeOrder }) {
  const t = useT();
  return (
    <div
      style={{ border: '1px solid #eef0f4', borderRadius: 8, padding: '12px 16px', background: change.status === 'pending' ? '#fffdf5' : '#fff' }}
      data-testid={`change-${change.id}`}
      data-status={change.status}
      data-kind={change.kind}
    >
      <Flex align="center" gap={8} wrap style={{ marginBottom: 6 }}>
        <ChangeKindTag kind={change.kind} />
        <ChangeStatusTag status={change.status} testId="change-status" />
        <ChangeWhat change={change} testId="change-what" />
      </Flex>
      <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="change-reason">
        {change.reason}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
        {t('change.requestedBy', { name: change.requested_by_name, at: formatMinute(change.created_at) })}
        {change.decided_at && ` · ${t('change.decided', { status: changeStatusLabel(t, change.status), at: formatMinute(change.decided_at) })}`}
      </Typography.Text>
      {change.decision_note && (
        <Typography.Text
          type={change.status === 'rejected' ? 'danger' : undefined}
          style={{ display: 'block', marginTop: 4, overflowWrap: 'anywhere' }}
          data-testid="change-note"
        >
          {t('change.note', { note: change.decision_note })}
        </Typography.Text>
      )}
    </div>
  );
}

/**
 * 变更 of a contract: its change orders, newest first, and 申请变更 (for those who may write, on a
 * contract not cancelled; disabled, with the reason, while one waits for approval).
 */
export function ContractChanges({ contract, writable }: { contract: Contract; writable: boolean }) {
  const t = useT();
  const query = useQuery({ queryKey: dealKeys.changes(contract.id), queryFn: async ({ signal }) => (await salesApi.contractChanges(contract.id, signal)).items });
  const request = useModalTarget<Contract>();
  const changes = query.data;
  const pending = changes?.some((c) => c.status === 'pending') ?? false;
  const canRequest = writable && contract.status === 'signed';

  const button = canRequest && (
    <Tooltip title={pending ? t('change.pendingHint') : undefined}>
      <Button icon={<SwapOutlined />} disabled={pending || !changes} onClick={() => request.openModal(contract)} data-testid="change-request">
        {t('change.request')}
      </Button>
    </Tooltip>
  );

  return (
    <Card variant="borderless" title={t('change.title')} extra={button} data-testid="contract-changes">
      <ErrorAlert error={query.error} />
      {canRequest && pending && (
        <Typography.Text type="warning" style={{ display: 'block', marginBottom: 12 }} data-testid="change-pending-hint">
          {t('change.pendingHint')}
        </Typography.Text>
      )}
      {!changes ? (
        query.isLoading && <Skeleton active paragraph={{ rows: 2 }} />
      ) : changes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('change.empty')} style={{ margin: '8px 0' }} />
      ) : (
        <Flex vertical gap={12} data-testid="change-list">
          {changes.map((change) => (
            <ChangeItem key={change.id} change={change} />
          ))}
        </Flex>
      )}
      {request.modal && <ChangeRequestModal key={request.modal.key} contract={request.modal.target} onClose={request.closeModal} />}
    </Card>
  );
}
