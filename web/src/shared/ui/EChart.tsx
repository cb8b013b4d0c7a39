// An ECharts chart for the modules' lazily loaded chart files (surveys' results, segments' shares and
// value): the div that fills its width, the instance made and disposed with it, resized with its box,
// drawn again when its option changes; and the house's chart text and lines. Only echarts/core is
// imported here: each chart file registers the charts and components it draws (echarts.use), so the
// pages that import none of them download none of it.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';

export const kChartFont = '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
export const kChartText = '#4b5263';
export const kChartAxisLine = { lineStyle: { color: '#d9dde5' } };
export const kChartSplitLine = { lineStyle: { color: '#eef0f4' } };

/** An ECharts chart in a div that fills its width: drawn again when `option` changes, resized with its box. */
export function EChart({ option, height, testId }: { option: echarts.EChartsCoreOption; height: number; testId: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const element = box.current!;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const watch = new ResizeObserver(() => instance.resize());
    watch.observe(element);
    return () => {
      watch.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    // No motion for those who asked for none (the browser tests too: a picture never catches a chart half drawn).
    const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    chart.current?.setOption({ textStyle: { fontFamily: kChartFont }, animation: !still, ...option }, true);
  }, [option]);
  return <div ref={box} style={{ width: '100%', height }} data-testid={testId} data-chart="echarts" />;
}
