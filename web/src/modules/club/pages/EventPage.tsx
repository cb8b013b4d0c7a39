import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { App, Breadcrumb, Button, Card, Flex, Grid, Popconfirm, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../../../app/i18n/useT';
import type { Translate } from '../../../app/i18n/i18nContext';
import { ApiError } from '../../../shared/api/client';
import { BackLink, RecordFallback, recordPage } from '../../../shared/ui/RecordPage';
import { Fact, FactGrid } from '../../../shared/ui/Fact';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { clubApi } from '../api';
import { signupChanged, useClubSettings, useEvent, useSignups } from '../queries';
import { backToEvents, chinaTime, eventState, eventTime, formatPoints, tierMinName } from '../labels';
import type { ClubEvent, EventSignup } from '../types';
import { EventStateTag } from '../components/Tags';
import { EventModal } from '../components/EventModal';
import { SignUpModal } from '../components/SignUpModal';

type Dialog = 'edit' | 'signup';

/** A refused check-in or cancellation in words. */
function signupActionError(t: Translate, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'checked_in') return t('clubEvent.signupCheckedIn');
    if (err.code === 'not_signed') return t('clubEvent.signupGone');
    if (err.code === 'already_checked_in') return t('clubEvent.alreadyCheckedIn');
  }
  return errorMessage(t, err);
}

/**
 * 报名名单: member number, name (to the member's page), tier, when signed up, when checked in; for
 * the event's staff 签到 (the member earns the event's points) and 取消报名 (not once checked in).
 */
