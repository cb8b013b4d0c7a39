import { Link } from 'react-router-dom';
import { Flex, Progress, Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { contractStatusLabel, formatMoney, formatPercent, kContractStatusColors } from '../labels';
import type { Buyer, Contract } from '../types';

export function ContractStatusTag({ status, testId }: { status: string; testId?: string }) {
  const t = useT();
  return (
    <Tag color={kContractStatusColors[status] ?? 'default'} style={{ marginInlineEnd: 0 }} data-testid={testId}>
      {contractStatusLabel(t, status)}
    </Tag>
  );
}

/** What is paid of the total, in figures and as a bar. */
export function PaidOfTotal({ contract, testId }: { contract: Pick<Contract, 'paid_cents' | 'total_cents'>; testId?: string }) {
  const percent = contract.total_cents ? Math.floor((contract.paid_cents / contract.total_cents) * 100) : 0;
  return (
    <div style={{ minWidth: 0 }} data-testid={testId} data-paid={contract.paid_cents}>
      <Typography.Text style={{ whiteSpace: 'nowrap' }}>
        {formatMoney(contract.paid_cents)}
        <Typography.Text type="secondary"> / {formatMoney(contract.total_cents)}</Typography.Text>
      </Typography.Text>
      <Progress percent={percent} size="small" showInfo={false} strokeColor={percent >= 100 ? '#389e0d' : '#1f4fd1'} style={{ margin: 0 }} />
    </div>
  );
}

/** The overdue amount in red; "—" when nothing is overdue. */
export function Overdue({ cents, testId }: { cents: number; testId?: string }) {
  if (cents <= 0) {
    return (
      <Typography.Text type="secondary" data-testid={testId} data-overdue={0}>
        —
      </Typography.Text>
    );
  }
  return (
    <Typography.Text type="danger" strong style={{ whiteSpace: 'nowrap' }} data-testid={testId} data-overdue={cents}>
      {formatMoney(cents)}
    </Typography.Text>
  );
}

/** The buyers by name, each a link to the customer, with their share when there are several. */
export function BuyerLinks({ buyers, withShares }: { buyers: (Pick<Buyer, 'customer_id' | 'name'> & { share?: number })[]; withShares?: boolean }) {
  const t = useT();
  return (
    <Flex gap={4} wrap>
      {buyers.map((b, index) => (
        <span key={b.customer_id} style={{ whiteSpace: 'nowrap' }}>
          <Link to={`/customers/${b.customer_id}`} data-testid={`buyer-link-${b.customer_id}`}>
            {b.name}
          </Link>
          {withShares && buyers.length > 1 && b.share !== undefined && (
            <Typography.Text type="secondary">{t('sales.withShare', { name: '', share: formatPercent(b.share) })}</Typography.Text>
          )}
          {index < buyers.length - 1 && t('sales.separator')}
        </span>
      ))}
    </Flex>
  );
}
