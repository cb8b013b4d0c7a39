import { useT } from '../../../app/i18n/useT';
import { CursorTable } from '../../../shared/ui/CursorTable';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { customerKeys } from '../../customers/queries';
import { serviceApi } from '../api';
import type { Ticket } from '../types';
import { ticketColumns } from './ticketColumns';
import { useNow } from '../useNow';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';

const kPageSize = 20;

/** The customer page's 工单 tab (a `customerTabs` entry): the customer's tickets, newest first, each linking to its page. */
export function CustomerTickets({ customerId }: { customerId: number }) {
  const t = useT();
  const now = useNow();
  const tickets = useCursorList(customerKeys.related(customerId, 'tickets'), (cursor, signal) =>
    serviceApi.list({ customer_id: customerId, cursor, limit: kPageSize }, signal),
  );

  return (
    <div data-testid="customer-tickets">
      <ErrorAlert error={tickets.error} />
      <CursorTable<Ticket>
        list={tickets}
        columns={ticketColumns(t, now, { linkTestId: 'customer-ticket' })}
        size="small"
        locale={{ emptyText: t('customer.ticketsEmpty') }}
        scroll={{ x: 900 }}
      />
    </div>
  );
}
