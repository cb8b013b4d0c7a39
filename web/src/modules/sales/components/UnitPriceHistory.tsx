import { useQuery } from '@tanstack/react-query';
import { Flex, Timeline, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { listFallback } from '../../../shared/ui/QueryState';
import { salesApi } from '../api';
import { priceKeys } from '../queries';
import { formatMinute } from '../labels';
import { BeforeAfter } from './PriceCells';

/**
 * 价格历史 of a unit (the unit page's card, `unitSections`): each applied adjustment that changed its
 * list price, newest first: the adjustment's name, the price before → after, who applied it and when.
 */
export function UnitPriceHistory({ unitId }: { unitId: number }) {
  const t = useT();
  const { data, error } = useQuery({
    queryKey: priceKeys.history(unitId),
    queryFn: async ({ signal }) => (await salesApi.priceHistory(unitId, signal)).items,
  });
  const fallback = listFallback(data, error, t('price.historyEmpty'));
  if (fallback || !data) return <div data-testid="unit-price-history">{fallback}</div>;
  return (
    <Timeline
      data-testid="unit-price-history"
      items={data.map((change, index) => ({
        key: `${change.adjustment_id}-${index}`,
        color: change.after_cents >= change.before_cents ? 'green' : 'red',
        content: (
          <div data-testid="price-change" data-adjustment={change.adjustment_id}>
            <Flex gap={8} align="baseline" wrap>
              <Typography.Text strong>{change.name}</Typography.Text>
              <BeforeAfter before={change.before_cents} after={change.after_cents} />
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('price.historyBy', { at: formatMinute(change.at), name: change.by_name })}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
