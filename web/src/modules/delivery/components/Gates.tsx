import { Flex, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { gateColor, gateDetail, gateLabel, gateShortLabel } from '../labels';
import type { BatchGate, DeliveryBatch } from '../types';

/** The gates of a batch as small tags (the list): each its short name, coloured passed / refusing / overdue / waiting; the tooltip says what it asks for. */
export function GateTags({ batch }: { batch: DeliveryBatch }) {
  const t = useT();
  return (
    <Flex gap={4} wrap data-testid={`batch-gates-${batch.id}`}>
      {batch.gates.map((gate) => (
        <Tooltip key={gate.key} title={t('gate.tooltip', { gate: gateLabel(t, gate.key), detail: gateDetail(t, gate, batch) })}>
          <Tag color={gateColor(gate)} style={{ marginInlineEnd: 0, fontSize: 12 }} data-gate={gate.key} data-passed={gate.passed}>
            {gateShortLabel(t, gate.key)}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}

function GateIcon({ gate }: { gate: BatchGate }) {
  if (gate.passed) return <CheckCircleFilled style={{ color: '#52c41a', fontSize: 18 }} />;
  if (gate.blocks) return <CloseCircleFilled style={{ color: '#f5222d', fontSize: 18 }} />;
  if (gate.overdue) return <ExclamationCircleFilled style={{ color: '#fa8c16', fontSize: 18 }} />;
  return <ClockCircleOutlined style={{ color: '#8c94a3', fontSize: 18 }} />;
}

/** The gates as a checklist (the batch page): passed or not, what each still asks for, its day and whether it is overdue. */
export function GateChecklist({ batch }: { batch: DeliveryBatch }) {
  const t = useT();
  return (
    <Flex vertical gap={0} data-testid="gate-checklist">
      {batch.gates.map((gate, index) => (
        <Flex
          key={gate.key}
          gap={12}
          align="flex-start"
          style={{ padding: '10px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }}
          data-testid={`gate-${gate.key}`}
          data-passed={gate.passed}
          data-overdue={gate.overdue}
        >
          <span style={{ paddingTop: 2 }}>
            <GateIcon gate={gate} />
          </span>
          <div style={{ flex: 1, minWidth: 0 }}>
            <Flex justify="space-between" gap={8} wrap>
              <Typography.Text strong>{gateLabel(t, gate.key)}</Typography.Text>
              <Flex gap={4} wrap>
                {gate.passed ? (
                  <Tag color="green" style={{ marginInlineEnd: 0 }}>
                    {t('gate.passed')}
                  </Tag>
                ) : (
                  <>
                    {gate.blocks && (
                      <Tag color="red" style={{ marginInlineEnd: 0 }}>
                        {t('gate.blocksRelease')}
                      </Tag>
                    )}
                    {gate.overdue ? (
                      <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid={`gate-overdue-${gate.key}`}>
                        {t('gate.overdue')}
                      </Tag>
                    ) : (
                      !gate.blocks && <Tag style={{ marginInlineEnd: 0 }}>{t('gate.pending')}</Tag>
                    )}
                  </>
                )}
              </Flex>
            </Flex>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {gateDetail(t, gate, batch)}
              {gate.due_on && ` · ${t('gate.dueOn', { date: gate.due_on })}`}
            </Typography.Text>
          </div>
        </Flex>
      ))}
    </Flex>
  );
}
