import { useMemo, useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import { Flex, Select, Spin, Tag, Typography, type SelectProps } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { useDebouncedValue } from '../../../shared/hooks/useDebouncedValue';
import { customerApi } from '../../customers/api';
import { customerKeys, useCustomerSearch } from '../../customers/queries';
import { searchable } from '../../customers/search';

const kSearchDelayMs = 250;
/** The picked customers a draft names whose names are read to show them (the rest are counted). */
const kNamedAtMost = 200;

interface Known {
  name: string;
  phone: string | null;
}

/**
 * Picks several customers by searching as one types (name, phone or ID number; GET /customers?q=),
 * as a Form.Item control over their ids. Each picked one shows by name (a draft's are read by id);
 * never by number.
 */
export function CustomersPicker({ value, onChange, ...props }: { value?: number[]; onChange?: (ids: number[]) => void } & Pick<SelectProps, 'id' | 'status' | 'style'>) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [known, setKnown] = useState<Map<number, Known>>(() => new Map());
  const query = useDebouncedValue(typed.trim(), kSearchDelayMs);
  const search = useCustomerSearch(query, 20);
  const picked = useMemo(() => value ?? [], [value]);

  // The picked ones not met in a search (a saved draft's): read by id for their names.
  const unnamed = picked.filter((id) => !known.has(id)).slice(0, kNamedAtMost);
  const read = useQueries({
    queries: unnamed.map((id) => ({ queryKey: customerKeys.detail(id), queryFn: ({ signal }: { signal: AbortSignal }) => customerApi.get(id, signal), staleTime: 60_000 })),
  });
  /** A picked customer by name, with the end of their phone to tell namesakes apart: "王秀 5678". */
  const nameOf = (id: number): string | undefined => {
    const customer = known.get(id) ?? read[unnamed.indexOf(id)]?.data;
    if (!customer) return undefined;
    return customer.phone ? `${customer.name} ${customer.phone.slice(-4)}` : customer.name;
  };

  const remember = (ids: number[]) => {
    const next = new Map(known);
    for (const id of ids) {
      const found = search.found.find((c) => c.id === id);
      if (found) next.set(id, { name: found.name, phone: found.phone });
    }
    setKnown(next);
  };

  const hint = search.searching ? (
    <Flex justify="center" style={{ padding: 12 }}>
      <Spin size="small" />
    </Flex>
  ) : (
    <Typography.Text type="secondary" style={{ display: 'block', padding: '8px 12px' }}>
      {searchable(query) ? t('campaignEditor.searchEmpty') : t('campaignEditor.searchTooShort')}
    </Typography.Text>
  );

  return (
    <Select<number[]>
      {...props}
      mode="multiple"
      value={picked}
      onChange={(ids) => {
        remember(ids);
        onChange?.(ids);
        setTyped('');
      }}
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      notFoundContent={hint}
      placeholder={t('campaignEditor.customersPlaceholder')}
      maxTagCount={30}
      maxTagPlaceholder={(omitted) => `+${omitted.length}`}
      tagRender={({ value: id, closable, onClose }) => (
        <Tag closable={closable} onClose={onClose} style={{ marginInlineEnd: 4 }} data-testid={`picked-customer-${String(id)}`}>
          {nameOf(Number(id)) ?? '…'}
        </Tag>
      )}
      options={search.found.map((c) => ({
        value: c.id,
        label: (
          <Flex gap={8} align="center" data-testid={`customer-option-${c.id}`}>
            <Typography.Text strong>{c.name}</Typography.Text>
            {c.phone && <Typography.Text type="secondary">{c.phone}</Typography.Text>}
            {c.city && (
              <Typography.Text type="secondary" style={{ marginLeft: 'auto', fontSize: 12 }}>
                {c.city}
              </Typography.Text>
            )}
          </Flex>
        ),
      }))}
    />
  );
}
