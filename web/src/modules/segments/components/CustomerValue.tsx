import { lazy, Suspense } from 'react';
import { Link } from 'react-router-dom';
import { Flex, Grid, Skeleton, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import type { Translate } from '../../../app/i18n/i18nContext';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { useCustomerValue } from '../queries';
import { assumptionsSource, centsKey, formatFen, formatNumber, kValueParts, valuePartLabel } from '../labels';
import type { HouseholdValue } from '../types';
import type { FlowSeries, FlowYear } from './SegmentCharts';

const CashFlowChart = lazy(() => import('./SegmentCharts').then((m) => ({ default: m.CashFlowChart })));

/** The value axis in 万 (ten thousand yuan; thousands in English), the tooltip's amounts in whole yuan. */
const axisYuan = (t: Translate) => (yuan: number) => (yuan === 0 ? '0' : t('customerValue.axisWan', { wan: formatNumber(yuan / 10_000, 1), k: formatNumber(yuan / 1_000, 0) }));
const moneyYuan = (yuan: number) => formatFen(yuan * 100);

/** The chart's years and series from the household's cash flow: each part in yuan, the cost of winning it below zero. */
function chartOf(t: Translate, value: HouseholdValue): { years: FlowYear[]; series: FlowSeries[] } {
  const years = value.years.map((year) => ({ label: String(year.year), expected: year.expected, discounted: year.discounted_cents / 100 }));
  const series = kValueParts.map(({ part, color }) => ({
    name: valuePartLabel(t, part),
    color,
    values: value.years.map((year) => (part === 'acquisition' ? -year.acquisition_cents : year[centsKey(part)]) / 100),
  }));
  return { years, series };
}

/**
 * 客户终身价值 on the customer page (a `customerSections` card): the household's value in yuan, each
 * part's share of it, its cash flow by year as a chart (the recorded years apart from the expected),
 * the computation in the server's words, and whose assumptions hold (with the way to them for
 * those who may set them). A customer without a home is told so in words: their value starts with
 * a purchase.
 */
export function CustomerValue({ customerId }: { customerId: number }) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const query = useCustomerValue(customerId);
  const value = query.data;
  if (query.error) return <ErrorAlert error={query.error} style={{ margin: '8px 0' }} />;
  if (!value) return <Skeleton active paragraph={{ rows: 3 }} style={{ padding: '8px 0' }} />;

  const assumptions = value.assumptions;
  const source = (
    <Flex gap="4px 12px" wrap align="center" style={{ fontSize: 12 }} data-testid="customer-value-assumptions">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('customerValue.assumptions', { source: assumptionsSource(t, assumptions) })}
      </Typography.Text>
      {assumptions.editable && (
        <Link to={`/segments/value-assumptions?org_unit_id=${assumptions.org_unit_id}`} data-testid="customer-value-edit-assumptions">
          {t('customerValue.editAssumptions')}
        </Link>
      )}
    </Flex>
  );

  if (!value.owner) {
    return (
      <Flex vertical gap={6} style={{ padding: '8px 0' }} data-testid="customer-value" data-owner="no">
        <Typography.Text data-testid="customer-value-none">{t('customerValue.noHome')}</Typography.Text>
        {source}
      </Flex>
    );
  }

  const { years, series } = chartOf(t, value);
  const last = value.years[value.years.length - 1]?.year ?? value.first_year;
  return (
    <Flex vertical gap={12} style={{ padding: '8px 0' }} data-testid="customer-value" data-owner="yes">
      <Flex align="baseline" gap="4px 12px" wrap>
        <Typography.Text strong style={{ fontSize: 26, lineHeight: 1.2 }} data-testid="customer-value-total" data-cents={value.value_cents}>
          {formatFen(value.value_cents)}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('customerValue.basis', { first: value.first_year ?? '', last: last ?? '' })}
        </Typography.Text>
      </Flex>
      <Flex gap="6px 16px" wrap data-testid="customer-value-parts">
        {kValueParts.map(({ part, color }) => {
          const cents = value.parts[centsKey(part)];
          return (
            <Flex key={part} gap={6} align="center" style={{ fontSize: 13 }} data-part={part}>
              <span style={{ width: 8, height: 8, borderRadius: 2, background: color, flex: 'none' }} />
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {valuePartLabel(t, part)}
              </Typography.Text>
              <Typography.Text style={{ fontSize: 13 }}>{part === 'acquisition' ? formatFen(-cents) : formatFen(cents)}</Typography.Text>
            </Flex>
          );
        })}
      </Flex>
      <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 260 }} />}>
        <CashFlowChart
          years={years}
          series={series}
          labels={{ recorded: t('customerValue.recorded'), expected: t('customerValue.expected'), discounted: t('customerValue.discounted'), cumulative: t('customerValue.cumulative') }}
          money={moneyYuan}
          axis={axisYuan(t)}
          narrow={narrow}
        />
      </Suspense>
      <Typography.Text type="secondary" style={{ fontSize: 12, marginTop: -6 }}>
        {t('customerValue.chartHint')}
      </Typography.Text>
      <div data-testid="customer-value-lines">
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('customerValue.linesTitle')}
        </Typography.Text>
        <ol style={{ margin: '4px 0 0', paddingInlineStart: 20, fontSize: 13, color: '#4b5263' }}>
          {value.lines.map((line, i) => (
            <li key={i} style={{ overflowWrap: 'anywhere' }}>
              {line}
            </li>
          ))}
        </ol>
      </div>
      {source}
    </Flex>
  );
}
