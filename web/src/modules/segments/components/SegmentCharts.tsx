// The module's charts, drawn with ECharts: on the model page each segment's share beside its published
// share; on the customer page's 客户终身价值 card the household's cash flow by year. This file alone of
// the module imports ECharts (its core and the bar chart), and both load it lazily: no other page, and
// not the first screen, downloads it.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { EChart, kChartAxisLine, kChartSplitLine, kChartText } from '../../../shared/ui/EChart';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent, CanvasRenderer]);


/** A bar of the chart: a segment's (or 未归类's) name, its colour, its share, its published share (null: none). */
export interface ShareBar {
  name: string;
  color: string;
  share: number;
  published: number | null;
}

/**
 * Each segment's share of the customers as a horizontal bar in its colour, its published share (万科's
 * five classes publish theirs) as a grey bar beside it; shares in percent. `labels` name the two series.
 */
export function ShareChart({ bars, labels, narrow }: { bars: ShareBar[]; labels: { share: string; published: string }; narrow: boolean }) {
  const percent = (share: number) => Math.round(share * 1000) / 10;
  const anyPublished = bars.some((bar) => bar.published !== null);
  const option: echarts.EChartsCoreOption = {
    grid: { left: 8, right: 48, top: anyPublished ? 32 : 8, bottom: 8, containLabel: true },
    legend: anyPublished ? { top: 0, left: 0, textStyle: { color: kChartText }, itemWidth: 14, itemHeight: 8, data: [labels.share, labels.published] } : undefined,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items: { dataIndex: number; seriesName: string; value: number | null; marker: string }[]) =>
        [bars[items[0].dataIndex].name, ...items.filter((item) => item.value !== null && item.value !== undefined).map((item) => `${item.marker}${item.seriesName}　${item.value}%`)].join('<br/>'),
    },
    xAxis: { type: 'value', min: 0, max: (range: { max: number }) => Math.min(100, Math.ceil((range.max + 5) / 10) * 10), axisLabel: { color: kChartText, formatter: '{value}%', hideOverlap: true }, splitLine: kChartSplitLine },
    yAxis: {
      type: 'category',
      data: bars.map((bar) => bar.name),
      inverse: true,
      axisLabel: { color: kChartText, width: narrow ? 84 : 160, overflow: 'truncate' },
      axisLine: kChartAxisLine,
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: labels.share,
        data: bars.map((bar) => ({ value: percent(bar.share), itemStyle: { color: bar.color } })),
        barMaxWidth: 14,
        barGap: '20%',
        itemStyle: { color: '#3e63dd', borderRadius: 3 },
        label: { show: true, position: 'right', color: '#1f2329', fontSize: 12, formatter: '{c}%' },
      },
      ...(anyPublished
        ? [
            {
              type: 'bar',
              name: labels.published,
              data: bars.map((bar) => (bar.published === null ? null : percent(bar.published))),
              barMaxWidth: 14,
              itemStyle: { color: '#c4c9d4', borderRadius: 3 },
              label: { show: true, position: 'right', color: '#8c94a3', fontSize: 12, formatter: '{c}%' },
            },
          ]
        : []),
    ],
  };
  const perBar = anyPublished ? 40 : 30;
  return <EChart option={option} height={Math.max(160, bars.length * perBar + (anyPublished ? 48 : 20))} testId="share-chart" />;
}

/** A series of the cash-flow chart: a part's name, its colour, its amount (yuan) in each year (a cost below zero). */
export interface FlowSeries {
  name: string;
  color: string;
  values: number[];
}

/** A year of the cash-flow chart: its label, whether it is expected (after this year), its sum discounted (yuan). */
export interface FlowYear {
  label: string;
  expected: boolean;
  discounted: number;
}

/**
 * A household's cash flow by year as stacked bars, one colour per part (a cost below zero): the
 * recorded years solid, the expected ones pale under a band named `labels.expected`; a line of the
 * value so far, each year discounted to the first purchase (its last point is the lifetime value).
 * The parts' names and colours are told beside the chart (no legend here). `money` writes an amount
 * in the tooltip, `axis` on the value axis.
 */
export function CashFlowChart({
  years,
  series,
  labels,
  money,
  axis,
  narrow,
}: {
  years: FlowYear[];
  series: FlowSeries[];
  labels: { recorded: string; expected: string; discounted: string; cumulative: string };
  money: (yuan: number) => string;
  axis: (yuan: number) => string;
  narrow: boolean;
}) {
  const firstExpected = years.findIndex((year) => year.expected);
  const shown = series.filter((s) => s.values.some((value) => value !== 0));
  let sum = 0;
  const cumulative = years.map((year) => (sum += year.discounted));
  const option: echarts.EChartsCoreOption = {
    grid: { left: 8, right: 12, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items: { dataIndex: number; seriesName: string; seriesType: string; value: number; marker: string }[]) => {
        const at = items[0].dataIndex;
        const year = years[at];
        return [
          `${year.label}　${year.expected ? labels.expected : labels.recorded}`,
          ...items.filter((item) => item.seriesType === 'bar' && item.value !== 0).map((item) => `${item.marker}${item.seriesName}　${money(item.value)}`),
          `${labels.discounted}　${money(year.discounted)}`,
          `${labels.cumulative}　${money(cumulative[at])}`,
        ].join('<br/>');
      },
    },
    xAxis: { type: 'category', data: years.map((year) => year.label), axisLabel: { color: kChartText, hideOverlap: true }, axisLine: kChartAxisLine, axisTick: { show: false } },
    yAxis: { type: 'value', axisLabel: { color: kChartText, formatter: axis }, splitLine: kChartSplitLine },
    series: [
      ...shown.map((s, index) => ({
        type: 'bar',
        name: s.name,
        stack: 'flow',
        barMaxWidth: 28,
        itemStyle: { color: s.color },
        data: s.values.map((value, i) => ({ value, itemStyle: { opacity: years[i].expected ? 0.45 : 1 } })),
        ...(index === 0 && firstExpected >= 0
          ? {
              markArea: {
                silent: true,
                itemStyle: { color: 'rgba(140, 148, 163, 0.08)' },
                label: { color: '#8c94a3', fontSize: 12, position: 'insideTop' },
                data: [[{ name: labels.expected, xAxis: years[firstExpected].label }, { xAxis: years[years.length - 1].label }]],
              },
            }
          : {}),
      })),
      {
        type: 'line',
        name: labels.cumulative,
        data: cumulative,
        symbol: 'circle',
        symbolSize: 5,
        lineStyle: { color: '#1f2329', width: 1.5 },
        itemStyle: { color: '#1f2329' },
        z: 5,
      },
    ],
  };
  return <EChart option={option} height={narrow ? 240 : 280} testId="value-chart" />;
}
