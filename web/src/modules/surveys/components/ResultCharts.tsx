// The results page's charts, drawn with ECharts: the indices by group with their 95% intervals, the
// trend over waves, the driver analysis's quadrants. This module alone imports ECharts (its core and
// the few charts and components used), and the results page loads it lazily: no other page, and not
// the first screen, downloads it.
import * as echarts from 'echarts/core';
import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { EChart, kChartAxisLine, kChartFont, kChartSplitLine, kChartText } from '../../../shared/ui/EChart';
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams, CustomSeriesRenderItemReturn } from 'echarts';

echarts.use([BarChart, CustomChart, LineChart, ScatterChart, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);


/** One bar of the grouped view: a group's name, its value, its interval (the same scale), its count. */
export interface GroupBar {
  name: string;
  value: number | null;
  low: number | null;
  high: number | null;
  n: number;
}

/**
 * The caps and the line of a 95% interval over the bar of a category (data: index, low, high, label),
 * and the bar's value written just past the interval's end.
 */
function intervalItem(params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI): CustomSeriesRenderItemReturn {
  const category = api.value(0);
  const low = api.coord([api.value(1), category]);
  const high = api.coord([api.value(2), category]);
  const cap = ((api.size?.([0, 1]) as number[] | undefined)?.[1] ?? 20) * 0.28;
  const style = { stroke: '#1f2329', lineWidth: 1.2 };
  const label = String(api.value(3));
  const whisker = high[0] > low[0];
  void params;
  return {
    type: 'group',
    children: [
      ...(whisker
        ? [
            { type: 'line' as const, shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style },
            { type: 'line' as const, shape: { x1: low[0], y1: low[1] - cap, x2: low[0], y2: low[1] + cap }, style },
            { type: 'line' as const, shape: { x1: high[0], y1: high[1] - cap, x2: high[0], y2: high[1] + cap }, style },
          ]
        : []),
      { type: 'text' as const, x: high[0] + 6, y: high[1], style: { text: label, fill: '#1f2329', fontSize: 12, fontWeight: 600, verticalAlign: 'middle' as const, fontFamily: kChartFont } },
    ],
  };
}

/**
 * The index of each group as a horizontal bar, its 95% interval as an error bar; shares in percent
 * (0–100), NPS on −100…100. `format` writes a value, `tooltip` a group's line.
 */
export function GroupChart({
  bars,
  nps,
  color,
  format,
  tooltip,
}: {
  bars: GroupBar[];
  nps: boolean;
  color: string;
  format: (value: number) => string;
  tooltip: (bar: GroupBar) => string;
}) {
  const names = bars.map((bar) => bar.name);
  const option: echarts.EChartsCoreOption = {
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (items: { dataIndex: number }[]) => tooltip(bars[items[0].dataIndex]) },
    xAxis: {
      type: 'value',
      min: nps ? -100 : 0,
      max: 100,
      interval: nps ? 50 : 25,
      axisLabel: { color: kChartText, hideOverlap: true, formatter: (value: number) => (nps ? String(value) : `${value}%`) },
      splitLine: kChartSplitLine,
    },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { color: kChartText, width: 112, overflow: 'truncate' }, axisLine: kChartAxisLine, axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        data: bars.map((bar) => bar.value),
        barMaxWidth: 16,
        itemStyle: { color, opacity: 0.78, borderRadius: 3 },
      },
      {
        type: 'custom',
        renderItem: intervalItem,
        encode: { x: [1, 2], y: 0 },
        data: bars
          .map((bar, index) => (bar.value === null ? null : [index, bar.low ?? bar.value, bar.high ?? bar.value, format(bar.value)]))
          .filter((row) => row !== null),
        z: 10,
        tooltip: { show: false },
      },
    ],
  };
  return <EChart option={option} height={Math.max(180, bars.length * 34 + 40)} testId="group-chart" />;
}

/** A line of the trend: its name, colour, a value per wave (null where not measured), on the left (%) or right (NPS) axis. */
export interface TrendLine {
  name: string;
  color: string;
  values: (number | null)[];
  nps?: boolean;
}

/** The indices over the waves, oldest first: shares in percent on the left axis, NPS on the right. */
export function TrendChart({ waves, lines, format }: { waves: string[]; lines: TrendLine[]; format: (value: number, nps: boolean) => string }) {
  const option: echarts.EChartsCoreOption = {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { color: kChartText }, itemWidth: 14, itemHeight: 8 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: undefined,
      formatter: (items: { seriesIndex: number; marker: string; seriesName: string; value: number | null; axisValueLabel: string }[]) =>
        [items[0]?.axisValueLabel, ...items.map((item) => `${item.marker}${item.seriesName}　${item.value === null || item.value === undefined ? '—' : format(item.value, !!lines[item.seriesIndex]?.nps)}`)].join('<br/>'),
    },
    xAxis: { type: 'category', data: waves, boundaryGap: waves.length < 3, axisLabel: { color: kChartText, width: 120, overflow: 'truncate' }, axisLine: kChartAxisLine },
    yAxis: [
      { type: 'value', min: 0, max: 100, axisLabel: { color: kChartText, formatter: '{value}%' }, splitLine: kChartSplitLine },
      // NPS (−100…100) on the right; the legend names its dashed line.
      { type: 'value', min: -100, max: 100, axisLabel: { color: kChartText }, splitLine: { show: false } },
    ],
    series: lines.map((line) => ({
      type: 'line',
      name: line.name,
      data: line.values,
      yAxisIndex: line.nps ? 1 : 0,
      symbolSize: 7,
      connectNulls: true,
      lineStyle: { width: 2, ...(line.nps ? { type: 'dashed' } : {}) },
      itemStyle: { color: line.color },
    })),
  };
  return <EChart option={option} height={300} testId="trend-chart" />;
}

