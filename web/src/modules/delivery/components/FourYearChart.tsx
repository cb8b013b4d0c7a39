// 四年之约's months as bars, drawn with plain boxes (the app has no chart library): on a wide screen
// a column a month, a year back to 47 months ahead, with the even share as a dashed line; on a phone
// a row a month, by year. Each bar is the homes planned, split into the visits done, missed, open and
// not made yet.
import { Fragment, type CSSProperties, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import type { Translate } from '../../../app/i18n/i18nContext';
import { monthLabel, monthShortLabel } from '../labels';
import type { FourYearMonth } from '../types';

/** A bar's parts, bottom up, with their colours. */
const kParts = [
  { key: 'done', label: 'fourYear.done', color: '#52c41a' },
  { key: 'missed', label: 'fourYear.missed', color: '#f5222d' },
  { key: 'open', label: 'fourYear.open', color: '#faad14' },
  { key: 'not_made', label: 'fourYear.notMade', color: '#c6d4ee' },
] as const satisfies readonly { key: keyof FourYearMonth; label: string; color: string }[];

/** The columns' height in pixels (the tallest month's bar). */
const kHeight = 150;
const kThisMonth = '#e6eeff';
/** Room right of the columns for the even share's words. */
const kGutter = 64;
const kBlue = '#1f4fd1';

/** A month's bar: the homes planned, or more when tasks were made beyond the plan. */
const barOf = (month: FourYearMonth) => Math.max(month.planned, month.done + month.open + month.missed + month.not_made);

/** The month in full words with every count, for the tooltip and the screen reader. */
const detailOf = (t: Translate, month: FourYearMonth) =>
  t('fourYear.monthDetail', {
    month: monthLabel(t, month.month),
    planned: month.planned,
    done: month.done,
    open: month.open,
    missed: month.missed,
    notMade: month.not_made,
  });

/** The colours' key. */
export function FourYearLegend() {
  const t = useT();
  return (
    <Flex gap={14} wrap align="center" style={{ fontSize: 12 }} data-testid="four-year-legend">
      {kParts.map((part) => (
        <Flex key={part.key} gap={6} align="center">
          <span aria-hidden style={{ width: 10, height: 10, borderRadius: 2, background: part.color, display: 'inline-block' }} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(part.label)}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}

/** The test's handle on a month: its id and every count as data attributes. */
const monthData = (month: FourYearMonth) => ({
  'data-testid': `four-year-month-${month.month}`,
  'data-planned': month.planned,
  'data-done': month.done,
  'data-open': month.open,
  'data-missed': month.missed,
  'data-not-made': month.not_made,
});

/**
 * The months as columns: the bar of homes planned (its parts stacked, their count above it), this
 * month shaded, the bands "past 12 months" and "next 47 months" above, the month numbers and the
 * years below, the even share as a dashed line. `everyLabel` false labels the quarters' first months only.
 */
function Columns({ months, perMonth, thisMonth, everyLabel }: { months: FourYearMonth[]; perMonth: number; thisMonth: string; everyLabel: boolean }) {
  const t = useT();
  const max = Math.max(1, perMonth, ...months.map(barOf));
  const px = (count: number) => Math.round((count / max) * kHeight);
  const grid: CSSProperties = { display: 'grid', gridTemplateColumns: `repeat(${months.length}, minmax(0, 1fr))`, columnGap: 2 };
  const now = months.findIndex((month) => month.month === thisMonth);
  // The years below, each spanning its months.
  const years: { year: string; from: number; span: number }[] = [];
  months.forEach((month, index) => {
    const year = month.month.slice(0, 4);
    const last = years[years.length - 1];
    if (last?.year === year) last.span += 1;
    else years.push({ year, from: index + 1, span: 1 });
  });
  const band = (label: ReactNode, from: number, span: number, strong = false) =>
    span > 0 && (
      <div
        style={{
          gridColumn: `${from} / span ${span}`,
          fontSize: 12,
          textAlign: 'center',
          color: strong ? kBlue : '#8c94a3',
          fontWeight: strong ? 600 : undefined,
          borderBottom: `2px solid ${strong ? kBlue : '#e6e9ef'}`,
          paddingBottom: 2,
          whiteSpace: 'nowrap',
          overflow: strong ? 'visible' : 'hidden',
          textOverflow: 'ellipsis',
        }}
      >
        {label}
      </div>
    );

  // The columns leave room on the right for the even share's words.
  return (
    <div style={{ paddingInlineEnd: kGutter }} data-testid="four-year-columns">
      {now >= 0 && (
        <div style={{ ...grid, marginBottom: 6 }}>
          {band(t('fourYear.past'), 1, now)}
          {band(t('fourYear.thisMonth'), now + 1, 1, true)}
          {band(t('fourYear.ahead'), now + 2, months.length - now - 1)}
        </div>
      )}
      <div style={{ ...grid, position: 'relative', height: kHeight + 18, alignItems: 'end' }}>
        {months.map((month) => {
          const current = month.month === thisMonth;
          return (
            <Tooltip key={month.month} title={detailOf(t, month)}>
              <div
                role="img"
                aria-label={detailOf(t, month)}
                style={{
                  height: '100%',
                  display: 'flex',
                  flexDirection: 'column',
                  justifyContent: 'flex-end',
                  alignItems: 'stretch',
                  background: current ? kThisMonth : undefined,
                  borderRadius: 3,
                }}
                {...monthData(month)}
                data-current={current || undefined}
              >
                <div style={{ fontSize: 10, lineHeight: '14px', textAlign: 'center', color: current ? kBlue : '#5b6473', fontWeight: current ? 600 : undefined, whiteSpace: 'nowrap' }}>
                  {month.planned > 0 ? month.planned : ''}
                </div>
                <div style={{ display: 'flex', flexDirection: 'column-reverse', margin: '0 1px' }}>
                  {kParts.map((part) =>
                    month[part.key] > 0 ? <div key={part.key} style={{ height: Math.max(1, px(month[part.key])), background: part.color }} /> : null,
                  )}
                </div>
              </div>
            </Tooltip>
          );
        })}
        {perMonth > 0 && (
          <div
            aria-hidden
            style={{ position: 'absolute', left: 0, right: 0, bottom: px(perMonth), borderTop: '1px dashed #5b6473', pointerEvents: 'none' }}
            data-testid="four-year-average"
          >
            <span style={{ position: 'absolute', left: '100%', bottom: -8, width: kGutter, paddingInlineStart: 6, fontSize: 11, lineHeight: '16px', color: '#5b6473', whiteSpace: 'nowrap' }}>
              {t('fourYear.averageLine', { count: perMonth })}
            </span>
          </div>
        )}
      </div>
      <div style={{ ...grid, borderTop: '1px solid #d9dde5', paddingTop: 3 }} aria-hidden>
        {months.map((month) => {
          const number = Number(month.month.slice(5, 7));
          const current = month.month === thisMonth;
          const shown = everyLabel || current || (number - 1) % 3 === 0;
          return (
            <div key={month.month} style={{ fontSize: 10, textAlign: 'center', color: current ? kBlue : '#8c94a3', fontWeight: current || number === 1 ? 600 : undefined }}>
              {shown ? number : ''}
            </div>
          );
        })}
      </div>
      <div style={{ ...grid, marginTop: 2 }} aria-hidden>
        {years.map((year) => (
          <div key={year.year} style={{ gridColumn: `${year.from} / span ${year.span}`, fontSize: 11, color: '#5b6473', borderLeft: '1px solid #d9dde5', paddingLeft: 4, whiteSpace: 'nowrap', overflow: 'hidden' }}>
            {year.span >= 3 ? year.year : ''}
          </div>
        ))}
      </div>
    </div>
  );
}

/** A month as a row, for a phone: its name, a horizontal bar, the homes planned; this month shaded, with the way to its queue. */
function Rows({ months, thisMonth, queue }: { months: FourYearMonth[]; thisMonth: string; queue: string }) {
  const t = useT();
  const max = Math.max(1, ...months.map(barOf));
  const years = [...new Set(months.map((month) => month.month.slice(0, 4)))];
  return (
    <Flex vertical gap={2} data-testid="four-year-rows">
      {years.map((year) => (
        <Fragment key={year}>
          <Typography.Text strong style={{ fontSize: 12, marginTop: 8, color: '#5b6473' }}>
            {t('fourYear.yearHeading', { year })}
          </Typography.Text>
          {months
            .filter((month) => month.month.startsWith(year))
            .map((month) => {
              const current = month.month === thisMonth;
              return (
                <div
                  key={month.month}
                  style={{ padding: current ? '6px 6px' : '2px 6px', background: current ? kThisMonth : undefined, borderRadius: 4 }}
                  {...monthData(month)}
                  data-current={current || undefined}
                >
                  <div style={{ display: 'grid', gridTemplateColumns: '38px minmax(0, 1fr) 44px', gap: 8, alignItems: 'center' }}>
                    <span style={{ fontSize: 12, color: current ? kBlue : '#5b6473', fontWeight: current ? 600 : undefined }}>{monthShortLabel(t, month.month)}</span>
                    <div role="img" aria-label={detailOf(t, month)} style={{ display: 'flex', height: 10, borderRadius: 2, overflow: 'hidden', background: '#f3f5f9' }}>
                      {kParts.map((part) =>
                        month[part.key] > 0 ? <div key={part.key} style={{ width: `${(month[part.key] / max) * 100}%`, background: part.color }} /> : null,
                      )}
                    </div>
                    <span style={{ fontSize: 12, textAlign: 'right', whiteSpace: 'nowrap', fontWeight: current ? 600 : undefined, color: month.planned ? undefined : '#bfc5cf' }}>
                      {t('fourYear.plannedShown', { count: month.planned })}
                    </span>
                  </div>
                  {current && (
                    <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 4, fontSize: 12 }}>
                      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                        {t('fourYear.thisMonth')}
                      </Tag>
                      <Link to={queue} data-testid="four-year-month-queue">
                        {t('fourYear.openQueue')} <RightOutlined style={{ fontSize: 10 }} />
                      </Link>
                    </Flex>
                  )}
                </div>
              );
            })}
        </Fragment>
      ))}
    </Flex>
  );
}

/**
 * The plan's months: columns on a wide screen (`narrow` false; `everyLabel` to number every month),
 * rows on a phone, and below the columns this month in words with the way to the visit queue (`queue`).
 */
export function FourYearChart({
  months,
  perMonth,
  thisMonth,
  queue,
  narrow,
  everyLabel,
}: {
  months: FourYearMonth[];
  perMonth: number;
  /** "2026-12", the server's today's. */
  thisMonth: string;
  queue: string;
  narrow: boolean;
  everyLabel: boolean;
}) {
  const t = useT();
  const current = months.find((month) => month.month === thisMonth);
  if (narrow) return <Rows months={months} thisMonth={thisMonth} queue={queue} />;
  return (
    <>
      <Columns months={months} perMonth={perMonth} thisMonth={thisMonth} everyLabel={everyLabel} />
      {current && (
        <Flex
          justify="space-between"
          align="center"
          gap={12}
          wrap
          style={{ marginTop: 16, padding: '8px 12px', background: kThisMonth, borderRadius: 6 }}
          data-testid="four-year-this-month"
        >
          <Typography.Text>
            <Typography.Text strong style={{ color: kBlue }}>
              {t('fourYear.thisMonth')}
            </Typography.Text>
            {' · '}
            {detailOf(t, current)}
          </Typography.Text>
          <Link to={queue} data-testid="four-year-month-queue">
            {t('fourYear.openQueue')} <RightOutlined style={{ fontSize: 10 }} />
          </Link>
        </Flex>
      )}
    </>
  );
}
