import type { HTMLAttributes } from 'react';
import { Alert, Flex, Grid, Select, Spin, Tag, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { valueLabel, type Translate } from '../../../app/i18n/i18nContext';
import { answer, openapi } from '../../../shared/api/openapi';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { CursorListFooter, CursorTable } from '../../../shared/ui/CursorTable';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { formatDateTime } from '../../../shared/ui/formatTime';
import type { Message, MessageQuery } from '../types';

const kPageSize = 50;

/** The purposes the modules send messages for (the server's `purpose`); another is shown as sent. */
const kMessagePurposes = ['lead_consent', 'handover_booking', 'open_day_signup', 'survey'] as const;

/** 排队中 blue, 已发送 green, 发送失败 red, 未配置短信服务 grey. */
const kMessageStatusColors: Record<string, string> = { queued: 'processing', sent: 'success', failed: 'error', unconfigured: 'default' };

const purposeLabel = (t: Translate, value: string) => valueLabel(t, 'messagePurpose', value);
const statusLabel = (t: Translate, value: string) => valueLabel(t, 'messageStatus', value);

const messageKeys = {
  list: (query: MessageQuery & { limit: number }) => ['messages', 'list', query] as const,
};

const listMessages = (query: MessageQuery & { limit: number; cursor: string | null }, signal: AbortSignal) =>
  answer(openapi.GET('/api/v1/messages', { params: { query: { ...query, cursor: query.cursor ?? undefined } }, signal }));

function MessageStatus({ message }: { message: Message }) {
  const t = useT();
  return (
    <Flex vertical gap={2} align="flex-start" data-testid={`message-status-${message.id}`} data-status={message.status}>
      <Tag color={kMessageStatusColors[message.status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
        {statusLabel(t, message.status)}
      </Tag>
      {message.error && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {t('messageLog.error', { error: message.error })}
        </Typography.Text>
      )}
      {message.provider_id && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('messageLog.receipt', { id: message.provider_id })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/**
 * 短信记录 (administrators and managers; the server answers 403 to others): the message gateway's
 * log, newest first, by purpose; statuses and purposes in words, on a phone as cards.
 */
export function MessageLog({ purpose, onPurpose }: { purpose: string | undefined; onPurpose: (purpose: string | undefined) => void }) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const query = { ...(purpose ? { purpose } : {}), limit: kPageSize };
  const list = useCursorList(messageKeys.list(query), (cursor, signal) => listMessages({ ...query, cursor }, signal));
  const unconfigured = list.items.some((m) => m.status === 'unconfigured');

  const columns: TableColumnsType<Message> = [
    { title: t('messageLog.createdAt'), dataIndex: 'created_at', key: 'created', width: 170, render: (at: string) => formatDateTime(at) },
    { title: t('messageLog.purpose'), dataIndex: 'purpose', key: 'purpose', width: 140, render: (p: string) => purposeLabel(t, p) },
    { title: t('messageLog.to'), dataIndex: 'to', key: 'to', width: 130, render: (to: string) => <span className="hearth-mono">{to}</span> },
    {
      title: t('messageLog.text'),
      dataIndex: 'text',
      key: 'text',
      render: (text: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: text }} style={{ margin: 0 }}>
          {text}
        </Typography.Paragraph>
      ),
    },
    { title: t('messageLog.status'), key: 'status', width: 170, render: (_, m) => <MessageStatus message={m} /> },
    { title: t('messageLog.attempts'), dataIndex: 'attempts', key: 'attempts', width: 90, align: 'right', render: (n: number) => t('messageLog.attemptsValue', { count: n }) },
    { title: t('messageLog.sentAt'), dataIndex: 'sent_at', key: 'sent', width: 170, render: (at: string | null) => formatDateTime(at) || '—' },
  ];

  return (
    <div data-testid="message-log">
      <Typography.Paragraph type="secondary">{t('messageLog.description')}</Typography.Paragraph>
      <ErrorAlert error={list.error} />
      {unconfigured && <Alert type="info" showIcon title={t('messageLog.unconfiguredHint')} style={{ marginBottom: 12 }} />}
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Select<string>
          allowClear
          aria-label={t('messageLog.purpose')}
          placeholder={t('messageLog.allPurposes')}
          style={{ width: 200, maxWidth: '100%' }}
          value={purpose}
          onChange={(value) => onPurpose(value ?? undefined)}
          options={kMessagePurposes.map((value) => ({ value, label: purposeLabel(t, value) }))}
          data-testid="message-purpose"
        />
      </Flex>
      {narrow ? (
        <Spin spinning={list.loading}>
          {list.items.length === 0 && !list.loading ? (
            <Typography.Text type="secondary">{t('messageLog.empty')}</Typography.Text>
          ) : (
            <Flex vertical data-testid="message-cards">
              {list.items.map((m, index) => (
                <div key={m.id} style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`message-row-${m.id}`}>
                  <Flex justify="space-between" align="flex-start" gap={8}>
                    <div style={{ minWidth: 0 }}>
                      <Typography.Text strong>{purposeLabel(t, m.purpose)}</Typography.Text>
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        <span className="hearth-mono">{m.to}</span> · {formatDateTime(m.created_at)}
                      </Typography.Text>
                    </div>
                    <MessageStatus message={m} />
                  </Flex>
                  <Typography.Paragraph style={{ margin: '6px 0 0', overflowWrap: 'anywhere' }}>{m.text}</Typography.Paragraph>
                </div>
              ))}
            </Flex>
          )}
          <CursorListFooter list={list} pageSize={kPageSize} />
        </Spin>
      ) : (
        <CursorTable<Message>
          list={list}
          pageSize={kPageSize}
          columns={columns}
          scroll={{ x: 1100 }}
          onRow={(m) => ({ 'data-testid': `message-row-${m.id}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('messageLog.empty') }}
          data-testid="message-table"
        />
      )}
    </div>
  );
}
