import { Grid } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { CursorListFooter, CursorTable } from '../../../shared/ui/CursorTable';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { customerKeys } from '../../customers/queries';
import { serviceApi } from '../api';
import type { Ticket } from '../types';
import { ticketColumns } from './ticketColumns';
import { TicketBriefList } from './TicketBriefList';
import { useNow } from '../useNow';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';

const kPageSize = 20;

/**
 * The customer page's 工单 tab (a `customerTabs` entry): the customer's tickets, newest first, each
 * linking to its page, with the unit by code; a list on a phone.
 */
export function CustomerTickets({ customerId }: { customerId: number }) {
  const t = useT();
  const now = useNow();
  const narrow = !Grid.useBreakpoint().md;
  const tickets = useCursorList(customerKeys.related(customerId, 'tickets'), (cursor, signal) =>
    serviceApi.list({ customer_id: customerId, cursor, limit: kPageSize }, signal),
  );

  return (
    <div data-testid="customer-tickets">
      <ErrorAlert error={tickets.error} />
      {narrow ? (
        <>
          <TicketBriefList tickets={tickets.items} now={now} empty={tickets.loading ? undefined : t('customer.ticketsEmpty')} />
          <CursorListFooter list={tickets} />
        </>
      ) : (
        <CursorTable<Ticket>
          list={tickets}
          columns={ticketColumns(t, now, { linkTestId: 'customer-ticket', customer: false })}
          size="small"
          locale={{ emptyText: t('customer.ticketsEmpty') }}
          scroll={{ x: 1000 }}
        />
      )}
    </div>
  );
}
