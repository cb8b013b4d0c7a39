import { useEffect, useState } from 'react';
import { Flex, Select, Spin, Typography, type SelectProps } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { useDebouncedValue } from '../../../shared/hooks/useDebouncedValue';
import { customerApi } from '../api';
import { searchable } from '../search';
import type { Customer } from '../types';
import { CustomerAvatar } from './CustomerAvatar';
import { PhoneText } from './CustomerCells';

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
  const [found, setFound] = useState<Customer[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!searchable(query)) {
      setFound([]);
      return;
    }
    let current = true;
    setLoading(true);
    customerApi
      .list({ q: query, limit: 20 })
      .then(
        (page) => current && setFound(page.items.filter((c) => c.id !== excludeId)),
        () => current && setFound([]),
      )
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [query, excludeId]);

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
        label: (
          <Flex align="center" gap={10} data-testid={`picker-option-${c.id}`}>
            <CustomerAvatar customer={c} size={24} />
            <Typography.Text strong style={{ minWidth: 64 }}>
              {c.name}
            </Typography.Text>
            {c.phone && <PhoneText phone={c.phone} />}
            <Typography.Text type="secondary" style={{ marginLeft: 'auto', fontSize: 12 }}>
              {[c.city, `#${c.id}`].filter(Boolean).join(' · ')}
            </Typography.Text>
          </Flex>
        ),
      }))}
      onChange={(value, option) => {
        props.onChange?.(value, option);
        onPick?.(found.find((c) => c.id === value) ?? null);
      }}
    />
  );
}