/** An item of the driver analysis on the chart: importance, points, quadrant colour. */
export interface DriverPoint {
  name: string;
  importance: number;
  points: number;
  color: string;
}

/**
 * 驱动因素分析: each experience item at its importance (x: its correlation with overall satisfaction)
 * and its points (y), the means as lines dividing the four quadrants, each quadrant named in its corner.
 */
export function DriversChart({
  points,
  meanImportance,
  meanPoints,
  quadrants,
  axes,
  tooltip,
}: {
  points: DriverPoint[];
  meanImportance: number;
  meanPoints: number;
  /** The quadrants' names and tints: above-left, above-right, below-left, below-right of the means. */
  quadrants: { keepUp: [string, string]; improveFirst: [string, string]; maintain: [string, string]; improveLater: [string, string] };
  axes: { x: string; y: string };
  tooltip: (point: DriverPoint) => string;
}) {
  const importances = points.map((p) => p.importance).concat(meanImportance);
  const scores = points.map((p) => p.points).concat(meanPoints);
  const pad = (lo: number, hi: number, step: number) => [Math.floor((lo - step) / step) * step, Math.ceil((hi + step) / step) * step];
  const [xMin, xMax] = pad(Math.min(...importances), Math.max(...importances), 0.05);
  const [yMin, yMax] = pad(Math.min(...scores), Math.max(...scores), 5);
  const area = (name: string, tint: string, from: [number, number], to: [number, number], position: string) => [
    { name, coord: from, itemStyle: { color: tint }, label: { show: true, position, color: kChartText, fontSize: 12, fontWeight: 600 } },
    { coord: to },
  ];
  const option: echarts.EChartsCoreOption = {
    grid: { left: 8, right: 48, top: 24, bottom: 36, containLabel: true },
    tooltip: { trigger: 'item', formatter: (item: { dataIndex: number; seriesIndex: number }) => (item.seriesIndex === 0 ? tooltip(points[item.dataIndex]) : '') },
    xAxis: {
      type: 'value',
      name: axes.x,
      nameLocation: 'middle',
      nameGap: 26,
      nameTextStyle: { color: kChartText },
      min: Math.max(-1, xMin),
      max: Math.min(1, xMax),
      axisLabel: { color: kChartText, formatter: (value: number) => value.toFixed(2) },
      splitLine: kChartSplitLine,
    },
    yAxis: { type: 'value', name: axes.y, nameTextStyle: { color: kChartText }, min: Math.max(0, yMin), max: Math.min(100, yMax), axisLabel: { color: kChartText }, splitLine: kChartSplitLine },
    series: [
      {
        type: 'scatter',
        symbolSize: 14,
        data: points.map((p) => ({ value: [p.importance, p.points], name: p.name, itemStyle: { color: p.color } })),
        label: { show: true, position: 'right', formatter: '{b}', color: '#1f2329', fontSize: 12 },
        labelLayout: { hideOverlap: false, moveOverlap: 'shiftY' },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: '#8c94a3', type: 'dashed' },
          label: { show: false },
          data: [
            [{ coord: [meanImportance, Math.max(0, yMin)] }, { coord: [meanImportance, Math.min(100, yMax)] }],
            [{ coord: [Math.max(-1, xMin), meanPoints] }, { coord: [Math.min(1, xMax), meanPoints] }],
          ],
        },
        markArea: {
          silent: true,
          data: [
            area(quadrants.maintain[0], quadrants.maintain[1], [Math.max(-1, xMin), Math.min(100, yMax)], [meanImportance, meanPoints], 'insideTopLeft'),
            area(quadrants.keepUp[0], quadrants.keepUp[1], [meanImportance, Math.min(100, yMax)], [Math.min(1, xMax), meanPoints], 'insideTopRight'),
            area(quadrants.improveLater[0], quadrants.improveLater[1], [Math.max(-1, xMin), meanPoints], [meanImportance, Math.max(0, yMin)], 'insideBottomLeft'),
            area(quadrants.improveFirst[0], quadrants.improveFirst[1], [meanImportance, meanPoints], [Math.min(1, xMax), Math.max(0, yMin)], 'insideBottomRight'),
          ],
        },
      },
    ],
  };
  return <EChart option={option} height={360} testId="drivers-chart" />;
}
