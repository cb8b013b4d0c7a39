import { Tag } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { statusColor, unitStatusLabel } from '../labels';

/** A unit's status (待售, 认筹, …) in the board's colours. */
export function StatusTag({ status, testId }: { status: string; testId?: string }) {
  const t = useT();
  const color = statusColor(status);
  return (
    <Tag
      variant="outlined"
      style={{ marginInlineEnd: 0, color: color.text, background: color.soft, borderColor: `${color.strong}80` }}
      data-testid={testId}
      data-status={status}
    >
      {unitStatusLabel(t, status)}
    </Tag>
  );
}
