import { Link } from 'react-router-dom';
import { Empty, Flex, Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { kReinspectionColors, reinspectionLabel } from '../labels';
import type { Handover } from '../types';

/**
 * The repairs the inspection opened, each a ticket (to its page) with its title and its 复验: 待维修
 * while it is worked on, 待复验 once resolved (the owner inspects it again), 复验通过 once closed.
 */
export function HandoverRepairs({ handover }: { handover: Handover }) {
  const t = useT();
  if (handover.repairs.length === 0) {
    const inspected = handover.steps.some((s) => s.step === 'inspection');
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={inspected ? t('handover.ticketsEmpty') : t('handover.ticketsWaiting')} />;
  }
  return (
    <Flex vertical data-testid="handover-tickets">
      <Typography.Text type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
        {t('handover.repairsHint')}
      </Typography.Text>
      {handover.repairs.map((repair, index) => (
        <Flex
          key={repair.id}
          justify="space-between"
          align="center"
          gap={8}
          style={{ padding: '8px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }}
          data-testid={`handover-ticket-${repair.id}`}
        >
          <div style={{ minWidth: 0 }}>
            <Link to={`/tickets/${repair.id}`} data-testid={`handover-ticket-link-${repair.id}`}>
              {t('handover.ticketLink', { id: repair.id })}
            </Link>
            <Typography.Text style={{ display: 'block', fontSize: 13, overflowWrap: 'anywhere' }}>{repair.title}</Typography.Text>
          </div>
          <Tag
            color={kReinspectionColors[repair.reinspection]}
            style={{ marginInlineEnd: 0, flexShrink: 0 }}
            data-testid={`repair-reinspection-${repair.id}`}
            data-state={repair.reinspection}
          >
            {reinspectionLabel(t, repair.reinspection)}
          </Tag>
        </Flex>
      ))}
    </Flex>
  );
}
