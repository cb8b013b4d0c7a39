import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Card, Flex, Grid, Input, Spin, Tabs } from 'antd';
import { PhoneOutlined, SearchOutlined, UserOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { CursorListFooter, CursorTable } from '../../../shared/ui/CursorTable';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { serviceApi } from '../api';
import { ticketKeys } from '../queries';
import { ticketStatusLabel } from '../labels';
import { kTicketStatuses, type Ticket } from '../types';
import { TicketFilterBar } from '../components/TicketFilterBar';
import { ticketColumns } from '../components/ticketColumns';
import { TicketBriefList } from '../components/TicketBriefList';
import { queueParams, queueQuery, queueViewOf, type QueueTab, type QueueView } from '../ticketQueue';
import { useNow } from '../useNow';
import { serviceAccess } from '../access';

const kPageSize = 50;
const kSearchDelayMs = 300;

/**
 * /tickets — the queue: the tickets in the caller's scope, newest first. It opens on those still to
 * be worked or called back (未办结); closed and cancelled ones have their own tabs. A search (number,
 * phone, title words, customer's name), 我的工单 and the filters narrow it; the address keeps the view.
 * On a phone the rows become a list.
 */
export default function TicketsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { me } = useAuth();
  // 来电受理 files a ticket: only for those who may write (a viewer would be refused at submit).
  const mayFile = serviceAccess(me).write;
  const now = useNow();
  const narrow = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  // The view is the page's own state, written to the address as it changes (replacing the entry);
  // an address changed by other means (the menu, a link, back) replaces the view.
  const [view, setView] = useState<QueueView>(() => queueViewOf(params));
  const [typed, setTyped] = useState(view.q);
  const current = useRef(view);
  const written = useRef(params.toString());
  const address = params.toString();
  const [seenAddress, setSeenAddress] = useState(address);
  if (address !== seenAddress) {
    setSeenAddress(address);
    if (address !== written.current) {
      const next = queueViewOf(params);
      written.current = address;
      current.current = next;
      setView(next);
      setTyped(next.q);
    }
  }
  const show = (change: Partial<QueueView>) => {
    const next = { ...current.current, ...change };
    const nextParams = queueParams(next);
    current.current = next;
    written.current = nextParams.toString();
    setView(next);
    setParams(nextParams, { replace: true });
  };

  // The typed search applies once typing pauses.
  const typing = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(typing.current), []);
  const type = (text: string) => {
    setTyped(text);
    window.clearTimeout(typing.current);
    typing.current = window.setTimeout(() => {
      if (text.trim() !== current.current.q.trim()) show({ q: text.trim() });
    }, kSearchDelayMs);
  };

  const query = { ...queueQuery(view), limit: kPageSize };
  const tickets = useCursorList(ticketKeys.list(query), (cursor, signal) => serviceApi.list({ ...query, cursor }, signal));

  const columns = ticketColumns(t, now, { linkTestId: 'ticket-link', slaWidth: 140, slaTestId: true });

  return (
    <>
      <PageHeader
        title={t('ticket.queueTitle')}
        description={t('ticket.queueDescription')}
        onRefresh={() => void tickets.reload()}
        extra={
          mayFile && (
            <Button type="primary" icon={<PhoneOutlined />} onClick={() => navigate('/tickets/new')} data-testid="new-ticket">
              {t('ticket.incomingCall')}
            </Button>
          )
        }
      />
      <ErrorAlert error={tickets.error} />
      <Card variant="borderless">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Input
            allowClear
            prefix={<SearchOutlined style={{ color: '#8c94a3' }} />}
            placeholder={t('ticket.searchPlaceholder')}
            aria-label={t('ticket.search')}
            value={typed}
            onChange={(event) => type(event.target.value)}
            maxLength={100}
            style={{ width: 340, maxWidth: '100%' }}
            data-testid="ticket-search"
          />
          <Button
            icon={<UserOutlined />}
            type={view.mine ? 'primary' : 'default'}
            aria-pressed={view.mine}
            onClick={() => show({ mine: !view.mine })}
            data-testid="mine-toggle"
            data-active={view.mine}
          >
            {t('ticket.mine')}
          </Button>
        </Flex>
        <Tabs
          activeKey={view.tab}
          onChange={(key) => show({ tab: key as QueueTab })}
          data-testid="status-tabs"
          items={[
            { key: 'open', label: t('ticket.tabOpen') },
            ...kTicketStatuses.map((value) => ({ key: value, label: ticketStatusLabel(t, value) })),
            { key: 'all', label: t('common.all') },
          ]}
        />
        <TicketFilterBar
          filters={view.filters}
          onChange={(filters) => show({ filters })}
          shown={['kind', 'grade', 'department', 'sla_state', 'project_id']}
          resettable
        />
        {narrow ? (
          <Spin spinning={tickets.loading}>
            <TicketBriefList tickets={tickets.items} now={now} testId="ticket-list" empty={tickets.loading ? undefined : t('ticket.queueEmpty')} />
            <CursorListFooter list={tickets} pageSize={kPageSize} />
          </Spin>
        ) : (
          <CursorTable<Ticket>
            list={tickets}
            pageSize={kPageSize}
            columns={columns}
            data-testid="ticket-table"
            locale={{ emptyText: t('ticket.queueEmpty') }}
            scroll={{ x: 1080 }}
          />
        )}
      </Card>
    </>
  );
}
