import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { App, Breadcrumb, Button, Card, Col, Flex, Grid, Popconfirm, Row, Typography } from 'antd';
import { EditOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { ApiError } from '../../../shared/api/client';
import { BackLink, RecordFallback, recordPage } from '../../../shared/ui/RecordPage';
import { Fact, FactGrid } from '../../../shared/ui/Fact';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { campaignsApi } from '../api';
import { campaignChanged, campaignKeys, useCampaign } from '../queries';
import { campaignAccess } from '../access';
import { backToCampaigns, channelLabel, formatCount, isActive } from '../labels';
import type { Campaign } from '../types';
import { StatusTag } from '../components/Tags';
import { Results } from '../components/Results';
import { Recipients } from '../components/Recipients';
import { MessagePreview } from '../components/MessagePreview';
import { SendModal } from '../components/SendModal';

const time = (value: string | null) => (value ? formatDateTime(value).slice(0, 16) : '—');

/** The message as written (subject, text, a WeChat template's id and fields) and as a sample customer receives it. */
function MessageCard({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const name = t('campaign.sampleName');
  const fields = Object.entries(campaign.wechat_fields ?? {}).map(([key, value]) => ({ key, value }));
  return (
    <Card variant="borderless" title={t('campaign.messageTitle')} data-testid="campaign-message">
      <Row gutter={[24, 16]}>
        <Col xs={24} md={12}>
          <Flex vertical gap={12}>
            {campaign.channel === 'email' && <Fact label={t('campaign.subject')}>{campaign.subject || '—'}</Fact>}
            {campaign.channel === 'wechat' && <Fact label={t('campaign.wechatTemplateId')}>{campaign.wechat_template_id || '—'}</Fact>}
            <Fact label={t('campaign.template')} testId="campaign-template">
              <span style={{ whiteSpace: 'pre-wrap' }}>{campaign.template}</span>
            </Fact>
            {campaign.channel === 'wechat' && fields.length > 0 && (
              <Fact label={t('campaign.wechatFields')}>
                {fields.map((field) => (
                  <div key={field.key}>
                    <Typography.Text type="secondary">{field.key}：</Typography.Text>
                    {field.value}
                  </div>
                ))}
              </Fact>
            )}
          </Flex>
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 6 }}>
            {t('campaign.previewTitle', { name })}
          </Typography.Text>
          <MessagePreview channel={campaign.channel} subject={campaign.subject} template={campaign.template} fields={fields} name={name} />
        </Col>
      </Row>
    </Card>
  );
}

/**
 * A campaign's page: name, status, channel, audience, pace, quiet hours, when it starts and who made
 * it; for managers 编辑 and 发送 while a draft, 取消活动 while it is read or sent. The results and the
 * delivery log below, read again every few seconds while it is queuing or sending.
 */
