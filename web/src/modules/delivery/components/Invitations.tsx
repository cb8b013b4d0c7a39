import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Flex, Grid, Popconfirm, Spin, Table, Tag, Typography, type ButtonProps, type TableColumnsType } from 'antd';
import { MessageOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { deliveryApi } from '../api';
import { batchKeys, invitationsSent, useInvitations, useSlots } from '../queries';
import { bookedViaLabel, formatMinute, inviteStateLabel, kInviteStateColors, skipReasonLabel, today } from '../labels';
import { inviteErrorText } from '../errors';
import type { DeliveryBatch, HandoverInvite, InviteRun } from '../types';

const natural = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });

function InviteStateTag({ invite }: { invite: HandoverInvite }) {
  const t = useT();
  return (
    <Tag color={kInviteStateColors[invite.state]} style={{ marginInlineEnd: 0 }} data-testid={`invite-state-${invite.id}`} data-state={invite.state}>
      {inviteStateLabel(t, invite.state)}
    </Tag>
  );
}

/** What 发送预约短信 did: how many were sent and skipped, the skipped units with why, each link sent (to copy). */
function RunResult({ run, onClose }: { run: InviteRun; onClose: () => void }) {
  const t = useT();
  return (
    <Alert
      type={run.sent_count > 0 ? 'success' : 'info'}
      showIcon
      closable={{ onClose }}
      title={t('invite.result', { sent: run.sent_count, skipped: run.skipped_count })}
      description={
        <Flex vertical gap={8} style={{ marginTop: 4 }}>
          {run.skipped.length > 0 && (
            <div data-testid="invite-skipped">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('invite.skippedTitle')}
              </Typography.Text>
              <Flex wrap gap={6} style={{ marginTop: 4 }}>
                {run.skipped.map((skip) => (
                  <Tag key={skip.unit_id} style={{ marginInlineEnd: 0 }} data-testid={`invite-skipped-${skip.unit_code}`} data-reason={skip.reason}>
                    <span className="hearth-mono">{skip.unit_code}</span>：{skipReasonLabel(t, skip.reason)}
                  </Tag>
                ))}
              </Flex>
            </div>
          )}
          {run.sent.length > 0 && (
            <div data-testid="invite-sent">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('invite.sentTitle')}
              </Typography.Text>
              {run.sent.map((sent) => (
                <div key={sent.unit_id} style={{ padding: '4px 0', minWidth: 0 }} data-testid={`invite-sent-${sent.unit_code}`}>
                  <Typography.Text strong className="hearth-mono">
                    {sent.unit_code}
                  </Typography.Text>{' '}
                  <Typography.Text>{sent.customer_name}</Typography.Text>
                  <Typography.Text
                    copyable
                    className="hearth-mono"
                    style={{ display: 'block', fontSize: 12, overflowWrap: 'anywhere' }}
                    data-testid="invite-url"
                  >
                    {sent.url}
                  </Typography.Text>
                </div>
              ))}
            </div>
          )}
        </Flex>
      }
      data-testid="invite-result"
    />
  );
}

/**
 * 业主预约链接 of a batch: how many homes have a link and how many booked; 发送预约短信 (once the batch is
 * released and a slot from today on has a seat, after a confirmation) with what it did; and every link with its state (已发送, 已打开,
 * 已预约, 已交付), the handover's time and whether the owner booked it or staff did. On a phone the rows
 * are cards.
 */
