import { Alert, Card, Flex, Skeleton, Spin, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { errorMessage } from '../../../shared/ui/apiErrors';
import type { Draft } from '../draft';
import { cellOf, formatNumber, formatShare, kUnplacedColor, segmentColor } from '../labels';
import type { SegmentPreview } from '../types';

/** A share as a bar of its colour, its percentage after it; the published share as a tick when given. */
export function ShareBar({ share, color, published, height = 8 }: { share: number; color: string; published?: number | null; height?: number }) {
  const width = `${Math.min(100, Math.max(0, share * 100))}%`;
  return (
    <div style={{ position: 'relative', height, background: '#f0f2f5', borderRadius: height / 2, overflow: 'visible' }}>
      <div style={{ width, height, background: color, borderRadius: height / 2 }} />
      {published !== null && published !== undefined && (
        <div style={{ position: 'absolute', top: -3, left: `calc(${Math.min(100, published * 100)}% - 1px)`, width: 2, height: height + 6, background: '#4b5263', borderRadius: 1 }} />
      )}
    </div>
  );
}

/**
 * 实时预览: the shares the definition being edited gives, over every customer or a sample (said
 * which), each segment with its published share as a tick, its sub-classes under it, then 未归类. While
 * a rule is at fault the last shares stay, greyed, and the panel says how many rules to mend.
 */
export function PreviewPanel({
  draft,
  current,
  preview,
  fetching,
  faultCount,
  failure,
}: {
  /** The definition the shares are of (the last one the server could compute). */
  draft: Draft | null;
  /** The definition as it is now: the names come from it (renaming a class does not wait for the preview). */
  current: Draft;
  preview: SegmentPreview | undefined;
  fetching: boolean;
  faultCount: number;
  failure: unknown;
}) {
  const t = useT();
  const outdated = faultCount > 0;
  const names = new Map(current.segments.flatMap((segment) => [[segment.uid, segment.name.trim()], ...segment.subs.map((sub) => [sub.uid, sub.name.trim()] as const)]));
  const nameOf = (uid: string, fallback: string) => names.get(uid) || fallback;
  const row = (key: string, name: string, share: number | null, customers: number, color: string, published: number | null, testId: string, sub = false) => (
    <div key={key} style={{ padding: sub ? '2px 0 2px 16px' : '6px 0 2px' }} data-testid={testId}>
      <Flex justify="space-between" gap={8} style={{ fontSize: sub ? 12 : 13 }}>
        <Typography.Text ellipsis type={sub ? 'secondary' : undefined} style={{ fontSize: 'inherit', minWidth: 0 }}>
          {name}
        </Typography.Text>
        {share === null ? (
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }} data-testid={`${testId}-value`}>
            {t('editor.noRuleYet')}
          </Typography.Text>
        ) : (
          <span style={{ whiteSpace: 'nowrap' }}>
            <Typography.Text strong={!sub} style={{ fontSize: 'inherit' }} data-testid={`${testId}-value`}>
              {formatShare(share)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
              {t('segment.customersCount', { count: formatNumber(customers, 0) })}
            </Typography.Text>
          </span>
        )}
      </Flex>
      {!sub && (
        <div style={{ marginTop: 4 }}>
          <ShareBar share={share ?? 0} color={color} published={published} />
        </div>
      )}
      {!sub && published !== null && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('segment.publishedShareValue', { share: formatShare(published) })}
        </Typography.Text>
      )}
    </div>
  );

  return (
    <Card
      variant="borderless"
      title={t('editor.previewTitle')}
      extra={fetching ? <Spin size="small" data-testid="preview-fetching" /> : undefined}
      data-testid="preview-panel"
      data-state={outdated ? 'faulty' : preview ? 'ready' : 'waiting'}
    >
      {outdated && <Alert type="warning" showIcon title={t('editor.previewFaults', { count: faultCount })} style={{ marginBottom: 12 }} data-testid="preview-faults" />}
      {failure !== null && failure !== undefined && <Alert type="error" showIcon title={errorMessage(t, failure)} style={{ marginBottom: 12 }} />}
      {!preview || !draft ? (
        !outdated && <Skeleton active paragraph={{ rows: 5 }} />
      ) : (
        <div style={{ opacity: outdated ? 0.45 : 1, transition: 'opacity .2s' }}>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 4 }} data-testid="preview-basis">
            {preview.sampled === 0 ? t('editor.previewNobody') : preview.whole ? t('editor.previewWhole', { count: formatNumber(preview.sampled, 0) }) : t('editor.previewSample', { count: formatNumber(preview.sampled, 0) })}
          </Typography.Text>
          {draft.segments.map((segment, i) => {
            const cell = cellOf(preview.cells, i);
            return (
              <div key={segment.uid}>
                {row(segment.uid, nameOf(segment.uid, t('editor.unnamed', { n: i + 1 })), segment.rule.trim() ? cell.share : null, cell.customers, segmentColor(i), segment.published_share, `preview-${i + 1}`)}
                {segment.subs.map((sub, j) => {
                  const subCell = cellOf(preview.cells, i, j);
                  return row(sub.uid, nameOf(sub.uid, t('editor.unnamedSub', { n: j + 1 })), sub.rule.trim() ? subCell.share : null, subCell.customers, segmentColor(i), null, `preview-${i + 1}-${j + 1}`, true);
                })}
              </div>
            );
          })}
          {(() => {
            const cell = cellOf(preview.cells, -1);
            return row('unplaced', t('segment.unplaced'), cell.share, cell.customers, kUnplacedColor, null, 'preview-unplaced');
          })()}
        </div>
      )}
    </Card>
  );
}