function CampaignView({ id }: { id: number }) {
  const t = useT();
  const navigate = useNavigate();
  const narrow = !Grid.useBreakpoint().md;
  const { me } = useAuth();
  const access = campaignAccess(me);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useCampaign(id);
  const dialog = useModalTarget<'send'>();
  const [cancelling, setCancelling] = useState(false);
  const campaign = query.data;

  // While it sends, the log follows the campaign (and once more as it ends).
  const wasActive = useRef(false);
  useEffect(() => {
    if (!campaign) return;
    const active = isActive(campaign.status);
    if (active || wasActive.current) void queryClient.invalidateQueries({ queryKey: [...campaignKeys.detail(id), 'recipients'] });
    wasActive.current = active;
    // Each answer of the campaign, not each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query.dataUpdatedAt]);

  if (!campaign) {
    return (
      <RecordFallback
        error={query.error}
        onRetry={() => void query.refetch()}
        notFound={{ title: t('campaign.notFoundTitle'), subtitle: t('campaign.notFoundSubtitle') }}
        back={backToCampaigns(t)}
      />
    );
  }

  const cancel = async () => {
    setCancelling(true);
    try {
      campaignChanged(queryClient, await campaignsApi.cancel(campaign.id));
      void message.success(t('campaign.cancelled'));
    } catch (err) {
      void message.error(err instanceof ApiError && err.code === 'finished' ? t('campaign.finished') : errorMessage(t, err));
      void query.refetch();
    } finally {
      setCancelling(false);
    }
  };

  const draft = campaign.status === 'draft';
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={16} wrap>
        <BackLink back={backToCampaigns(t)} testId="back-to-campaigns" />
        {!narrow && (
          <Breadcrumb
            items={[
              { key: 'list', title: <Link to="/campaigns">{t('nav.campaigns')}</Link> },
              { key: 'campaign', title: campaign.name },
            ]}
          />
        )}
      </Flex>

      <Card variant="borderless" data-testid="campaign-header">
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="campaign-name">
            {campaign.name}
          </Typography.Title>
          <StatusTag status={campaign.status} testId="campaign-status" />
          {access.manage && (
            <Flex gap={8} wrap style={{ marginInlineStart: 'auto' }}>
              {draft && (
                <>
                  <Button icon={<EditOutlined />} onClick={() => navigate(`/campaigns/${campaign.id}/edit`)} data-testid="campaign-edit">
                    {t('campaign.edit')}
                  </Button>
                  <Button type="primary" icon={<SendOutlined />} onClick={() => dialog.openModal('send')} data-testid="campaign-send">
                    {t('campaign.send')}
                  </Button>
                </>
              )}
              {isActive(campaign.status) && (
                <Popconfirm
                  title={t('campaign.cancelConfirm', { name: campaign.name })}
                  okText={t('campaign.cancelOk')}
                  cancelText={t('campaign.cancelKeep')}
                  okButtonProps={{ danger: true }}
                  onConfirm={cancel}
                >
                  <Button danger icon={<StopOutlined />} loading={cancelling} data-testid="campaign-cancel">
                    {t('campaign.cancel')}
                  </Button>
                </Popconfirm>
              )}
            </Flex>
          )}
        </Flex>
        {isActive(campaign.status) && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }} data-testid="campaign-following">
            {t('campaign.following')}
          </Typography.Text>
        )}
        <FactGrid columns="repeat(auto-fit, minmax(160px, 1fr))">
          <Fact label={t('campaigns.channel')} testId="campaign-channel">
            {channelLabel(t, campaign.channel)}
          </Fact>
          <Fact label={t('campaigns.audience')} testId="campaign-audience">
            {campaign.audience_label}
          </Fact>
          <Fact label={t('campaign.rate')} testId="campaign-rate">
            {t('campaign.rateValue', { count: formatCount(campaign.rate_per_minute) })}
          </Fact>
          <Fact label={t('campaign.quietHours')} testId="campaign-quiet">
            {t(campaign.quiet_hours ? 'campaign.quietOn' : 'campaign.quietOff')}
          </Fact>
          <Fact label={t('campaign.sendAt')} testId="campaign-send-at">
            {campaign.send_at ? time(campaign.send_at) : t('campaign.sendNow')}
          </Fact>
          <Fact label={t('campaign.company')}>{campaign.org_unit_name}</Fact>
          <Fact label={t('campaigns.createdBy')}>{campaign.created_by_name ?? '—'}</Fact>
          <Fact label={t('campaigns.createdAt')}>{time(campaign.created_at)}</Fact>
          {!draft && <Fact label={t('campaign.queuedAt')}>{time(campaign.queued_at)}</Fact>}
          {campaign.finished_at && <Fact label={t('campaign.finishedAt')}>{time(campaign.finished_at)}</Fact>}
        </FactGrid>
      </Card>

      {draft && <MessageCard campaign={campaign} />}

      <Card variant="borderless" title={t('campaignResults.title')}>
        <Results campaign={campaign} />
      </Card>

      {!draft && <MessageCard campaign={campaign} />}

      {!draft && (
        <Card variant="borderless" title={t('recipients.title')}>
          <Recipients campaignId={campaign.id} />
        </Card>
      )}

      {dialog.modal?.target === 'send' && <SendModal key={dialog.modal.key} campaign={campaign} onClose={dialog.closeModal} />}
    </Flex>
  );
}

/** /campaigns/:id */
export default recordPage(CampaignView, 'campaign.notFoundTitle', backToCampaigns);
