import type { HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, Flex, Grid, Spin, Switch, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { PageHeader, RefreshButton } from '../../../shared/ui/PageHeader';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { CursorListFooter } from '../../../shared/ui/CursorTable';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { useParamsPatch } from '../../../shared/hooks/useParamsPatch';
import { kEventsPageSize } from '../api';
import { useClubSettings, useEvents } from '../queries';
import { clubAccess } from '../access';
import { eventTime, formatPoints, tierMinName } from '../labels';
import type { ClubEvent, EventsPage as EventsAnswer } from '../types';
import { EventStateTag } from '../components/Tags';
import { EventModal } from '../components/EventModal';

/**
 * /club/events?upcoming=true — 活动: the events of the user's units (and of the group above them),
 * newest first, and how many (共 N 个): title, time (China's), place, the places taken of the
 * capacity, the points a member checked in earns, the tier it is open to, its status in words; only
 * the open ones not yet over when asked. 新建活动 for the roles that write records. Each row leads to
 * the event's page; on a phone the rows are cards.
 */
export default function EventsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { me } = useAuth();
  const access = clubAccess(me);
  const narrow = !Grid.useBreakpoint().md;
  const settings = useClubSettings();
  const [params, patch] = useParamsPatch();
  const upcoming = params.get('upcoming') === 'true';
  const events = useEvents(upcoming);
  const first = events.pages[0] as EventsAnswer | undefined;
  const total = first?.total;
  const dialog = useModalTarget<true>();
  const tiers = settings.data?.tiers;
  const empty = upcoming ? t('clubEvents.noUpcoming') : t('clubEvents.empty');

  const title = (event: ClubEvent) => (
    <Link to={`/club/events/${event.id}`} onClick={(e) => e.stopPropagation()} data-testid={`event-link-${event.id}`}>
      <Typography.Text strong style={{ color: '#1f4fd1' }}>
        {event.title}
      </Typography.Text>
    </Link>
  );
  const taken = (event: ClubEvent) => (
    <span data-testid={`event-taken-${event.id}`}>{t('clubEvents.takenValue', { taken: formatPoints(event.signed_up), capacity: formatPoints(event.capacity) })}</span>
  );

  const columns: TableColumnsType<ClubEvent> = [
    { title: t('clubEvents.eventTitle'), key: 'title', width: 200, render: (_, event) => title(event) },
    { title: t('clubEvents.time'), key: 'time', width: 200, render: (_, event) => <span style={{ whiteSpace: 'nowrap' }}>{eventTime(event)}</span> },
    { title: t('clubEvents.place'), dataIndex: 'place', key: 'place', width: 170, ellipsis: true, render: (place: string) => place || '—' },
    { title: t('clubEvents.taken'), key: 'taken', width: 100, align: 'right', render: (_, event) => taken(event) },
    { title: t('clubEvents.points'), key: 'points', width: 100, align: 'right', render: (_, event) => formatPoints(event.points) },
    { title: t('clubEvents.tier'), key: 'tier', width: 110, render: (_, event) => tierMinName(t, tiers, event.tier_min) },
    { title: t('clubEvents.status'), key: 'status', width: 90, render: (_, event) => <EventStateTag event={event} testId={`event-state-${event.id}`} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('clubEvents.title')}
        description={t('clubEvents.description')}
        extra={
          access.write && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => dialog.openModal(true)} data-testid="events-new">
              {t('clubEvents.new')}
            </Button>
          )
        }
      />
      <ErrorAlert error={events.error} />
      <Card variant="borderless">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Flex gap={8} align="center">
            <Switch checked={upcoming} onChange={(on) => patch({ upcoming: on ? 'true' : null })} aria-label={t('clubEvents.upcoming')} data-testid="events-upcoming" />
            <Typography.Text>{t('clubEvents.upcoming')}</Typography.Text>
          </Flex>
          {total !== undefined && (
            <Typography.Text type="secondary" data-testid="events-total" data-total={total}>
              {t('clubEvents.total', { count: formatPoints(total) })}
            </Typography.Text>
          )}
          <RefreshButton onRefresh={() => void events.reload()} style={{ marginLeft: 'auto' }} />
        </Flex>
        {narrow ? (
          <Spin spinning={events.loading && events.items.length === 0}>
            {events.items.length === 0 && !events.loading ? (
              <Typography.Text type="secondary">{empty}</Typography.Text>
            ) : (
              <Flex vertical data-testid="event-cards">
                {events.items.map((event, index) => (
                  <div key={event.id} style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`event-row-${event.id}`}>
                    <Flex justify="space-between" align="center" gap={8}>
                      <div style={{ minWidth: 0 }}>{title(event)}</div>
                      <EventStateTag event={event} />
                    </Flex>
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
                      {[eventTime(event), event.place].filter(Boolean).join(' · ')}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {t('clubEvents.taken')} {taken(event)} · {t('club.points', { points: formatPoints(event.points) })} · {tierMinName(t, tiers, event.tier_min)}
                    </Typography.Text>
                  </div>
                ))}
              </Flex>
            )}
          </Spin>
        ) : (
          <Table<ClubEvent>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={events.items}
            loading={events.loading}
            pagination={false}
            scroll={{ x: 970 }}
            onRow={(event) => ({ onClick: () => navigate(`/club/events/${event.id}`), style: { cursor: 'pointer' }, 'data-testid': `event-row-${event.id}` }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: empty }}
            data-testid="events-table"
          />
        )}
        <CursorListFooter list={events} pageSize={kEventsPageSize} />
      </Card>
      {dialog.modal && <EventModal key={dialog.modal.key} onClose={dialog.closeModal} />}
    </>
  );
}
