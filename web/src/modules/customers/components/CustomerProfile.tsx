import type { ReactNode } from 'react';
import { Badge, Descriptions, Flex, Grid, Space, Tag, Tooltip, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { ageFromDate, ageFromYear, incomeLabel, maritalLabel } from '../labels';
import type { Customer } from '../types';
import { GenderText, IdDocument, MaskedMark, PhoneList } from './CustomerCells';

const none = <Typography.Text type="secondary">—</Typography.Text>;
const orNone = (value: string | null | undefined) => (value ? value : none);

/**
 * The bordered two-column table the profile and household tabs show their facts in; on a phone one
 * column, each label above its value, so that nothing is wider than the screen.
 */
function FactTable({ testId, children }: { testId: string; children: ReactNode }) {
  const narrow = !Grid.useBreakpoint().md;
  return (
    <Descriptions
      bordered
      size={narrow ? 'small' : 'middle'}
      layout={narrow ? 'vertical' : 'horizontal'}
      column={{ xs: 1, lg: 2 }}
      styles={{ label: narrow ? undefined : { width: 140, whiteSpace: 'nowrap' }, content: { overflowWrap: 'anywhere' } }}
      data-testid={testId}
    >
      {children}
    </Descriptions>
  );
}

/** 基本资料: contact, identity and consent. */
export function CustomerProfile({ customer, orgPath }: { customer: Customer; orgPath: string }) {
  const t = useT();
  const age = ageFromDate(customer.birth_date);
  const masked = customer.masked && !customer.anonymized;
  return (
    <FactTable testId="customer-profile">
      <Descriptions.Item label={<Space size={6}>{t('customer.phones')}{masked && <MaskedMark />}</Space>}>
        <PhoneList phones={customer.phones} />
      </Descriptions.Item>
      <Descriptions.Item label={<Space size={6}>{t('customer.idDocument')}{masked && <MaskedMark />}</Space>}>
        <span data-testid="customer-id-document">
          <IdDocument customer={customer} />
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('customer.gender')}>
        <GenderText gender={customer.gender} />
      </Descriptions.Item>
      <Descriptions.Item label={t('customer.birthDate')}>
        {customer.birth_date ? (
          <Space size={8}>
            {customer.birth_date}
            {age !== null && <Typography.Text type="secondary">{t('customer.ageYears', { age })}</Typography.Text>}
          </Space>
        ) : (
          none
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('customer.email')}>{orNone(customer.email)}</Descriptions.Item>
      <Descriptions.Item label={t('customer.city')}>{orNone(customer.city)}</Descriptions.Item>
      <Descriptions.Item label={t('customer.address')} span={{ xs: 1, lg: 2 }}>
        {orNone(customer.address)}
      </Descriptions.Item>
      <Descriptions.Item label={t('customer.occupation')}>{orNone(customer.occupation)}</Descriptions.Item>
      <Descriptions.Item label={t('customer.sourceChannel')}>{orNone(customer.source_channel)}</Descriptions.Item>
      <Descriptions.Item label={t('customer.consent')} span={{ xs: 1, lg: 2 }}>
        <Flex gap={12} align="center" wrap data-testid="customer-consent-status">
          {customer.consent_marketing ? (
            <Badge status="success" text={t('customer.consentGiven')} />
          ) : (
            <Badge status="default" text={t('customer.consentNotGiven')} />
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {customer.consent_changed_at
              ? t(customer.consent_marketing ? 'customer.consentGivenAt' : 'customer.consentWithdrawnAt', {
                  at: formatDateTime(customer.consent_changed_at),
                })
              : t('customer.consentNever')}
          </Typography.Text>
        </Flex>
      </Descriptions.Item>
      <Descriptions.Item label={t('customer.orgUnit')}>{orgPath || none}</Descriptions.Item>
      <Descriptions.Item label={t('common.updatedAt')}>
        <Space size={8}>
          {formatDateTime(customer.updated_at)}
          <Tooltip title={t('common.version')}>
            <Tag style={{ marginInlineEnd: 0 }}>v{customer.version}</Tag>
          </Tooltip>
        </Space>
      </Descriptions.Item>
    </FactTable>
  );
}

/** 家庭: marital status, children with their ages, elders, income. */
export function CustomerHousehold({ customer }: { customer: Customer }) {
  const t = useT();
  const children = [...customer.children_birth_years].sort((a, b) => a - b);
  return (
    <FactTable testId="customer-household">
      <Descriptions.Item label={t('customer.maritalStatus')}>{orNone(maritalLabel(t, customer.marital_status))}</Descriptions.Item>
      <Descriptions.Item label={t('customer.incomeLevel')}>{orNone(incomeLabel(t, customer.income_level))}</Descriptions.Item>
      <Descriptions.Item label={t('customer.children')} span={{ xs: 1, lg: 2 }}>
        {children.length ? (
          <Flex gap={8} wrap data-testid="customer-children-list">
            {children.map((year, index) => (
              <Flex
                key={`${year}-${index}`}
                align="center"
                gap={8}
                style={{ padding: '4px 12px 4px 6px', border: '1px solid #e8ebf0', borderRadius: 16, background: '#fafbfc' }}
              >
                <Flex align="center" justify="center" style={{ width: 22, height: 22, borderRadius: 11, background: '#e6f4ff', color: '#1f4fd1', fontSize: 11 }}>
                  <UserOutlined />
                </Flex>
                <span>{t('customer.childBorn', { year })}</span>
                <Typography.Text strong>{t('customer.ageYearsShort', { age: ageFromYear(year) })}</Typography.Text>
              </Flex>
            ))}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('customer.noChildren')}</Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('customer.elders')} span={{ xs: 1, lg: 2 }}>
        {customer.elders === null ? none : t('customer.eldersCount', { count: customer.elders })}
      </Descriptions.Item>
    </FactTable>
  );
}
