import { Flex, Radio, Spin, Typography } from 'antd';
import { CheckCircleFilled, UserAddOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { CustomerAvatar } from '../../customers/components/CustomerAvatar';
import { PhoneText } from '../../customers/components/CustomerCells';
import type { Customer } from '../../customers/types';
import { formatDay, leadStatusLabel } from '../labels';
import type { Lead } from '../types';

/** Where the lookup of a typed mobile number stands. */
export type MatchState = 'incomplete' | 'looking' | 'failed' | 'found' | 'new';

/**
 * What the visitor desk found for the number typed: nothing yet, the customer (with where they are
 * registered already, `standing`; a choice when several share the number), or that they are new.
 */
export function CustomerMatch({
  state,
  error,
  found,
  customer,
  standing,
  onChoose,
}: {
  state: MatchState;
  error: unknown;
  found: Customer[];
  customer: Customer | null;
  standing: Lead[] | undefined;
  onChoose: (id: number) => void;
}) {
  const t = useT();
  const body = () => {
    switch (state) {
      case 'incomplete':
        return <Typography.Text type="secondary">{t('register.phoneFirst')}</Typography.Text>;
      case 'looking':
        return (
          <Flex align="center" gap={8}>
            <Spin size="small" />
            <Typography.Text type="secondary">{t('register.lookingUp')}</Typography.Text>
          </Flex>
        );
      case 'failed':
        return <Typography.Text type="danger">{errorMessage(t, error)}</Typography.Text>;
      case 'new':
        return (
          <Flex align="center" gap={8} data-testid="new-customer-hint">
            <UserAddOutlined style={{ color: '#1f4fd1' }} />
            <Typography.Text>{t('register.newCustomer')}</Typography.Text>
          </Flex>
        );
      case 'found':
        if (!customer) return null;
        return (
          <Flex vertical gap={8}>
            {found.length > 1 && (
              <Radio.Group value={customer.id} onChange={(event) => onChoose(event.target.value as number)} data-testid="customer-choices">
                <Flex vertical gap={4}>
                  {found.map((c) => (
                    <Radio key={c.id} value={c.id}>
                      {c.name} <PhoneText phone={c.phone ?? ''} />
                    </Radio>
                  ))}
                </Flex>
              </Radio.Group>
            )}
            <Flex align="center" gap={10} style={{ padding: 10, background: '#f0f5ff', borderRadius: 8 }} data-testid="matched-customer" data-customer={customer.id}>
              <CheckCircleFilled style={{ color: '#389e0d' }} />
              <CustomerAvatar customer={customer} size={32} />
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong>{customer.name}</Typography.Text>{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('register.existing')}
                </Typography.Text>
                <div>{customer.phone && <PhoneText phone={customer.phone} />}</div>
                {standing?.map((lead) => (
                  <Typography.Text key={lead.id} type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid="customer-standing">
                    {t('register.standing', {
                      project: lead.project_name,
                      consultant: lead.consultant_name,
                      until:
                        lead.status !== 'active'
                          ? leadStatusLabel(t, lead.status)
                          : lead.in_pool
                            ? t('lead.inPool')
                            : t('lead.protectedUntilValue', { date: formatDay(lead.protected_until) }),
                    })}
                  </Typography.Text>
                ))}
              </div>
            </Flex>
          </Flex>
        );
      default:
        return null;
    }
  };
  return (
    <div style={{ minHeight: state === 'new' ? undefined : 56 }} data-testid="customer-match">
      {body()}
    </div>
  );
}
