import { useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Flex, Input, Popconfirm, Skeleton, Tag, Typography, type ButtonProps } from 'antd';
import { DownOutlined, StopOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { ApiError } from '../../../shared/api/client';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { errorMessage, reasonText } from '../../../shared/ui/apiErrors';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { campaignsApi } from '../api';
import { prefsChanged, useMarketingPrefs } from '../queries';
import { campaignAccess } from '../access';
import { kOptOutChannels, optOutChannelLabel, optOutSourceLabel } from '../labels';
import type { MarketingPrefs, OptOutChannel } from '../types';

const kOpenid = /^[A-Za-z0-9_-]{6,64}$/;

/** A line of the card: its label on the left (above, on a phone), what it says on the right. */
function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Flex gap="4px 16px" wrap align="flex-start" style={{ padding: '8px 0' }} data-testid={testId}>
      <Typography.Text type="secondary" style={{ width: 84, flex: 'none', lineHeight: '24px' }}>
        {label}
      </Typography.Text>
      <div style={{ flex: '1 1 220px', minWidth: 0 }}>{children}</div>
    </Flex>
  );
}

/** The follower id: bound (with 解绑) or a field to bind one, for the roles that write records. */
function WeChatFollower({ customerId, prefs, editable }: { customerId: number; prefs: MarketingPrefs; editable: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [openid, setOpenid] = useState('');
  const [fault, setFault] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const bind = async () => {
    const value = openid.trim();
    if (!kOpenid.test(value)) {
      setFault(t('customerMarketing.openidInvalid'));
      return;
    }
    setBusy(true);
    setFault(null);
    try {
      prefsChanged(queryClient, customerId, await campaignsApi.bindWeChat(customerId, value));
      setOpenid('');
      void message.success(t('customerMarketing.bound'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setFault(t('customerMarketing.openidTaken'));
      else if (err instanceof ApiError && err.fields.openid) setFault(reasonText(t, err.fields.openid));
      else setFault(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  const unbind = async () => {
    try {
      prefsChanged(queryClient, customerId, await campaignsApi.unbindWeChat(customerId));
      void message.success(t('customerMarketing.unbound'));
    } catch (err) {
      void message.error(errorMessage(t, err));
    }
  };

  if (prefs.wechat_openid) {
    return (
      <Flex gap={8} align="center" wrap data-testid="marketing-wechat" data-bound="yes">
        <Tag color="green" style={{ marginInlineEnd: 0 }}>
          {t('customerMarketing.wechatBound')}
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }} data-testid="marketing-openid">
          {prefs.wechat_openid}
        </Typography.Text>
        {editable && (
          <Popconfirm title={t('customerMarketing.unbindConfirm')} okText={t('customerMarketing.unbind')} cancelText={t('common.cancel')} onConfirm={unbind}>
            <Button size="small" data-testid="marketing-unbind">
              {t('customerMarketing.unbind')}
            </Button>
          </Popconfirm>
        )}
      </Flex>
    );
  }
  return (
    <Flex vertical gap={6} data-testid="marketing-wechat" data-bound="no">
      <Typography.Text type="secondary">{t('customerMarketing.wechatNone')}</Typography.Text>
      {editable && (
        <>
          <Flex gap={8} style={{ maxWidth: 420 }}>
            <Input
              value={openid}
              onChange={(event) => {
                setOpenid(event.target.value);
                setFault(null);
              }}
              onPressEnter={() => void bind()}
              placeholder={t('customerMarketing.openidPlaceholder')}
              aria-label={t('customerMarketing.openid')}
              maxLength={64}
              status={fault ? 'error' : undefined}
              data-testid="marketing-openid-input"
            />
            <Button loading={busy} onClick={() => void bind()} data-testid="marketing-bind">
              {t('customerMarketing.bind')}
            </Button>
          </Flex>
          {fault && (
            <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="marketing-openid-error">
              {fault}
            </Typography.Text>
          )}
        </>
      )}
    </Flex>
  );
}

/**
 * 营销偏好 on the customer page (a `customerSections` card): the record's marketing consent, the
 * opt-outs in words (channel, 退订链接 with the campaign or 客服登记, when), 登记退订 by channel for
 * the roles that write records and 恢复接收 for managers, and the WeChat follower id (bind, unbind).
 */
export function CustomerMarketing({ customerId }: { customerId: number }) {
  const t = useT();
  const { me } = useAuth();
  const access = campaignAccess(me);
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const query = useMarketingPrefs(customerId);

  if (query.error) return <ErrorAlert error={query.error} style={{ margin: '8px 0' }} />;
  if (!query.data) return <Skeleton active paragraph={{ rows: 2 }} style={{ padding: '8px 0' }} />;
  const prefs = query.data;
  const optedOut = new Set(prefs.opt_outs.map((x) => x.channel));

  const change = async (channel: OptOutChannel, optOut: boolean) => {
    const words = optOutChannelLabel(t, channel);
    try {
      const next = optOut ? await campaignsApi.optOut(customerId, channel) : await campaignsApi.optIn(customerId, channel);
      prefsChanged(queryClient, customerId, next);
      void message.success(t(optOut ? 'customerMarketing.recorded' : 'customerMarketing.optedIn', { channel: words }));
    } catch (err) {
      void message.error(errorMessage(t, err));
      void query.refetch();
    }
  };

  const record = (channel: OptOutChannel) => {
    const words = optOutChannelLabel(t, channel);
    modal.confirm({
      title: t('customerMarketing.recordTitle', { channel: words }),
      content: t('customerMarketing.recordDetail', { channel: words }),
      okText: t('customerMarketing.record'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'marketing-record-ok' } as ButtonProps,
      onOk: () => change(channel, true),
    });
  };

  return (
    <Flex vertical style={{ padding: '4px 0' }} data-testid="customer-marketing">
      <Row label={t('customerMarketing.consent')} testId="marketing-consent">
        <Flex gap={8} align="center" wrap>
          <Tag color={prefs.consent_marketing ? 'green' : 'default'} style={{ marginInlineEnd: 0 }} data-consent={prefs.consent_marketing ? 'yes' : 'no'}>
            {t(prefs.consent_marketing ? 'customerMarketing.consentYes' : 'customerMarketing.consentNo')}
          </Tag>
          {access.optOut && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('customerMarketing.consentHint')}
            </Typography.Text>
          )}
        </Flex>
      </Row>
      <Row label={t('customerMarketing.optOuts')} testId="marketing-opt-outs">
        <Flex vertical gap={6}>
          {prefs.opt_outs.length === 0 && <Typography.Text type="secondary">{t('customerMarketing.noOptOuts')}</Typography.Text>}
          {prefs.opt_outs.map((optOut) => (
            <Flex key={optOut.channel} gap="4px 8px" align="center" wrap data-testid={`marketing-opt-out-${optOut.channel}`}>
              <Tag color="red" style={{ marginInlineEnd: 0 }}>
                {optOutChannelLabel(t, optOut.channel)}
              </Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('customerMarketing.optOutLine', { source: optOutSourceLabel(t, optOut.source), at: formatDateTime(optOut.at).slice(0, 16) })}
                {optOut.campaign_name ? ` · ${t('customerMarketing.viaCampaign', { name: optOut.campaign_name })}` : ''}
              </Typography.Text>
              {access.optIn && (
                <Popconfirm
                  title={t('customerMarketing.optInConfirm', { channel: optOutChannelLabel(t, optOut.channel) })}
                  okText={t('customerMarketing.optIn')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => change(optOut.channel, false)}
                >
                  <Button size="small" type="link" style={{ padding: 0, height: 'auto' }} data-testid={`marketing-opt-in-${optOut.channel}`}>
                    {t('customerMarketing.optIn')}
                  </Button>
                </Popconfirm>
              )}
            </Flex>
          ))}
          {access.optOut && !optedOut.has('all') && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: kOptOutChannels.map((channel) => ({
                  key: channel,
                  label: <span data-testid={`marketing-record-${channel}`}>{optOutChannelLabel(t, channel)}</span>,
                  disabled: optedOut.has(channel),
                })),
                onClick: ({ key }) => record(key as OptOutChannel),
              }}
            >
              <Button size="small" icon={<StopOutlined />} style={{ alignSelf: 'flex-start' }} data-testid="marketing-record">
                {t('customerMarketing.record')} <DownOutlined />
              </Button>
            </Dropdown>
          )}
        </Flex>
      </Row>
      <Row label={t('customerMarketing.wechat')}>
        <WeChatFollower customerId={customerId} prefs={prefs} editable={access.wechat} />
      </Row>
    </Flex>
  );
}
