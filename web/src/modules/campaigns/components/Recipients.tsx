import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { Flex, Grid, Select, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { CursorListFooter } from '../../../shared/ui/CursorTable';
import { RefreshButton } from '../../../shared/ui/PageHeader';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { kRecipientsPageSize } from '../api';
import { useRecipients } from '../queries';
import { formatCount, kRecipientStatuses, recipientStatusLabel, skipReasonLabel } from '../labels';
import type { Recipient, RecipientsPage, RecipientStatus } from '../types';
import { MessageTag, RecipientTag } from './Tags';

const time = (value: string | null) => (value ? formatDateTime(value).slice(0, 16) : '');

/**
 * 发送记录: each recipient the audience gave, a page at a time, and how many match (共 N 条): the
 * customer (to their page), the address (masked unless the user sees personal data), queued / sent /
 * not sent (why, in words) / cancelled, what became of the message and its error, when sent;
 * filtered by status. On a phone each line is a card.
 */
export function Recipients({ campaignId }: { campaignId: number }) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const [status, setStatus] = useState<RecipientStatus | ''>('');
  const list = useRecipients(campaignId, { status: status || undefined });
  const total = (list.pages[0] as RecipientsPage | undefined)?.total;
  const empty = status ? t('recipients.noMatch') : t('recipients.empty');

  const customer = (recipient: Recipient) => (
    <Link to={`/customers/${recipient.customer_id}`} data-testid={`recipient-customer-${recipient.id}`}>
      {recipient.customer_name}
    </Link>
  );
  const outcome = (recipient: Recipient) =>
    recipient.status === 'skipped' ? (
      <Typography.Text type="secondary">{skipReasonLabel(t, recipient.reason)}</Typography.Text>
    ) : recipient.message_status ? (
      <MessageTag status={recipient.message_status} />
    ) : null;

  const columns: TableColumnsType<Recipient> = [
    { title: t('recipients.customer'), key: 'customer', width: 130, render: (_, recipient) => customer(recipient) },
    { title: t('recipients.address'), key: 'address', width: 170, render: (_, recipient) => <span style={{ overflowWrap: 'anywhere' }}>{recipient.address ?? '—'}</span> },
    { title: t('recipients.status'), key: 'status', width: 90, render: (_, recipient) => <RecipientTag status={recipient.status} testId={`recipient-status-${recipient.id}`} /> },
    { title: t('recipients.reason'), key: 'reason', width: 110, render: (_, recipient) => skipReasonLabel(t, recipient.reason) || '—' },
    { title: t('recipients.message'), key: 'message', width: 150, render: (_, recipient) => (recipient.message_status ? <MessageTag status={recipient.message_status} /> : '—') },
    { title: t('recipients.error'), key: 'error', width: 160, ellipsis: true, render: (_, recipient) => recipient.message_error || '—' },
    { title: t('recipients.sentAt'), key: 'sent', width: 140, render: (_, recipient) => <span style={{ whiteSpace: 'nowrap' }}>{time(recipient.sent_at) || '—'}</span> },
  ];

  return (
    <div data-testid="recipients">
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Select<RecipientStatus | ''>
          aria-label={t('recipients.status')}
          value={status}
          onChange={setStatus}
          style={{ width: 130 }}
          options={[{ value: '', label: t('recipients.allStatuses') }, ...kRecipientStatuses.map((value) => ({ value, label: recipientStatusLabel(t, value) }))]}
          data-testid="recipients-status"
        />
        {total !== undefined && (
          <Typography.Text type="secondary" data-testid="recipients-total" data-total={total}>
            {t('recipients.total', { count: formatCount(total) })}
          </Typography.Text>
        )}
        <RefreshButton onRefresh={() => void list.reload()} style={{ marginLeft: 'auto' }} />
      </Flex>
      <ErrorAlert error={list.error} />
      {narrow ? (
        <Spin spinning={list.loading && list.items.length === 0}>
          {list.items.length === 0 && !list.loading ? (
            <Typography.Text type="secondary">{empty}</Typography.Text>
          ) : (
            <Flex vertical>
              {list.items.map((recipient, index) => (
                <div key={recipient.id} style={{ padding: '10px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`recipient-row-${recipient.id}`}>
                  <Flex justify="space-between" align="center" gap={8}>
                    <Flex gap={8} align="center" style={{ minWidth: 0 }}>
                      {customer(recipient)}
                      <RecipientTag status={recipient.status} />
                    </Flex>
                    {outcome(recipient)}
                  </Flex>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4, overflowWrap: 'anywhere' }}>
                    {[recipient.address, time(recipient.sent_at)].filter(Boolean).join(' · ')}
                  </Typography.Text>
                  {recipient.message_error && (
                    <Typography.Text type="danger" style={{ display: 'block', fontSize: 12, overflowWrap: 'anywhere' }}>
                      {recipient.message_error}
                    </Typography.Text>
                  )}
                </div>
              ))}
            </Flex>
          )}
        </Spin>
      ) : (
        <Table<Recipient>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.items}
          loading={list.loading}
          pagination={false}
          scroll={{ x: 950 }}
          onRow={(recipient) => ({ 'data-testid': `recipient-row-${recipient.id}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: empty }}
        />
      )}
      <CursorListFooter list={list} pageSize={kRecipientsPageSize} />
    </div>
  );
}