export function InvitationsPanel({ batch, writable }: { batch: DeliveryBatch; writable: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const narrow = !Grid.useBreakpoint().md;
  const query = useInvitations(batch.id);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<{ code: string; text: string } | null>(null);
  // The server refuses links while no slot has a seat (409 no_slots): not offered until one has.
  const calendar = useSlots(batch.id);
  const hasSeat = calendar.data ? calendar.data.items.some((slot) => slot.left > 0 && slot.day >= today()) : true;
  const [run, setRun] = useState<InviteRun | null>(null);
  const invites = [...(query.data ?? [])].sort((a, b) => natural(a.unit_code, b.unit_code));
  const booked = invites.filter((invite) => invite.state === 'booked' || invite.state === 'delivered').length;

  const send = async () => {
    setSending(true);
    setFailure(null);
    try {
      const done = await deliveryApi.sendInvitations(batch.id);
      setRun(done);
      invitationsSent(queryClient, batch.id);
      void message.success(t('invite.result', { sent: done.sent_count, skipped: done.skipped_count }));
    } catch (err) {
      setFailure({ code: err instanceof ApiError ? err.code : '', text: inviteErrorText(t, err) });
      // What stood in the way may have changed (the slots, the batch).
      void queryClient.invalidateQueries({ queryKey: batchKeys.detail(batch.id) });
    } finally {
      setSending(false);
    }
  };

  const unit = (invite: HandoverInvite) => (
    <Link to={invite.handover_id !== null ? `/delivery/handovers/${invite.handover_id}` : `/units/${invite.unit_id}`} data-testid={`invite-unit-${invite.id}`}>
      <Typography.Text strong className="hearth-mono" style={{ color: 'inherit' }}>
        {invite.unit_code}
      </Typography.Text>
    </Link>
  );
  const owner = (invite: HandoverInvite) => <Link to={`/customers/${invite.customer_id}`}>{invite.customer_name}</Link>;
  const slot = (invite: HandoverInvite) => (invite.slot_at ? formatMinute(invite.slot_at) : '—');
  const via = (invite: HandoverInvite) => (invite.booked_via ? bookedViaLabel(t, invite.booked_via) : '—');
  const sent = (invite: HandoverInvite) => (
    <>
      <span>{formatMinute(invite.sent_at)}</span>
      {invite.opened_at && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('invite.openedAt', { at: formatMinute(invite.opened_at) })}
        </Typography.Text>
      )}
    </>
  );

  const columns: TableColumnsType<HandoverInvite> = [
    { title: t('invite.unit'), key: 'unit', width: 110, render: (_, invite) => unit(invite) },
    { title: t('invite.customer'), key: 'customer', width: 140, render: (_, invite) => owner(invite) },
    { title: t('invite.state'), key: 'state', width: 90, render: (_, invite) => <InviteStateTag invite={invite} /> },
    { title: t('invite.slot'), key: 'slot', width: 150, render: (_, invite) => <span data-testid={`invite-slot-${invite.id}`}>{slot(invite)}</span> },
    { title: t('invite.via'), key: 'via', width: 100, render: (_, invite) => <span data-testid={`invite-via-${invite.id}`}>{via(invite)}</span> },
    { title: t('invite.sentAt'), key: 'sent', width: 160, render: (_, invite) => sent(invite) },
  ];

  return (
    <Flex vertical gap={12} data-testid="invitations">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text strong data-testid="invite-summary">
          {t('invite.summary', { total: invites.length, booked })}
        </Typography.Text>
        {batch.status !== 'released' ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="invite-not-released">
            {t('invite.notReleased')}
          </Typography.Text>
        ) : (
          writable && (
            <Flex align="center" gap={8} wrap justify="flex-end">
              {!hasSeat && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="invite-no-slots">
                  {t('invite.noSlots')}
                </Typography.Text>
              )}
              <Popconfirm
                title={t('invite.send')}
                description={<div style={{ maxWidth: 300 }}>{t('invite.sendConfirm')}</div>}
                okText={t('invite.sendOk')}
                cancelText={t('common.cancel')}
                onConfirm={() => void send()}
                okButtonProps={{ 'data-testid': 'invite-send-confirm' } as ButtonProps}
                disabled={!hasSeat}
              >
                <Button type="primary" icon={<MessageOutlined />} loading={sending} disabled={!hasSeat} data-testid="invite-send">
                  {t('invite.send')}
                </Button>
              </Popconfirm>
            </Flex>
          )
        )}
      </Flex>
      {failure && !(failure.code === 'no_slots' && hasSeat) && (
        <Alert type="error" showIcon title={failure.text} closable={{ onClose: () => setFailure(null) }} data-testid="invite-refused" />
      )}
      {run && <RunResult run={run} onClose={() => setRun(null)} />}
      <ErrorAlert error={query.error} />
      {!query.data ? (
        !query.error && <Spin />
      ) : invites.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('invite.empty')} data-testid="invite-empty" />
      ) : narrow ? (
        <Flex vertical data-testid="invite-list">
          {invites.map((invite) => (
            <div key={invite.id} style={{ padding: '10px 0', borderTop: '1px solid #f0f2f5' }} data-testid={`invite-row-${invite.id}`} data-unit={invite.unit_code}>
              <Flex justify="space-between" align="center" gap={8}>
                <Flex gap={8} align="baseline" style={{ minWidth: 0 }}>
                  {unit(invite)}
                  <span style={{ overflowWrap: 'anywhere' }}>{owner(invite)}</span>
                </Flex>
                <InviteStateTag invite={invite} />
              </Flex>
              {invite.slot_at && (
                <Typography.Text style={{ display: 'block', fontSize: 13, marginTop: 4 }}>
                  <span data-testid={`invite-slot-${invite.id}`}>{slot(invite)}</span> · <span data-testid={`invite-via-${invite.id}`}>{via(invite)}</span>
                </Typography.Text>
              )}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t('invite.sentAt')} {formatMinute(invite.sent_at)}
                {invite.opened_at ? ` · ${t('invite.openedAt', { at: formatMinute(invite.opened_at) })}` : ''}
              </Typography.Text>
            </div>
          ))}
        </Flex>
      ) : (
        <Table<HandoverInvite>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={invites}
          pagination={false}
          onRow={(invite) => ({ 'data-testid': `invite-row-${invite.id}`, 'data-unit': invite.unit_code }) as HTMLAttributes<HTMLElement>}
          data-testid="invite-list"
        />
      )}
    </Flex>
  );
}
