import { useState } from 'react';
import { App, Button, Card, Flex, Skeleton, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { clubApi } from '../api';
import { ratesChanged, useClubRates } from '../queries';
import { clubAccess } from '../access';
import { chinaTime, formatPoints, formatRate } from '../labels';
import type { ClubRateSide } from '../types';

type Side = 'members' | 'others';

/** The three rates, each with its part and whole and what it counts. */
const kRates = [
  { key: 'repurchase', label: 'clubRates.repurchase', hint: 'clubRates.repurchaseHint', rate: 'repurchase_rate', part: 'repurchased', whole: 'owners' },
  { key: 'rebuy', label: 'clubRates.rebuy', hint: 'clubRates.rebuyHint', rate: 'rebuy_rate', part: 'would_rebuy', whole: 'answered' },
  { key: 'referral', label: 'clubRates.referral', hint: 'clubRates.referralHint', rate: 'referral_rate', part: 'referrers', whole: 'owners' },
] as const satisfies readonly { key: string; label: string; hint: string; rate: keyof ClubRateSide; part: keyof ClubRateSide; whole: keyof ClubRateSide }[];

/**
 * 会员与非会员: among the owners in the user's scope, the club's members against the others — 复购率,
 * 再购意愿, 推荐率 side by side as percentages with their counts (无数据 where no one is counted),
 * and when they were computed (each night); 重新计算 for managers.
 */
export function ClubRatesCard() {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { me } = useAuth();
  const manage = clubAccess(me).manage;
  const rates = useClubRates();
  const [busy, setBusy] = useState(false);

  const recompute = async () => {
    setBusy(true);
    try {
      ratesChanged(queryClient, await clubApi.recomputeRates());
      void message.success(t('clubRates.recomputed'));
    } catch (err) {
      void message.error(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  const figure = (side: Side, rate: (typeof kRates)[number]) => {
    const counts = rates.data![side];
    const value = counts[rate.rate];
    return (
      <div data-testid={`rates-${rate.key}-${side}`}>
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
          {t(side === 'members' ? 'clubRates.members' : 'clubRates.others')}
        </Typography.Text>
        {value === null ? (
          <Typography.Text type="secondary" style={{ fontSize: 16, lineHeight: '30px' }}>
            {formatRate(t, value)}
          </Typography.Text>
        ) : (
          <Typography.Text strong style={{ fontSize: 20, color: side === 'members' ? '#1f4fd1' : undefined }}>
            {formatRate(t, value)}
          </Typography.Text>
        )}
        {value !== null && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('clubRates.counts', { part: formatPoints(counts[rate.part]), whole: formatPoints(counts[rate.whole]) })}
          </Typography.Text>
        )}
      </div>
    );
  };

  return (
    <Card
      variant="borderless"
      title={t('clubRates.title')}
      style={{ marginBottom: 16 }}
      extra={
        manage && (
          <Button size="small" icon={<ReloadOutlined />} loading={busy} onClick={() => void recompute()} data-testid="rates-recompute">
            {t('clubRates.recompute')}
          </Button>
        )
      }
      data-testid="club-rates"
    >
      <ErrorAlert error={rates.error} />
      {rates.data ? (
        <>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: 16 }}>
            {kRates.map((rate) => (
              <div key={rate.key} style={{ border: '1px solid #f0f2f5', borderRadius: 8, padding: '10px 14px' }}>
                <Typography.Text strong>{t(rate.label)}</Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 6 }}>
                  {t(rate.hint)}
                </Typography.Text>
                <Flex gap={16} wrap>
                  <div style={{ flex: '1 1 80px' }}>{figure('members', rate)}</div>
                  <div style={{ flex: '1 1 80px' }}>{figure('others', rate)}</div>
                </Flex>
              </div>
            ))}
          </div>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 10 }} data-testid="rates-computed">
            {t('clubRates.hint')} {rates.data.computed_at ? t('clubRates.computedAt', { at: chinaTime(rates.data.computed_at) }) : t('clubRates.never')}
          </Typography.Text>
        </>
      ) : (
        !rates.error && <Skeleton active paragraph={{ rows: 2 }} />
      )}
    </Card>
  );
}
