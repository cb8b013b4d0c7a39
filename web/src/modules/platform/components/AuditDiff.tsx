import { Col, Row, Typography } from 'antd';
import { FieldLines, fieldLabel, type AuditNames } from '../auditWords';

type Json = Record<string, unknown> | null;

function changedKeys(before: Json, after: Json): Set<string> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changed = new Set<string>();
  for (const key of keys) {
    if (JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key])) changed.add(key);
  }
  return changed;
}

/** One side: "字段：值" lines with the fields' words, changed ones marked. */
function Pane({ value, changed, tone, entityType, names, testId }: { value: Json; changed: Set<string>; tone: 'before' | 'after'; entityType: string; names: AuditNames; testId: string }) {
  return (
    <div
      data-testid={testId}
      style={{ padding: '8px 0', background: '#fafbfc', border: '1px solid #eceff3', borderRadius: 6, minHeight: 48, overflow: 'auto', maxHeight: 360 }}
    >
      {value === null ? (
        <div style={{ padding: '0 12px', color: '#8c94a3' }}>{names.t('audit.nothing')}</div>
      ) : (
        <FieldLines json={value} entityType={entityType} names={names} changed={changed} tone={tone} />
      )}
    </div>
  );
}

/**
 * Before and after of an audit entry in words: each field by its label with its value (people and
 * org units by name, vocabularies in words, times local); side by side when both exist, the one
 * side alone otherwise.
 */
export function AuditDiff({ before, after, entityType, names }: { before: Json; after: Json; entityType: string; names: AuditNames }) {
  const { t } = names;
  const both = before !== null && after !== null;
  const changed = both ? changedKeys(before, after) : new Set<string>();
  return (
    <div style={{ padding: '4px 8px 8px' }}>
      {both && changed.size > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
          {t('audit.changedKeys', { keys: [...changed].map((key) => fieldLabel(t, key)).join('、') })}
        </Typography.Text>
      )}
      <Row gutter={16}>
        {before !== null && (
          <Col span={both ? 12 : 24}>
            <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
              {t('audit.before')}
            </Typography.Text>
            <Pane value={before} changed={changed} tone="before" entityType={entityType} names={names} testId="audit-before" />
          </Col>
        )}
        {after !== null && (
          <Col span={both ? 12 : 24}>
            <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
              {t('audit.after')}
            </Typography.Text>
            <Pane value={after} changed={changed} tone="after" entityType={entityType} names={names} testId="audit-after" />
          </Col>
        )}
      </Row>
    </div>
  );
}
