import { Col, Row, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';

type Json = Record<string, unknown> | null;

function changedKeys(before: Json, after: Json): Set<string> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changed = new Set<string>();
  for (const key of keys) {
    if (JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key])) changed.add(key);
  }
  return changed;
}

/** One side: pretty JSON, one line per top-level key, changed keys marked. */
function JsonPane({ value, changed, tone, testId }: { value: Json; changed: Set<string>; tone: 'before' | 'after'; testId: string }) {
  const t = useT();
  const mark = tone === 'before' ? '#fff1f0' : '#f6ffed';
  const edge = tone === 'before' ? '#ff7875' : '#73d13d';
  return (
    <pre
      className="hearth-mono"
      data-testid={testId}
      style={{
        margin: 0,
        padding: '10px 0',
        background: '#fafbfc',
        border: '1px solid #eceff3',
        borderRadius: 6,
        minHeight: 64,
        overflow: 'auto',
        maxHeight: 360,
        lineHeight: 1.7,
      }}
    >
      {value === null ? (
        <div style={{ padding: '0 12px', color: '#8c94a3' }}>{t('audit.nothing')}</div>
      ) : (
        <>
          <div style={{ padding: '0 12px' }}>{'{'}</div>
          {Object.entries(value).map(([key, field], index, all) => {
            const text = JSON.stringify(field, null, 2) ?? 'null';
            const hot = changed.has(key);
            return (
              <div
                key={key}
                style={{
                  padding: '0 12px 0 10px',
                  background: hot ? mark : undefined,
                  borderLeft: `2px solid ${hot ? edge : 'transparent'}`,
                  whiteSpace: 'pre-wrap',
                  wordBreak: 'break-all',
                }}
              >
                {'  '}
                <span style={{ color: '#1f4fd1' }}>{JSON.stringify(key)}</span>: {text.replace(/\n/g, '\n  ')}
                {index < all.length - 1 ? ',' : ''}
              </div>
            );
          })}
          <div style={{ padding: '0 12px' }}>{'}'}</div>
        </>
      )}
    </pre>
  );
}

/** Before and after of an audit entry, side by side. */
export function AuditDiff({ before, after }: { before: Json; after: Json }) {
  const t = useT();
  const changed = changedKeys(before, after);
  return (
    <div style={{ padding: '4px 8px 8px' }}>
      {changed.size > 0 && before && after && (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
          {t('audit.changedKeys', { keys: [...changed].join(', ') })}
        </Typography.Text>
      )}
      <Row gutter={16}>
        <Col span={12}>
          <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
            {t('audit.before')}
          </Typography.Text>
          <JsonPane value={before} changed={changed} tone="before" testId="audit-before" />
        </Col>
        <Col span={12}>
          <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
            {t('audit.after')}
          </Typography.Text>
          <JsonPane value={after} changed={changed} tone="after" testId="audit-after" />
        </Col>
      </Row>
    </div>
  );
}
