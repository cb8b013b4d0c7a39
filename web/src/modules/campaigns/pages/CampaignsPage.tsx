import type { HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Flex, Grid, Select, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { PageHeader, RefreshButton } from '../../../shared/ui/PageHeader';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { CursorListFooter } from '../../../shared/ui/CursorTable';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { useParamsPatch } from '../../../shared/hooks/useParamsPatch';
import { kCampaignsPageSize } from '../api';
import { useCampaigns } from '../queries';
import { campaignAccess } from '../access';
import { channelLabel, formatCount, kStatuses, statusLabel } from '../labels';
import type { Campaign, CampaignFilters, CampaignStatus, CampaignsPage as CampaignsAnswer } from '../types';
import { StatusTag } from '../components/Tags';

const isStatus = (value: string): value is CampaignStatus => (kStatuses as readonly string[]).includes(value);

/** How many were queued to send, once the audience was read; 未发送 for a draft. */
function Queued({ campaign }: { campaign: Campaign }) {
  const t = useT();
  if (campaign.status === 'draft') return <Typography.Text type="secondary">{t('campaigns.notYet')}</Typography.Text>;
  return <span data-testid={`campaign-queued-${campaign.id}`}>{t('campaigns.people', { count: formatCount(campaign.queued_count) })}</span>;
}

/**
 * /campaigns?status= — 营销活动: the campaigns of the user's scope, newest first, and how many match
 * (共 N 个): name, channel, audience, status, how many were queued to send, who made it and when;
 * filtered by status; a page at a time. Each row leads to the campaign's page; on a phone the rows
 * are cards. 新建活动 for managers; the others read.
 */
export default function CampaignsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { me } = useAuth();
  const access = campaignAccess(me);
  const narrow = !Grid.useBreakpoint().md;
  const [params, patch] = useParamsPatch();
  const typed = params.get('status') ?? '';
  const status = isStatus(typed) ? typed : undefined;
  const filters: CampaignFilters = { status };
  const campaigns = useCampaigns(filters);
  const first = campaigns.pages[0] as CampaignsAnswer | undefined;
  const total = first?.total;
  const empty = status ? t('campaigns.noMatch') : t('campaigns.empty');

  const name = (campaign: Campaign) => (
    <Link to={`/campaigns/${campaign.id}`} onClick={(event) => event.stopPropagation()} data-testid={`campaign-link-${campaign.id}`}>
      <Typography.Text strong style={{ color: '#1f4fd1', overflowWrap: 'anywhere' }}>
        {campaign.name}
      </Typography.Text>
    </Link>
  );

  const columns: TableColumnsType<Campaign> = [
    { title: t('campaigns.name'), key: 'name', width: 220, render: (_, campaign) => name(campaign) },
    { title: t('campaigns.channel'), key: 'channel', width: 120, render: (_, campaign) => channelLabel(t, campaign.channel) },
    { title: t('campaigns.audience'), dataIndex: 'audience_label', key: 'audience', width: 200, ellipsis: true },
    { title: t('campaigns.status'), key: 'status', width: 110, render: (_, campaign) => <StatusTag status={campaign.status} testId={`campaign-status-${campaign.id}`} /> },
    { title: t('campaigns.queued'), key: 'queued', width: 100, align: 'right', render: (_, campaign) => <Queued campaign={campaign} /> },
    { title: t('campaigns.createdBy'), key: 'by', width: 110, render: (_, campaign) => campaign.created_by_name ?? '—' },
    { title: t('campaigns.createdAt'), key: 'at', width: 150, render: (_, campaign) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(campaign.created_at).slice(0, 16)}</span> },
  ];

  return (
    <>
      <PageHeader
        title={t('campaigns.title')}
        description={t('campaigns.description')}
        extra={
          access.manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/campaigns/new')} data-testid="campaigns-new">
              {t('campaigns.new')}
            </Button>
          )
        }
      />
      {!access.manage && <Alert type="info" showIcon title={t('campaigns.readOnly')} style={{ marginBottom: 16 }} data-testid="campaigns-read-only" />}
      <ErrorAlert error={campaigns.error} />
      <Card variant="borderless">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Select<string>
            aria-label={t('campaigns.status')}
            value={status ?? ''}
            onChange={(value) => patch({ status: value })}
            style={{ width: 150 }}
            options={[{ value: '', label: t('campaigns.allStatuses') }, ...kStatuses.map((value) => ({ value, label: statusLabel(t, value) }))]}
            data-testid="campaigns-status"
          />
          {total !== undefined && (
            <Typography.Text type="secondary" data-testid="campaigns-total" data-total={total}>
              {t('campaigns.total', { count: formatCount(total) })}
            </Typography.Text>
          )}
          <RefreshButton onRefresh={() => void campaigns.reload()} style={{ marginLeft: 'auto' }} />
        </Flex>
        {narrow ? (
          <Spin spinning={campaigns.loading && campaigns.items.length === 0}>
            {campaigns.items.length === 0 && !campaigns.loading ? (
              <Typography.Text type="secondary">{empty}</Typography.Text>
            ) : (
              <Flex vertical data-testid="campaign-cards">
                {campaigns.items.map((campaign, index) => (
                  <div key={campaign.id} style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`campaign-row-${campaign.id}`}>
                    <Flex justify="space-between" align="flex-start" gap={8}>
                      <div style={{ minWidth: 0 }}>{name(campaign)}</div>
                      <StatusTag status={campaign.status} />
                    </Flex>
                    <Typography.Text style={{ display: 'block', fontSize: 13, marginTop: 4, overflowWrap: 'anywhere' }}>
                      {channelLabel(t, campaign.channel)} · {campaign.audience_label}
                    </Typography.Text>
                    <Flex justify="space-between" gap={8} style={{ marginTop: 2 }}>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {[campaign.created_by_name, formatDateTime(campaign.created_at).slice(0, 16)].filter(Boolean).join(' · ')}
                      </Typography.Text>
                      <Typography.Text style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                        <Queued campaign={campaign} />
                      </Typography.Text>
                    </Flex>
                  </div>
                ))}
              </Flex>
            )}
          </Spin>
        ) : (
          <Table<Campaign>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={campaigns.items}
            loading={campaigns.loading}
            pagination={false}
            scroll={{ x: 1010 }}
            onRow={(campaign) => ({ onClick: () => navigate(`/campaigns/${campaign.id}`), style: { cursor: 'pointer' }, 'data-testid': `campaign-row-${campaign.id}` }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: empty }}
            data-testid="campaigns-table"
          />
        )}
        <CursorListFooter list={campaigns} pageSize={kCampaignsPageSize} />
      </Card>
    </>
  );
}
