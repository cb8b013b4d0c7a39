import type { ReactNode } from 'react';
import { Button, Flex, Select } from 'antd';
import { useT } from '../../../app/i18n/useT';
import type { MessageKey } from '../../../app/i18n/messages';
import { departmentOptions, gradeOptions, kindOptions } from '../labels';
import type { Department, TicketGrade, TicketKind } from '../types';

/** The filters of a list of tickets beyond its status: what the queue and the call-back queue offer. */
export interface TicketFilters {
  kind?: TicketKind;
  grade?: TicketGrade;
  department?: Department;
  /** Past an SLA deadline or not. */
  breached?: 'yes' | 'no';
}

export type TicketFilterName = keyof TicketFilters;

/** The filters as the list's query: `breached` as a boolean. */
export function ticketFilterQuery(filters: TicketFilters) {
  const { breached, ...rest } = filters;
  return { ...rest, breached: breached === undefined ? undefined : breached === 'yes' };
}

/**
 * The row of filter boxes over a ticket list (工单队列, 回访队列): the `shown` ones, in the same
 * order, widths and words everywhere; with `resettable`, a 重置 link once any is set. `extra` goes
 * at the end of the row.
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
  const boxes: Record<TicketFilterName, { label: MessageKey; placeholder: MessageKey; width: number; options: { value: string; label: string }[] }> = {
    kind: { label: 'ticket.kind', placeholder: 'ticket.filterKind', width: 140, options: kindOptions(t) },
    grade: { label: 'ticket.grade', placeholder: 'ticket.filterGrade', width: 140, options: gradeOptions(t) },
    department: { label: 'ticket.department', placeholder: 'ticket.filterDepartment', width: 160, options: departmentOptions(t) },
    breached: {
      label: 'ticket.sla',
      placeholder: 'ticket.filterBreached',
      width: 160,
      options: [
        { value: 'yes', label: t('ticket.breachedOnly') },
        { value: 'no', label: t('ticket.notBreached') },
      ],
    },
  };
  const filtered = shown.some((name) => filters[name] !== undefined);
  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
      {shown.map((name) => (
        <Select<string>
          key={name}
          allowClear
          aria-label={t(boxes[name].label)}
          placeholder={t(boxes[name].placeholder)}
          style={{ width: boxes[name].width }}
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
