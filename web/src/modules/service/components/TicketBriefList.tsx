import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Flex, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { kindLabel } from '../labels';
import type { Ticket } from '../types';
import { SlaCountdown, TicketCustomer, TicketStatusTag, TicketUnit } from './TicketCells';

/**
 * Tickets one under the other, two lines each: the title (a link) with the SLA on the right, then
 * status, kind, the customer by name, the unit by code and who works on it. For narrow screens and
 * short lists (the home page); `testId` marks the list, each row is `${testId}-item` with data-id.
 */
export function TicketBriefList({ tickets, now, testId, empty }: { tickets: readonly Ticket[]; now: number; testId?: string; empty?: ReactNode }) {
  const t = useT();
  if (tickets.length === 0) {
    return empty ? (
      <Typography.Text type="secondary" data-testid={testId} style={{ display: 'block', padding: '8px 0' }}>
        {empty}
      </Typography.Text>
    ) : null;
  }
  return (
    <Flex vertical data-testid={testId}>
      {tickets.map((ticket, index) => (
        <div
          key={ticket.id}
          data-testid={testId ? `${testId}-item` : undefined}
          data-id={ticket.id}
          style={{ padding: '10px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5', minWidth: 0 }}
        >
          <Flex align="flex-start" justify="space-between" gap={8}>
            <Link to={`/tickets/${ticket.id}`} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              <Typography.Text strong style={{ color: '#1f4fd1' }}>
                {ticket.title}
              </Typography.Text>
            </Link>
            <span style={{ flex: 'none' }}>
              <SlaCountdown ticket={ticket} now={now} />
            </span>
          </Flex>
          <Flex align="center" gap={8} wrap style={{ marginTop: 4, fontSize: 13 }}>
            <TicketStatusTag status={ticket.status} />
            <Typography.Text type="secondary">{kindLabel(t, ticket.kind)}</Typography.Text>
            <TicketCustomer ticket={ticket} />
            <TicketUnit ticket={ticket} />
            {ticket.assignee_name && <Typography.Text type="secondary">{ticket.assignee_name}</Typography.Text>}
          </Flex>
        </div>
      ))}
    </Flex>
  );
}
