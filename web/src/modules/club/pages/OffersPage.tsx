import { useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, Card, Flex, Grid, Popconfirm, Spin, Switch, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { PageHeader, RefreshButton } from '../../../shared/ui/PageHeader';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { CursorListFooter } from '../../../shared/ui/CursorTable';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { useParamsPatch } from '../../../shared/hooks/useParamsPatch';
import { clubApi, kOffersPageSize } from '../api';
import { offerChanged, useClubSettings, useOffers } from '../queries';
import { clubAccess } from '../access';
import { formatPoints, tierMinName } from '../labels';
import type { ClubOffer, OffersPage as OffersAnswer } from '../types';
import { OfferStateTag } from '../components/Tags';
import { OfferModal } from '../components/OfferModal';

/**
 * /club/offers?current=true — 合作商家优惠: the partner merchants' offers of the user's units (and
 * of the group above), and how many (共 N 个): merchant, what is offered, the tier it is open to, the
 * points it costs, the days it is valid, its status in words; only those valid today when asked.
 * Managers add offers, and change or withdraw (下架) those of their units (`editable`); everyone
 * else reads them. On a phone the rows are cards.
 */
export default function OffersPage() {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { me } = useAuth();
  const access = clubAccess(me);
  const narrow = !Grid.useBreakpoint().md;
  const settings = useClubSettings();
  const [params, patch] = useParamsPatch();
  const current = params.get('current') === 'true';
  const offers = useOffers(current);
  const first = offers.pages[0] as OffersAnswer | undefined;
  const total = first?.total;
  const dialog = useModalTarget<ClubOffer | null>();
  const [busy, setBusy] = useState<number | null>(null);
  const tiers = settings.data?.tiers;
  const empty = current ? t('clubOffers.noCurrent') : t('clubOffers.empty');

  const withdraw = async (offer: ClubOffer) => {
    setBusy(offer.id);
    try {
      await clubApi.updateOffer(offer.id, { status: 'withdrawn' }, offer.version);
      void message.success(t('clubOffers.withdrawn', { title: offer.title }));
    } catch (err) {
      void message.error(errorMessage(t, err));
    } finally {
      offerChanged(queryClient);
      setBusy(null);
    }
  };

  const cost = (offer: ClubOffer) => (offer.points_cost ? t('club.points', { points: formatPoints(offer.points_cost) }) : t('clubOffers.free'));
  const validity = (offer: ClubOffer) => t('clubOffers.validRange', { from: offer.valid_from, to: offer.valid_to });
  const actions = (offer: ClubOffer) =>
    offer.editable ? (
      <Flex gap={8} justify="flex-end">
        <Button size="small" onClick={() => dialog.openModal(offer)} data-testid={`offer-edit-${offer.id}`}>
          {t('clubOffers.edit')}
        </Button>
        {offer.status === 'active' && (
          <Popconfirm title={t('clubOffers.withdrawConfirm', { title: offer.title })} okText={t('clubOffers.withdraw')} cancelText={t('common.cancel')} onConfirm={() => withdraw(offer)}>
            <Button size="small" danger loading={busy === offer.id} data-testid={`offer-withdraw-${offer.id}`}>
              {t('clubOffers.withdraw')}
            </Button>
          </Popconfirm>
        )}
      </Flex>
    ) : null;
  const anyEditable = offers.items.some((offer) => offer.editable);

  const columns: TableColumnsType<ClubOffer> = [
    { title: t('clubOffers.merchant'), dataIndex: 'merchant', key: 'merchant', width: 150, render: (merchant: string) => <Typography.Text strong>{merchant}</Typography.Text> },
    {
      title: t('clubOffers.offerTitle'),
      key: 'title',
      width: 240,
      render: (_, offer) => (
        <div>
          {offer.title}
          {offer.description && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis={{ tooltip: offer.description }}>
              {offer.description}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { title: t('clubOffers.tier'), key: 'tier', width: 110, render: (_, offer) => tierMinName(t, tiers, offer.tier_min) },
    { title: t('clubOffers.pointsCost'), key: 'cost', width: 100, align: 'right', render: (_, offer) => cost(offer) },
    { title: t('clubOffers.validity'), key: 'validity', width: 200, render: (_, offer) => <span style={{ whiteSpace: 'nowrap' }}>{validity(offer)}</span> },
    { title: t('clubOffers.status'), key: 'status', width: 90, render: (_, offer) => <OfferStateTag offer={offer} testId={`offer-state-${offer.id}`} /> },
    ...(anyEditable ? [{ title: '', key: 'actions', width: 140, render: (_: unknown, offer: ClubOffer) => actions(offer) }] : []),
  ];

  return (
    <>
      <PageHeader
        title={t('clubOffers.title')}
        description={t('clubOffers.description')}
        extra={
          access.manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => dialog.openModal(null)} data-testid="offers-new">
              {t('clubOffers.new')}
            </Button>
          )
        }
      />
      {!access.manage && <Alert type="info" showIcon title={t('clubOffers.readOnly')} style={{ marginBottom: 16 }} data-testid="offers-read-only" />}
      <ErrorAlert error={offers.error} />
      <Card variant="borderless">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Flex gap={8} align="center">
            <Switch checked={current} onChange={(on) => patch({ current: on ? 'true' : null })} aria-label={t('clubOffers.current')} data-testid="offers-current" />
            <Typography.Text>{t('clubOffers.current')}</Typography.Text>
          </Flex>
          {total !== undefined && (
            <Typography.Text type="secondary" data-testid="offers-total" data-total={total}>
              {t('clubOffers.total', { count: formatPoints(total) })}
            </Typography.Text>
          )}
          <RefreshButton onRefresh={() => void offers.reload()} style={{ marginLeft: 'auto' }} />
        </Flex>
        {narrow ? (
          <Spin spinning={offers.loading && offers.items.length === 0}>
            {offers.items.length === 0 && !offers.loading ? (
              <Typography.Text type="secondary">{empty}</Typography.Text>
            ) : (
              <Flex vertical data-testid="offer-cards">
                {offers.items.map((offer, index) => (
                  <div key={offer.id} style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`offer-row-${offer.id}`}>
                    <Flex justify="space-between" align="center" gap={8}>
                      <Typography.Text strong style={{ minWidth: 0 }}>
                        {offer.merchant}
                      </Typography.Text>
                      <OfferStateTag offer={offer} />
                    </Flex>
                    <div style={{ marginTop: 2, overflowWrap: 'anywhere' }}>{offer.title}</div>
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
                      {[tierMinName(t, tiers, offer.tier_min), cost(offer), validity(offer)].join(' · ')}
                    </Typography.Text>
                    {offer.editable && <div style={{ marginTop: 8 }}>{actions(offer)}</div>}
                  </div>
                ))}
              </Flex>
            )}
          </Spin>
        ) : (
          <Table<ClubOffer>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={offers.items}
            loading={offers.loading}
            pagination={false}
            scroll={{ x: 1030 }}
            onRow={(offer) => ({ 'data-testid': `offer-row-${offer.id}` }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: empty }}
            data-testid="offers-table"
          />
        )}
        <CursorListFooter list={offers} pageSize={kOffersPageSize} />
      </Card>
      {dialog.modal && <OfferModal key={dialog.modal.key} offer={dialog.modal.target ?? undefined} onClose={dialog.closeModal} />}
    </>
  );
}
