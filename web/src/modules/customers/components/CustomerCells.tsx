import type { CSSProperties } from 'react';
import { Flex, Space, Tag, Tooltip, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { idTypeLabel, idTypeShortLabel, kGenderColors, phoneLabel } from '../labels';
import type { Customer, CustomerPhone } from '../types';
import { CustomerAvatar } from './CustomerAvatar';

/** `text` with the first occurrence of `needle` marked (search results). */
export function Highlight({ text, needle }: { text: string; needle?: string }) {
  const at = needle ? text.toLowerCase().indexOf(needle.toLowerCase()) : -1;
  if (!needle || at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark style={{ background: '#fff1b8', padding: 0, borderRadius: 2 }}>{text.slice(at, at + needle.length)}</mark>
      {text.slice(at + needle.length)}
    </>
  );
}

/** A phone number as the server sent it (masked or not), digits spaced for reading. */
export function PhoneText({ phone, needle }: { phone: string; needle?: string }) {
  return (
    <span className="hearth-mono" style={{ fontSize: 13, whiteSpace: 'nowrap' }}>
      <Highlight text={phone} needle={needle} />
    </span>
  );
}

/** The ID document: its type, then its number (masked as the server sent it). `compact`: one line, short type name. */
export function IdDocument({ customer, needle, compact }: { customer: Pick<Customer, 'id_type' | 'id_number'>; needle?: string; compact?: boolean }) {
  const t = useT();
  if (!customer.id_number) return <Typography.Text type="secondary">—</Typography.Text>;
  const type = customer.id_type ?? 'resident_id';
  return (
    <Flex gap={8} align="center" style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {compact ? idTypeShortLabel(t, type) : idTypeLabel(t, type)}
      </Typography.Text>
      <span className="hearth-mono" style={{ fontSize: 13 }}>
        <Highlight text={customer.id_number} needle={needle} />
      </span>
    </Flex>
  );
}

export function GenderText({ gender }: { gender: string }) {
  const t = useT();
  if (gender === 'unknown') return <Typography.Text type="secondary">{t('gender.unknown')}</Typography.Text>;
  return (
    <Space size={6}>
      <span style={{ display: 'inline-block', width: 6, height: 6, borderRadius: 3, background: kGenderColors[gender] }} />
      {t(gender === 'male' ? 'gender.male' : 'gender.female')}
    </Space>
  );
}

export function TagList({ tags, max = 3 }: { tags: string[]; max?: number }) {
  if (!tags.length) return <Typography.Text type="secondary">—</Typography.Text>;
  const shown = tags.slice(0, max);
  return (
    <Flex gap={4} wrap>
      {shown.map((tag) => (
        <Tag key={tag} color="blue" variant="filled" style={{ marginInlineEnd: 0 }}>
          {tag}
        </Tag>
      ))}
      {tags.length > max && (
        <Tooltip title={tags.slice(max).join('、')}>
          <Tag style={{ marginInlineEnd: 0 }}>+{tags.length - max}</Tag>
        </Tooltip>
      )}
    </Flex>
  );
}

/** The phones of a customer, each with its label; the first is the primary. */
export function PhoneList({ phones }: { phones: CustomerPhone[] }) {
  const t = useT();
  if (!phones.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={6} data-testid="customer-phones">
      {phones.map((p, index) => (
        <Flex key={`${p.phone}-${index}`} gap={8} align="center">
          <Tag style={{ marginInlineEnd: 0, minWidth: 44, textAlign: 'center' }}>{phoneLabel(t, p.label) || t('phoneLabel.other')}</Tag>
          <PhoneText phone={p.phone} />
          {index === 0 && phones.length > 1 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('customer.primaryPhone')}
            </Typography.Text>
          )}
        </Flex>
      ))}
    </Flex>
  );
}

/** The small "masked" marker next to personal data the caller sees masked. */
export function MaskedMark() {
  const t = useT();
  return (
    <Tooltip title={t('customer.maskedTooltip')}>
      <LockOutlined style={{ color: '#8c94a3', fontSize: 12 }} />
    </Tooltip>
  );
}

/** A customer on one line, as search results show it: avatar, name, phone, then city and number at the end. */
export function CustomerLine({ customer, nameWidth, testId, style }: { customer: Customer; nameWidth: number; testId?: string; style?: CSSProperties }) {
  return (
    <Flex align="center" gap={10} style={style} data-testid={testId}>
      <CustomerAvatar customer={customer} size={24} />
      <Typography.Text strong style={{ minWidth: nameWidth }}>
        {customer.name}
      </Typography.Text>
      {customer.phone && <PhoneText phone={customer.phone} />}
      <Typography.Text type="secondary" style={{ marginLeft: 'auto', fontSize: 12 }}>
        {[customer.city, `#${customer.id}`].filter(Boolean).join(' · ')}
      </Typography.Text>
    </Flex>
  );
}
