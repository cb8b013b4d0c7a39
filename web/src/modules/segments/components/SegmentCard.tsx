import type { ReactNode } from 'react';
import { Button, Card, Col, Flex, Form, Input, InputNumber, Row, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { reasonText } from '../../../shared/ui/apiErrors';
import { newSub, type CardFaults, type DraftSegment, type DraftSub } from '../draft';
import { formatShare, segmentColor } from '../labels';
import { RuleField } from './RuleField';

/** What the live preview says of one card: its share (null while there is none), whether it is from an earlier definition. */
export interface CardShare {
  share: number | null;
  outdated: boolean;
}

/** The card's preview share, and the published one beside it. */
function ShareMark({ share, published, testId }: { share?: CardShare; published: number | null; testId: string }) {
  const t = useT();
  return (
    <Flex gap={4} align="center" wrap>
      {share && share.share !== null && (
        <Tooltip title={share.outdated ? t('editor.previewOutdated') : t('editor.previewShareHint')}>
          <Tag color={share.outdated ? 'default' : 'processing'} style={{ marginInlineEnd: 0 }} data-testid={testId}>
            {t('editor.previewShare', { share: formatShare(share.share) })}
          </Tag>
        </Tooltip>
      )}
      {published !== null && (
        <Tag style={{ marginInlineEnd: 0 }} data-testid={`${testId}-published`}>
          {t('segment.publishedShareValue', { share: formatShare(published) })}
        </Tag>
      )}
    </Flex>
  );
}

const reasonOf = (faults: CardFaults | undefined, field: string) => faults?.fields.get(field);
const itemStatus = (reason: string | undefined, t: ReturnType<typeof useT>) => (reason ? { validateStatus: 'error' as const, help: reasonText(t, reason) } : {});

/**
 * A segment of the rule editor: its order (第 1 类: the first whose rule holds takes the customer),
 * name, published share, rule and description, and its sub-classes (each a name and a rule, the
 * first that holds within the segment); the live preview's share on it, the server's faults on the
 * field they name. Moved up and down, removed.
 */
export function SegmentCard({
  segment,
  index,
  total,
  faults,
  share,
  subShares,
  onChange,
  onMove,
  onRemove,
}: {
  segment: DraftSegment;
  index: number;
  total: number;
  faults: Map<string, CardFaults> | undefined;
  share?: CardShare;
  subShares: (CardShare | undefined)[];
  onChange: (segment: DraftSegment) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const n = index + 1;
  const mine = faults?.get(segment.uid);
  const name = segment.name.trim() || t('editor.unnamed', { n });
  const set = (patch: Partial<DraftSegment>) => onChange({ ...segment, ...patch });
  const setSub = (j: number, patch: Partial<DraftSub>) => set({ subs: segment.subs.map((s, k) => (k === j ? { ...s, ...patch } : s)) });
  const moveSub = (j: number, delta: -1 | 1) => {
    const subs = [...segment.subs];
    const [moved] = subs.splice(j, 1);
    subs.splice(j + delta, 0, moved);
    set({ subs });
  };
  const ruleFault = (card: CardFaults | undefined) => (card?.rule ? { ...card.rule, text: card.ruleText ?? '' } : undefined);
  const anyFault = !!mine || segment.subs.some((s) => faults?.has(s.uid));

  const tools = (
    <Flex gap={2}>
      <Tooltip title={t('editor.moveUp')}>
        <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(-1)} aria-label={t('editor.moveUp')} data-testid={`segment-${n}-up`} />
      </Tooltip>
      <Tooltip title={t('editor.moveDown')}>
        <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={index === total - 1} onClick={() => onMove(1)} aria-label={t('editor.moveDown')} data-testid={`segment-${n}-down`} />
      </Tooltip>
      <Tooltip title={t('editor.removeSegment')}>
        <Button size="small" type="text" danger icon={<DeleteOutlined />} disabled={total === 1} onClick={onRemove} aria-label={t('editor.removeSegment')} data-testid={`segment-${n}-remove`} />
      </Tooltip>
    </Flex>
  );

  const title: ReactNode = (
    <Flex align="center" gap={8} wrap style={{ minWidth: 0, padding: '4px 0' }}>
      <span style={{ width: 10, height: 10, borderRadius: 3, background: segmentColor(index), flex: 'none' }} />
      <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
        {t('editor.order', { n })}
      </Typography.Text>
      <Typography.Text strong ellipsis style={{ maxWidth: 260 }}>
        {name}
      </Typography.Text>
      <ShareMark share={share} published={segment.published_share} testId={`segment-${n}-share`} />
    </Flex>
  );

  return (
    <Card
      variant="borderless"
      size="small"
      title={title}
      extra={tools}
      style={anyFault ? { boxShadow: '0 0 0 1px #ffccc7' } : undefined}
      styles={{ header: { flexWrap: 'wrap' } }}
      data-testid={`segment-${n}`}
      data-code={segment.code}
      data-fault={anyFault ? 'yes' : 'no'}
    >
      <Form layout="vertical" component="div">
        <Row gutter={12}>
          <Col xs={24} sm={16}>
            <Form.Item label={t('segment.segmentName')} required {...itemStatus(reasonOf(mine, 'name'), t)} style={{ marginBottom: 12 }}>
              <Input value={segment.name} maxLength={40} onChange={(event) => set({ name: event.target.value })} aria-label={t('editor.nameOf', { n })} data-testid={`segment-${n}-name`} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label={t('segment.publishedShare')} tooltip={t('editor.publishedHint')} {...itemStatus(reasonOf(mine, 'published_share'), t)} style={{ marginBottom: 12 }}>
              <InputNumber
                value={segment.published_share === null ? null : Math.round(segment.published_share * 1000) / 10}
                min={0}
                max={100}
                step={1}
                suffix="%"
                style={{ width: '100%' }}
                onChange={(value) => set({ published_share: value === null ? null : Number(value) / 100 })}
                aria-label={t('editor.publishedOf', { n })}
                data-testid={`segment-${n}-published`}
              />
            </Form.Item>
          </Col>
        </Row>
        <RuleField
          value={segment.rule}
          onChange={(rule) => set({ rule })}
          fault={ruleFault(mine)}
          reason={reasonOf(mine, 'rule')}
          label={t('editor.ruleOf', { name })}
          placeholder={t('editor.rulePlaceholder')}
          testId={`segment-${n}-rule`}
        />
        {!segment.rule.trim() && !mine && (
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
            {t('editor.ruleEmpty')}
          </Typography.Text>
        )}
        <Form.Item label={t('segment.description')} {...itemStatus(reasonOf(mine, 'description'), t)} style={{ margin: '12px 0 0' }}>
          <Input.TextArea
            value={segment.description}
            maxLength={500}
            autoSize={{ minRows: 1, maxRows: 4 }}
            placeholder={t('editor.descriptionPlaceholder')}
            onChange={(event) => set({ description: event.target.value })}
            aria-label={t('editor.descriptionOf', { n })}
            data-testid={`segment-${n}-description`}
          />
        </Form.Item>
      </Form>

      <div style={{ marginTop: 12 }} data-testid={`segment-${n}-subs`}>
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 6 }}>
          <Typography.Text strong style={{ fontSize: 13 }}>
            {t('editor.subsTitle', { count: segment.subs.length })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('editor.subsHint')}
          </Typography.Text>
        </Flex>
        <Flex vertical gap={8}>
          {segment.subs.map((sub, j) => {
            const m = j + 1;
            const subFaults = faults?.get(sub.uid);
            const subName = sub.name.trim() || t('editor.unnamedSub', { n: m });
            return (
              <div key={sub.uid} style={{ padding: '8px 10px', background: '#f7f8fa', borderRadius: 6 }} data-testid={`segment-${n}-sub-${m}`}>
                <Flex gap={8} align="flex-start" wrap>
                  <Form.Item {...itemStatus(reasonOf(subFaults, 'name'), t)} style={{ flex: '1 1 160px', marginBottom: 8 }}>
                    <Input
                      value={sub.name}
                      maxLength={40}
                      placeholder={t('editor.subNamePlaceholder')}
                      onChange={(event) => setSub(j, { name: event.target.value })}
                      aria-label={t('editor.subNameOf', { n, m })}
                      data-testid={`segment-${n}-sub-${m}-name`}
                    />
                  </Form.Item>
                  <ShareMark share={subShares[j]} published={sub.published_share} testId={`segment-${n}-sub-${m}-share`} />
                  <Flex gap={2} style={{ marginInlineStart: 'auto' }}>
                    <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={j === 0} onClick={() => moveSub(j, -1)} aria-label={t('editor.moveUp')} />
                    <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={j === segment.subs.length - 1} onClick={() => moveSub(j, 1)} aria-label={t('editor.moveDown')} />
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => set({ subs: segment.subs.filter((_, k) => k !== j) })}
                      aria-label={t('editor.removeSub')}
                      data-testid={`segment-${n}-sub-${m}-remove`}
                    />
                  </Flex>
                </Flex>
                <RuleField
                  value={sub.rule}
                  onChange={(rule) => setSub(j, { rule })}
                  fault={ruleFault(subFaults)}
                  reason={reasonOf(subFaults, 'rule')}
                  label={t('editor.ruleOf', { name: subName })}
                  placeholder={t('editor.subRulePlaceholder')}
                  testId={`segment-${n}-sub-${m}-rule`}
                />
              </div>
            );
          })}
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            disabled={segment.subs.length >= 12}
            onClick={() => set({ subs: [...segment.subs, newSub(segment, '')] })}
            style={{ alignSelf: 'flex-start' }}
            data-testid={`segment-${n}-add-sub`}
          >
            {t('editor.addSub')}
          </Button>
        </Flex>
      </div>
    </Card>
  );
}
