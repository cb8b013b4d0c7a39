import { useState } from 'react';
import { Flex, Select, Spin, Typography, type SelectProps } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { useDebouncedValue } from '../../../shared/hooks/useDebouncedValue';
import { useCustomerSearch } from '../queries';
import { searchable } from '../search';
import type { Customer } from '../types';
import { CustomerLine } from './CustomerCells';

const kSearchDelayMs = 250;

/**
 * Picks a customer by searching as one types (name, phone or ID number; GET /customers?q=).
 * Works as a Form.Item control over the customer's id; `onPick` gets the whole record.
 */
export function CustomerPicker({
  excludeId,
  onPick,
  ...props
}: {
  excludeId?: number;
  onPick?: (customer: Customer | null) => void;
} & Omit<SelectProps<number>, 'options' | 'showSearch' | 'filterOption' | 'onSearch' | 'notFoundContent'>) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const query = useDebouncedValue(typed.trim(), kSearchDelayMs);
  const search = useCustomerSearch(query, 20);
  const found = search.found.filter((c) => c.id !== excludeId);
  const loading = search.searching;

  const hint = loading ? (
    <Flex justify="center" style={{ padding: 12 }}>
      <Spin size="small" />
    </Flex>
  ) : (
    <Typography.Text type="secondary" style={{ display: 'block', padding: '8px 12px' }}>
      {searchable(query) ? t('customer.searchEmpty') : t('customer.searchTooShort')}
    </Typography.Text>
  );

  return (
    <Select<number>
      {...props}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      notFoundContent={hint}
      optionLabelProp="title"
      options={found.map((c) => ({
        value: c.id,
        title: `${c.name}（#${c.id}）`,
        label: <CustomerLine customer={c} nameWidth={64} testId={`picker-option-${c.id}`} />,
      }))}
      onChange={(value, option) => {
        props.onChange?.(value, option);
        onPick?.(found.find((c) => c.id === value) ?? null);
      }}
    />
  );
}
