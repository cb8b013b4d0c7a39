// The module's small marks: a model's computation (已计算, 待计算, 尚未计算) and where it came from.
import { Tag, Tooltip } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { presetLabel } from '../labels';
import type { SegmentModel } from '../types';

const kTag = { marginInlineEnd: 0 };

/** The last computation: 已计算 (its time on hover), 待计算 (changed since), 尚未计算. */
export function ComputeTag({ model, testId }: { model: Pick<SegmentModel, 'computed_version' | 'stale' | 'computed_at'>; testId?: string }) {
  const t = useT();
  if (model.computed_version === 0) {
    return (
      <Tooltip title={t('segment.notComputedHint')}>
        <Tag color="gold" style={kTag} data-testid={testId} data-state="never">
          {t('segment.notComputed')}
        </Tag>
      </Tooltip>
    );
  }
  if (model.stale) {
    return (
      <Tooltip title={t('segment.staleHint')}>
        <Tag color="orange" style={kTag} data-testid={testId} data-state="stale">
          {t('segment.stale')}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={t('segment.computedAt', { at: formatDateTime(model.computed_at) })}>
      <Tag color="green" style={kTag} data-testid={testId} data-state="computed">
        {t('segment.computed')}
      </Tag>
    </Tooltip>
  );
}

/** 预设：万科五类客户, or 自定义 for a model made from blank. */
export function PresetTag({ preset, testId }: { preset: string | null; testId?: string }) {
  const t = useT();
  return (
    <Tag color={preset ? 'blue' : 'default'} style={kTag} data-testid={testId}>
      {preset ? t('segment.fromPreset', { preset: presetLabel(t, preset) }) : t('segment.custom')}
    </Tag>
  );
}
