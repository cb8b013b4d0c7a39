import type { Translate } from '../../app/i18n/i18nContext';
import type { BackTo } from '../../shared/ui/RecordPage';
import { valueLabel } from '../../app/i18n/i18nContext';
import { kDecorations, kUnitStatuses, type UnitStatus } from './types';

export const unitStatusLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'unitStatus', value);
export const decorationLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'decoration', value);
export const unitEventLabel = (t: Translate, value: string | null | undefined) => valueLabel(t, 'unitEvent', value);

export const decorationOptions = (t: Translate) => kDecorations.map((value) => ({ value, label: decorationLabel(t, value) }));
export const unitStatusOptions = (t: Translate) => kUnitStatuses.map((value) => ({ value, label: unitStatusLabel(t, value) }));

/** Colours of the sales-control board: strong for borders, dots and tags; soft for cell backgrounds. */
export const kStatusColors: Record<UnitStatus, { strong: string; soft: string; text: string }> = {
  available: { strong: '#389e0d', soft: '#eaf7e1', text: '#1f5e08' },
  pledged: { strong: '#d4a106', soft: '#fdf6d8', text: '#7a5a00' },
  subscribed: { strong: '#e8720c', soft: '#fde9d7', text: '#8a3c00' },
  contracted: { strong: '#cf1322', soft: '#fde3e3', text: '#8c0f17' },
  delivered: { strong: '#1f4fd1', soft: '#e3eafc', text: '#12307f' },
};

export const statusColor = (status: string) => kStatusColors[status as UnitStatus] ?? { strong: '#8c94a3', soft: '#f0f2f5', text: '#434a57' };

/**
 * Where a unit may go next (mirrors the server's rule, unit.cpp): forward along the pipeline,
 * pledge straight to contract, and a pledge or subscription cancelled back to available.
 */
export const kNextStatuses: Record<UnitStatus, UnitStatus[]> = {
  available: ['pledged', 'subscribed'],
  pledged: ['subscribed', 'contracted', 'available'],
  subscribed: ['contracted', 'available'],
  contracted: ['delivered'],
  delivered: [],
};

/** Whether going to `to` steps back along the pipeline (a cancelled pledge or subscription). */
export const isStepBack = (from: UnitStatus, to: UnitStatus) => kUnitStatuses.indexOf(to) < kUnitStatuses.indexOf(from);

const kYuan = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const kCompact = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 1, useGrouping: false });
const kMillion = new Intl.NumberFormat('en', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** "¥4,068,050" from fen; "—" for no price. */
export function formatYuan(cents: number | null | undefined): string {
  if (!cents) return '—';
  return `¥${kYuan.format(cents / 100)}`;
}

/** "406.8万" from fen, for tight places (board cells); English gets "¥4.07M". */
export function formatCompactPrice(t: Translate, cents: number | null | undefined): string {
  if (!cents) return '—';
  return t('inventory.priceCompact', { wan: kCompact.format(cents / 1_000_000), million: kMillion.format(cents / 100_000_000) });
}

/** Price per m² in yuan, rounded. */
export function formatUnitPrice(cents: number, area: number): string {
  if (!cents || !area) return '—';
  return `¥${kYuan.format(Math.round(cents / 100 / area))}`;
}

/** Yuan as typed (up to 2 decimals) to integer fen, without float drift (0.29 × 100 = 28.999…). */
export function yuanToFen(yuan: number | null | undefined): number | undefined {
  if (yuan === null || yuan === undefined || Number.isNaN(yuan)) return undefined;
  return Math.round(yuan * 100);
}

/** "98.5 m²" */
export const formatArea = (area: number | null | undefined) => (area ? `${Number(area.toFixed(2))} m²` : '—');

/** A share (0–1) as a percentage: "50%", "33.33%". */
export const formatShare = (share: number) => `${Number((share * 100).toFixed(2))}%`;

/** A building label as people say it: "3号楼" / "Building 3". */
export const buildingLabel = (t: Translate, building: string) => t('inventory.buildingName', { building });

/** Back to 楼盘, from a project or a unit that is not there. */
export const backToProjects = (t: Translate): BackTo => ({ path: '/projects', label: t('project.backToList') });
