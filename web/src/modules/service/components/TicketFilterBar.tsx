import type { ReactNode } from 'react';
import { Button, Flex, Select } from 'antd';
import { useT } from '../../../app/i18n/useT';
import type { MessageKey } from '../../../app/i18n/messages';
import { useProjectNames } from '../../inventory/queries';
import { departmentOptions, gradeOptions, kindOptions, slaStateOptions } from '../labels';
import type { Department, SlaState, TicketGrade, TicketKind } from '../types';

/** The filters of a list of tickets beyond its status and search: what the queue and the call-back queue offer. */
export interface TicketFilters {
  kind?: TicketKind;
  grade?: TicketGrade;
  department?: Department;
  /** 将超时, 已超时, 超时办结…: as the server reckons it. */
  sla_state?: SlaState;
  project_id?: number;
}

export type TicketFilterName = keyof TicketFilters;

export const kTicketFilterNames = ['kind', 'grade', 'department', 'sla_state', 'project_id'] as const satisfies readonly TicketFilterName[];

interface Box {
  label: MessageKey;
  placeholder: MessageKey;
  width: number;
  options: { value: string | number; label: string }[];
}

/**
 * The row of filter boxes over a ticket list (工单队列, 回访队列): the `shown` ones, in the same
 * order, widths and words everywhere; with `resettable`, a 重置 link once any is set. `extra` goes
 * at the end of the row. 楼盘 offers the projects the caller may see.
 */
export function TicketFilterBar({
  filters,
  onChange,
  shown,
  resettable,
  extra,
}: {
  filters: TicketFilters;
  onChange: (filters: TicketFilters) => void;
  shown: readonly TicketFilterName[];
  resettable?: boolean;
  extra?: ReactNode;
}) {
  const t = useT();
  const projects = useProjectNames();
  const boxes: Record<TicketFilterName, Box> = {
    kind: { label: 'ticket.kind', placeholder: 'ticket.filterKind', width: 120, options: kindOptions(t) },
    grade: { label: 'ticket.grade', placeholder: 'ticket.filterGrade', width: 120, options: gradeOptions(t) },
    department: { label: 'ticket.department', placeholder: 'ticket.filterDepartment', width: 130, options: departmentOptions(t) },
    sla_state: { label: 'ticket.sla', placeholder: 'ticket.filterSla', width: 130, options: slaStateOptions(t) },
    project_id: {
      label: 'ticket.project',
      placeholder: 'ticket.filterProject',
      width: 170,
      options: [...projects].map(([value, label]) => ({ value, label })),
    },
  };
  const filtered = shown.some((name) => filters[name] !== undefined);
  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
      {shown.map((name) => (
        <Select<string | number>
          key={name}
          allowClear
          showSearch={name === 'project_id' ? { optionFilterProp: 'label' } : undefined}
          aria-label={t(boxes[name].label)}
          placeholder={t(boxes[name].placeholder)}
          style={{ width: boxes[name].width, maxWidth: '100%' }}
          value={filters[name]}
          onChange={(value) => onChange({ ...filters, [name]: value })}
          options={boxes[name].options}
          data-testid={`filter-${name}`}
        />
      ))}
      {resettable && filtered && (
        <Button type="link" onClick={() => onChange({})}>
          {t('common.reset')}
        </Button>
      )}
      {extra}
    </Flex>
  );
}
