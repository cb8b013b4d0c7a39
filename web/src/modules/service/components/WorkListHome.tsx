import { useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Flex, Skeleton, Typography } from 'antd';
// antd's Input, Dropdown and Space.Compact themselves, not from the 'antd' index, where Input carries
// Search, Password, OTP and Group, Dropdown its Dropdown.Button and that the whole of Space: the home
// page would download them (~10 KB gzip) for nothing. The frame has Dropdown already (its breadcrumb),
// the entry Compact (antd's Button uses it).
import Dropdown from 'antd/es/dropdown/dropdown';
import Input from 'antd/es/input/Input';
import Compact from 'antd/es/space/Compact';
import { DownOutlined, FieldTimeOutlined, MessageOutlined, SearchOutlined, UserOutlined, WarningOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { LightCard } from '../../../shared/ui/LightCard';
import { queuePath } from '../ticketQueue';
import { useTicketSummary, type TicketSummary } from '../useTicketSummary';
import { useNow } from '../useNow';
import { TicketBriefList } from './TicketBriefList';

/** How many tickets a card lists; the rest are a click away. */
const kShown = 5;

type SearchTarget = 'customers' | 'tickets';

/** Finds a customer (name, phone) or a ticket (number, phone, title, customer's name) from the home page. */
function HomeSearch() {
  const t = useT();
  const navigate = useNavigate();
  const [target, setTarget] = useState<SearchTarget>('customers');
  const [text, setText] = useState('');
  const targetLabel = target === 'customers' ? t('home.searchCustomers') : t('home.searchTickets');
  const go = () => {
    const q = text.trim();
    if (!q) return;
    navigate(target === 'customers' ? `/customers?q=${encodeURIComponent(q)}` : queuePath({ q, tab: 'all' }));
  };
  return (
    <LightCard size="small" testId="home-search">
      <Compact style={{ width: '100%', maxWidth: 640 }}>
        {/* A menu rather than antd's Select, which the first screen would download for it alone; Dropdown it has. */}
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'customers', label: t('home.searchCustomers') },
              { key: 'tickets', label: t('home.searchTickets') },
            ],
            selectable: true,
            selectedKeys: [target],
            onClick: ({ key }) => setTarget(key as SearchTarget),
          }}
        >
          <Button aria-label={`${t('home.searchTarget')}: ${targetLabel}`} style={{ flex: 'none' }} data-testid="home-search-target">
            {targetLabel}
            <DownOutlined style={{ fontSize: 10, color: '#8c94a3' }} />
          </Button>
        </Dropdown>
        <Input
          allowClear
          prefix={<SearchOutlined style={{ color: '#8c94a3' }} />}
          placeholder={target === 'customers' ? t('home.searchCustomersPlaceholder') : t('ticket.searchPlaceholder')}
          aria-label={t('common.search')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onPressEnter={go}
          maxLength={100}
          data-testid="home-search-input"
        />
        <Button type="primary" onClick={go} data-testid="home-search-go">
          {t('common.search')}
        </Button>
      </Compact>
    </LightCard>
  );
}

/** "共 12 张", or "100+ 张" when more tickets match than were counted. */
function SummaryCount({ summary, testId }: { summary: TicketSummary; testId: string }) {
  const t = useT();
  if (!summary.tickets) return null;
  return (
    <Typography.Text type="secondary" data-testid={testId} data-count={summary.count} data-more={summary.more ? 'true' : undefined}>
      {summary.more ? t('home.ticketCountMore', { count: summary.count }) : t('home.ticketCount', { count: summary.count })}
    </Typography.Text>
  );
}

/** A card of the work list: its title, how many tickets, the first few of them, a link to them all. */
function SummaryCard({
  title,
  icon,
  color,
  summary,
  to,
  empty,
  testId,
}: {
  title: string;
  icon: ReactNode;
  color: string;
  summary: TicketSummary;
  to: string;
  empty: string;
  testId: string;
}) {
  const t = useT();
  const now = useNow();
  return (
    <LightCard
      style={{ height: '100%' }}
      testId={testId}
      title={
        <Flex align="center" gap={8}>
          <span style={{ color }}>{icon}</span>
          <span>{title}</span>
          <SummaryCount summary={summary} testId={`${testId}-count`} />
        </Flex>
      }
      extra={
        <Link to={to} data-testid={`${testId}-all`}>
          {t('home.seeAll')}
        </Link>
      }
      bodyStyle={{ paddingTop: 4, paddingBottom: 8 }}
    >
      <ErrorAlert error={summary.error} style={{ margin: '8px 0' }} />
      {!summary.tickets && !summary.error ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} style={{ paddingTop: 12 }} />
      ) : (
        <TicketBriefList tickets={(summary.tickets ?? []).slice(0, kShown)} now={now} testId={`${testId}-list`} empty={summary.error ? undefined : empty} />
      )}
    </LightCard>
  );
}

/**
 * The service desk's home for those who work tickets (a `homeSections` entry): a search for a
 * customer or a ticket, then 我的工单 (open, assigned to the caller), 将超时 and 已超时 (open
 * tickets in the caller's scope, as the server reckons the SLA) and 待回访 (resolved, waiting for
 * the call-back), each with its count from the server and its first tickets.
 */
export function WorkListHome() {
  const t = useT();
  const mine = useTicketSummary({ mine: true, open: true });
  const atRisk = useTicketSummary({ open: true, sla_state: 'at_risk' });
  const breached = useTicketSummary({ open: true, sla_state: 'breached' });
  const resolved = useTicketSummary({ status: 'resolved' });
  // As the call-back queue: of those read, the longest-waiting first.
  const waiting = useMemo(
    () => resolved.tickets && [...resolved.tickets].sort((a, b) => (a.resolved_at ?? a.updated_at).localeCompare(b.resolved_at ?? b.updated_at)),
    [resolved.tickets],
  );
  const callbacks = { ...resolved, tickets: waiting };
  return (
    <Flex vertical gap={16} data-testid="work-list">
      <HomeSearch />
      {/* Two columns where there is room for two cards of 480 px or more (a wide screen), else one. */}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 480px), 1fr))', gap: 16 }}>
        <SummaryCard
          title={t('ticket.mine')}
          icon={<UserOutlined />}
          color="#1f4fd1"
          summary={mine}
          to={queuePath({ mine: true })}
          empty={t('home.mineEmpty')}
          testId="home-mine"
        />
        <SummaryCard
          title={t('slaState.at_risk')}
          icon={<FieldTimeOutlined />}
          color="#d48806"
          summary={atRisk}
          to={queuePath({ filters: { sla_state: 'at_risk' } })}
          empty={t('home.atRiskEmpty')}
          testId="home-at-risk"
        />
        <SummaryCard
          title={t('slaState.breached')}
          icon={<WarningOutlined />}
          color="#cf1322"
          summary={breached}
          to={queuePath({ filters: { sla_state: 'breached' } })}
          empty={t('home.breachedEmpty')}
          testId="home-breached"
        />
        <SummaryCard
          title={t('home.callbacks')}
          icon={<MessageOutlined />}
          color="#722ed1"
          summary={callbacks}
          to="/callbacks"
          empty={t('callback.empty')}
          testId="home-callbacks"
        />
      </div>
    </Flex>
  );
}
