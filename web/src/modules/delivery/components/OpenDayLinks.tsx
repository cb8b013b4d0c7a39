// An open day's sign-up SMS: 发送报名短信 to the households that have not signed up (each gets a link to
// sign up or cancel themselves, /o/:token), and where the links stand.
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Popconfirm, Tag, Tooltip, Typography } from 'antd';
import { MessageOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { deliveryApi } from '../api';
import { openDayKeys } from '../queries';
import { openDayDecorationLabel } from '../labels';
import type { OpenDay, OpenDayInviteState } from '../types';

const kStates: OpenDayInviteState[] = ['sent', 'opened', 'signed_up', 'checked_in'];
const kStateColours: Record<OpenDayInviteState, string> = { sent: 'default', opened: 'gold', signed_up: 'blue', checked_in: 'green' };

/**
 * The links' figures by state (未打开 / 已打开未报名 / 已报名 / 已签到) and, for customer relations before
 * the day, 发送报名短信 with a confirmation; what was sent and why some households got none is said
 * after. `mayManage`: the caller has delivery.work; `ahead`: the day is still to come (China time).
 */
export function OpenDayLinks({ day, mayManage, ahead }: { day: OpenDay; mayManage: boolean; ahead: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<{ sent: number; skipped: string | null } | null>(null);
  const links = useQuery({ queryKey: openDayKeys.invitations(day.id), queryFn: ({ signal }) => deliveryApi.openDayInvitations(day.id, signal) });
  const items = links.data?.items ?? [];
  const counts = new Map<OpenDayInviteState, number>();
  for (const link of items) counts.set(link.state, (counts.get(link.state) ?? 0) + 1);

  const send = async () => {
    setSending(true);
    try {
      const run = await deliveryApi.sendOpenDayInvitations(day.id);
      const reasons = new Map<string, number>();
      for (const skip of run.skipped) reasons.set(skip.reason, (reasons.get(skip.reason) ?? 0) + 1);
      const words = [...reasons.entries()].map(([reason, count]) => t(`signup.skip.${reason}` as 'signup.skip.no_phone', { count })).join('，');
      setResult({ sent: run.sent_count, skipped: run.skipped_count > 0 ? t('signup.linksSkipped', { count: run.skipped_count, reasons: words }) : null });
      void message.success(t('signup.linksSent', { count: run.sent_count }));
      void queryClient.invalidateQueries({ queryKey: openDayKeys.invitations(day.id) });
    } catch (err) {
      void message.error(errorMessage(t, err));
    } finally {
      setSending(false);
    }
  };

  const button = (
    <Button icon={<MessageOutlined />} loading={sending} disabled={!ahead} data-testid="signup-send-links">
      {t('signup.sendLinks')}
    </Button>
  );
  return (
    <Flex vertical gap={8} data-testid="signup-links">
      <Flex gap={8} wrap align="center" justify="space-between">
        <Flex gap={8} wrap align="center">
          <Typography.Text strong>{t('signup.links')}</Typography.Text>
          {items.length === 0 ? (
            <Typography.Text type="secondary" data-testid="signup-links-none">
              {links.isLoading ? '…' : t('signup.linksNone')}
            </Typography.Text>
          ) : (
            kStates
              .filter((state) => counts.has(state))
              .map((state) => (
                <Tag key={state} color={kStateColours[state]} style={{ marginInlineEnd: 0 }} data-testid={`signup-links-${state}`} data-count={counts.get(state)}>
                  {t(`signup.linkState.${state}`, { count: counts.get(state) ?? 0 })}
                </Tag>
              ))
          )}
        </Flex>
        {mayManage &&
          (ahead ? (
            <Popconfirm
              title={t('signup.sendLinks')}
              description={<div style={{ maxWidth: 300 }}>{t('signup.sendLinksConfirm', { decoration: openDayDecorationLabel(t, day.decoration) })}</div>}
              okText={t('signup.sendLinksOk')}
              onConfirm={() => send()}
            >
              {button}
            </Popconfirm>
          ) : (
            <Tooltip title={t('signup.linksPast')}>
              <span>{button}</span>
            </Tooltip>
          ))}
      </Flex>
      {result && (
        <Alert
          type={result.sent > 0 ? 'success' : 'info'}
          showIcon
          closable
          onClose={() => setResult(null)}
          title={t('signup.linksSent', { count: result.sent })}
          description={result.skipped}
          data-testid="signup-links-result"
        />
      )}
    </Flex>
  );
}
