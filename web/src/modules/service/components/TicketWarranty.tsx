import { Tag, Typography } from 'antd';
import { SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { Fact, FactGrid } from '../../../shared/ui/Fact';
import { warrantyLabel } from '../labels';
import type { TicketWarranty } from '../types';

/**
 * The statutory warranty of the ticket's category (商品房住宅质量保证书): its type and period, the
 * completion acceptance it counts from, its end, and who pays for the repair.
 */
export function TicketWarrantyFacts({ warranty }: { warranty: TicketWarranty }) {
  const t = useT();
  return (
    <div data-testid="ticket-warranty" data-in-warranty={warranty.in_warranty}>
      <FactGrid columns="repeat(auto-fit, minmax(150px, 1fr))">
        <Fact label={t('ticket.warrantyType')} testId="warranty-type">
          {warrantyLabel(t, warranty.type)}
          {warranty.period && <Typography.Text type="secondary">{` ${warranty.period}`}</Typography.Text>}
        </Fact>
        <Fact label={t('ticket.warrantyCompletion')} testId="warranty-completion">
          {warranty.completion_date || '—'}
        </Fact>
        <Fact label={t('ticket.warrantyUntil')} testId="warranty-until">
          {warranty.until || '—'}
        </Fact>
        <Fact label={t('ticket.warrantyTitle')} testId="warranty-status">
          {warranty.in_warranty ? (
            <Tag color="green" icon={<SafetyCertificateOutlined />} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
              {t('ticket.inWarranty')}
            </Tag>
          ) : (
            <Tag color="orange" icon={<WarningOutlined />} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
              {t('ticket.outOfWarranty')}
            </Tag>
          )}
        </Fact>
      </FactGrid>
    </div>
  );
}
