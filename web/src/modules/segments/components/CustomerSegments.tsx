import { Link } from 'react-router-dom';
import { Flex, Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { listFallback } from '../../../shared/ui/QueryState';
import { useCustomerSegments, useFacts } from '../queries';
import { factLabel, factValueText, segmentColor } from '../labels';
import type { CustomerSegment, SegmentFact } from '../types';

/** The facts a model's rules read for this customer, in the catalog's order, each as 名称 value in words. */
function FactsRead({ item, facts, testId }: { item: CustomerSegment; facts: SegmentFact[] | undefined; testId: string }) {
  const t = useT();
  const order = (code: string) => {
    const at = facts?.findIndex((f) => f.code === code) ?? -1;
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  const codes = Object.keys(item.facts).sort((a, b) => order(a) - order(b));
  if (codes.length === 0) return null;
  return (
    <Flex gap="4px 16px" wrap style={{ marginTop: 6, fontSize: 12 }} data-testid={testId}>
      {codes.map((code) => {
        const fact = facts?.find((f) => f.code === code);
        const value = item.facts[code];
        return (
          <span key={code} data-fact={code}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {factLabel(t, code, fact)}
            </Typography.Text>{' '}
            <Typography.Text style={{ fontSize: 12 }} type={value === null ? 'secondary' : undefined}>
              {factValueText(t, code, value, fact)}
            </Typography.Text>
          </span>
        );
      })}
    </Flex>
  );
}

/**
 * 客户细分 on the customer page (a `customerSections` card): for each model the user sees, the segment
 * and sub-class the customer is in today (未归类 when no rule holds), and the facts its rules read of
 * this customer, in words (年龄 76 岁, 家庭生命周期 老年, 收入水平 中等, 房产总价 未知).
 */
export function CustomerSegments({ customerId }: { customerId: number }) {
  const t = useT();
  const query = useCustomerSegments(customerId);
  const facts = useFacts();
  const items = query.data;
  const fallback = listFallback(items, query.error, t('customerSegments.none'));
  if (fallback) return fallback;
  return (
    <Flex vertical data-testid="customer-segments">
      {items!.map((item, index) => {
        const testId = `customer-segment-${item.model_id}`;
        return (
          <div key={item.model_id} style={{ padding: '10px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={testId}>
            <Flex gap={8} align="center" wrap>
              <Link to={`/segments/${item.model_id}`}>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {item.model_name}
                </Typography.Text>
              </Link>
              {item.segment ? (
                <Tag color={segmentColor(item.segment.index ?? 0)} style={{ marginInlineEnd: 0 }} data-testid={`${testId}-segment`}>
                  {item.segment.name}
                </Tag>
              ) : (
                <Tag style={{ marginInlineEnd: 0 }} data-testid={`${testId}-segment`}>
                  {t('segment.unplaced')}
                </Tag>
              )}
              {item.sub && (
                <Typography.Text style={{ fontSize: 13 }} data-testid={`${testId}-sub`}>
                  {item.sub.name}
                </Typography.Text>
              )}
            </Flex>
            <FactsRead item={item} facts={facts.data} testId={`${testId}-facts`} />
          </div>
        );
      })}
      <Typography.Text type="secondary" style={{ fontSize: 12, marginTop: 4 }}>
        {t('customerSegments.hint')}
      </Typography.Text>
    </Flex>
  );
}