function Signups({ event }: { event: ClubEvent }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const narrow = !Grid.useBreakpoint().md;
  const signups = useSignups(event.id);
  const [busy, setBusy] = useState<number | null>(null);

  const act = async (signup: EventSignup, kind: 'checkIn' | 'cancel') => {
    setBusy(signup.id);
    try {
      const done = kind === 'checkIn' ? await clubApi.checkIn(signup.id) : await clubApi.cancelSignup(signup.id);
      signupChanged(queryClient, done);
      void message.success(
        kind === 'checkIn' ? t('clubEvent.checkedIn', { name: done.customer_name, points: formatPoints(event.points) }) : t('clubEvent.cancelled', { name: done.customer_name }),
      );
    } catch (err) {
      void message.error(signupActionError(t, err));
      signupChanged(queryClient, signup);
    } finally {
      setBusy(null);
    }
  };

  const checkIn = (signup: EventSignup) =>
    signup.status === 'cancelled' ? (
      <Typography.Text type="secondary">{t('clubEvent.cancelledSignup')}</Typography.Text>
    ) : signup.checked_in_at ? (
      <span style={{ whiteSpace: 'nowrap' }} data-testid={`signup-checked-${signup.id}`}>
        {narrow ? t('clubEvent.checkedInShort', { time: chinaTime(signup.checked_in_at).slice(11) }) : chinaTime(signup.checked_in_at)}
      </span>
    ) : event.editable ? (
      <Button size="small" type="primary" loading={busy === signup.id} onClick={() => void act(signup, 'checkIn')} data-testid={`signup-check-in-${signup.id}`}>
        {t('clubEvent.checkIn')}
      </Button>
    ) : (
      <Typography.Text type="secondary">{t('clubEvent.notCheckedIn')}</Typography.Text>
    );
  const cancel = (signup: EventSignup) =>
    event.editable && signup.status === 'signed' && !signup.checked_in_at ? (
      <Popconfirm title={t('clubEvent.cancelConfirm', { name: signup.customer_name })} okText={t('clubEvent.cancel')} cancelText={t('common.cancel')} onConfirm={() => act(signup, 'cancel')}>
        <Button size="small" danger disabled={busy === signup.id} data-testid={`signup-cancel-${signup.id}`}>
          {t('clubEvent.cancel')}
        </Button>
      </Popconfirm>
    ) : null;
  const member = (signup: EventSignup) => (
    <Link to={`/club/members/${signup.member_id}`} data-testid={`signup-member-${signup.id}`}>
      {signup.customer_name}
    </Link>
  );

  const columns: TableColumnsType<EventSignup> = [
    { title: t('club.memberNo'), dataIndex: 'member_no', key: 'member_no', width: 150 },
    { title: t('club.customer'), key: 'customer', width: 140, render: (_, signup) => member(signup) },
    { title: t('club.tier'), dataIndex: 'tier_name', key: 'tier', width: 90 },
    { title: t('clubEvent.signedAt'), key: 'signed', width: 150, render: (_, signup) => <span style={{ whiteSpace: 'nowrap' }}>{chinaTime(signup.signed_at)}</span> },
    { title: t('clubEvent.checkedInAt'), key: 'checked', width: 150, render: (_, signup) => checkIn(signup) },
    { title: '', key: 'actions', width: 110, align: 'right', render: (_, signup) => cancel(signup) },
  ];

  return (
    <div data-testid="signups">
      <ErrorAlert error={signups.error} />
      {narrow ? (
        <Spin spinning={signups.loading && signups.items.length === 0}>
          {signups.items.length === 0 && !signups.loading ? (
            <Typography.Text type="secondary">{t('clubEvent.signupsEmpty')}</Typography.Text>
          ) : (
            <Flex vertical>
              {signups.items.map((signup, index) => (
                <div key={signup.id} style={{ padding: '10px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`signup-row-${signup.id}`}>
                  <Flex justify="space-between" align="center" gap={8}>
                    <Flex gap={8} align="center" style={{ minWidth: 0 }}>
                      {member(signup)}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {signup.tier_name}
                      </Typography.Text>
                    </Flex>
                    <Flex gap={8} align="center">
                      {checkIn(signup)}
                      {cancel(signup)}
                    </Flex>
                  </Flex>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
                    {signup.member_no} · {t('clubEvent.signedAt')} {chinaTime(signup.signed_at)}
                  </Typography.Text>
                </div>
              ))}
            </Flex>
          )}
        </Spin>
      ) : (
        <Table<EventSignup>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={signups.items}
          loading={signups.loading}
          pagination={false}
          scroll={{ x: 790 }}
          onRow={(signup) => ({ 'data-testid': `signup-row-${signup.id}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('clubEvent.signupsEmpty') }}
        />
      )}
    </div>
  );
}

/**
 * An event's page: title and status, time (China's), place, the places taken of the capacity, the
 * points, the tier it is open to, who holds it, the description; 编辑 and 报名 for its company's
 * staff (报名 while it takes sign-ups); the sign-ups below.
 */
function EventView({ id }: { id: number }) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const query = useEvent(id);
  const settings = useClubSettings();
  const dialog = useModalTarget<Dialog>();
  const event = query.data;

  if (!event) {
    return (
      <RecordFallback
        error={query.error}
        onRetry={() => void query.refetch()}
        notFound={{ title: t('clubEvent.notFoundTitle'), subtitle: t('clubEvent.notFoundSubtitle') }}
        back={backToEvents(t)}
      />
    );
  }
  const open = eventState(event) === 'open';

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={16} wrap>
        <BackLink back={backToEvents(t)} testId="back-to-events" />
        {!narrow && (
          <Breadcrumb
            items={[
              { key: 'list', title: <Link to="/club/events">{t('nav.clubEvents')}</Link> },
              { key: 'event', title: event.title },
            ]}
          />
        )}
      </Flex>

      <Card variant="borderless" data-testid="event-header">
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="event-name">
            {event.title}
          </Typography.Title>
          <EventStateTag event={event} testId="event-state" />
          {event.editable && (
            <Flex gap={8} wrap style={{ marginInlineStart: 'auto' }}>
              <Button icon={<EditOutlined />} onClick={() => dialog.openModal('edit')} data-testid="event-edit">
                {t('clubEvents.edit')}
              </Button>
              {open && (
                <Button type="primary" icon={<UserAddOutlined />} onClick={() => dialog.openModal('signup')} data-testid="event-sign-up">
                  {t('clubEvent.signUp')}
                </Button>
              )}
            </Flex>
          )}
        </Flex>
        <FactGrid columns="repeat(auto-fit, minmax(150px, 1fr))">
          <Fact label={t('clubEvents.time')} testId="event-time">
            {eventTime(event)}
          </Fact>
          <Fact label={t('clubEvents.place')} testId="event-place">
            {event.place || '—'}
          </Fact>
          <Fact label={t('clubEvents.taken')} testId="event-taken">
            {t('clubEvents.takenValue', { taken: formatPoints(event.signed_up), capacity: formatPoints(event.capacity) })}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('clubEvents.checkedInCount', { count: formatPoints(event.checked_in) })}
            </Typography.Text>
          </Fact>
          <Fact label={t('clubEvents.points')} testId="event-points">
            {t('club.points', { points: formatPoints(event.points) })}
          </Fact>
          <Fact label={t('clubEvents.tier')} testId="event-tier">
            {tierMinName(t, settings.data?.tiers, event.tier_min)}
          </Fact>
          <Fact label={t('clubEvents.company')}>{event.org_unit_name}</Fact>
        </FactGrid>
        <Typography.Paragraph style={{ margin: '16px 0 0', whiteSpace: 'pre-wrap' }} type={event.description ? undefined : 'secondary'} data-testid="event-description">
          {event.description || t('clubEvents.noDescription')}
        </Typography.Paragraph>
      </Card>

      <Card variant="borderless" title={t('clubEvent.signupsTitle')}>
        <Signups event={event} />
      </Card>

      {dialog.modal?.target === 'edit' && <EventModal key={dialog.modal.key} event={event} onClose={dialog.closeModal} />}
      {dialog.modal?.target === 'signup' && <SignUpModal key={dialog.modal.key} event={event} onClose={dialog.closeModal} />}
    </Flex>
  );
}

/** /club/events/:id */
export default recordPage(EventView, 'clubEvent.notFoundTitle', backToEvents);
