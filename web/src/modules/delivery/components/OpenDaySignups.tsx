// An open day's households: who signed up (the unit, the owner, how many come), who checked in on
// the day, 报名 for another, 签到 and 取消报名 for each, in a drawer beside the list of open days.
import { useMemo, useState, type HTMLAttributes, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Flex, Grid, Popconfirm, Spin, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { ApiError, kMaxPageSize } from '../../../shared/api/client';
import { CursorListFooter, CursorTable } from '../../../shared/ui/CursorTable';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { deliveryApi } from '../api';
import { openDayKeys, signupChanged } from '../queries';
import { deliveryAccess } from '../access';
import { chinaToday, formatMinute, openDayDecorationLabel, openDayFull, signedUpLabel } from '../labels';
import { signupActionErrorText } from '../errors';
import type { OpenDay, OpenDaySignup } from '../types';
import { SignupStatusTag } from './Tags';
import { SignupModal } from './SignupModal';
import { OpenDayLinks } from './OpenDayLinks';

/** Where the day stands for sign-ups and check-in: vetoed, past, today, ahead. */
type Phase = 'vetoed' | 'past' | 'today' | 'ahead';
const phaseOf = (day: Pick<OpenDay, 'status' | 'on'>, today: string): Phase =>
  day.status === 'vetoed' ? 'vetoed' : day.on < today ? 'past' : day.on === today ? 'today' : 'ahead';

/** The day's figures: signed up of the capacity, checked in, the people expected. */
function Summary({ day, people }: { day: OpenDay; people: number | null }) {
  const t = useT();
  return (
    <Flex gap={8} wrap align="center" data-testid="signup-summary">
      <Tag color={openDayFull(day) ? 'red' : 'blue'} style={{ marginInlineEnd: 0 }} data-testid="signup-count" data-count={day.signed_up} data-capacity={day.capacity ?? ''}>
        {signedUpLabel(t, day)}
      </Tag>
      <Tag color="green" style={{ marginInlineEnd: 0 }} data-testid="signup-checked-in" data-count={day.checked_in}>
        {t('openDay.checkedIn', { count: day.checked_in })}
      </Tag>
      {people !== null && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="signup-people" data-count={people}>
          {t('signup.people', { count: people })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** What the day allows now, in words: vetoed, over, check-in today, check-in on its day; full. */
function Notice({ day, phase }: { day: OpenDay; phase: Phase }) {
  const t = useT();
  const notices: { type: 'info' | 'success' | 'warning'; text: string; key: string }[] = [];
  if (phase === 'vetoed') notices.push({ key: 'vetoed', type: 'warning', text: t('signup.vetoedNotice') });
  else if (phase === 'past') notices.push({ key: 'past', type: 'info', text: t('signup.pastNotice', { date: day.on }) });
  else if (phase === 'today') notices.push({ key: 'today', type: 'success', text: t('signup.checkInToday') });
  else notices.push({ key: 'ahead', type: 'info', text: t('signup.checkInOnDay', { date: day.on }) });
  if ((phase === 'today' || phase === 'ahead') && openDayFull(day)) notices.push({ key: 'full', type: 'warning', text: t('signup.fullNotice', { capacity: day.capacity ?? 0 }) });
  return (
    <Flex vertical gap={8}>
      {notices.map((notice) => (
        <Alert key={notice.key} type={notice.type} showIcon title={notice.text} data-testid={`signup-notice-${notice.key}`} />
      ))}
    </Flex>
  );
}

/**
 * The sign-ups of an open day in a drawer (the whole screen on a phone): the figures, what the day
 * allows now, 报名 (SignupModal) while it has room and has not passed; the households in the order
 * they came, each with its unit and owner (linked), how many come, 已报名 / 已签到 (by whom, when) /
 * 已取消, and 签到 (on the open day itself, China time) and 取消报名 for one signed up. `day` is the
 * list's (its counts read again after each change). Mount it once per opening.
 */
export function OpenDaySignups({ day, onClose }: { day: OpenDay; onClose: () => void }) {
  const t = useT();
  const { me } = useAuth();
  const access = deliveryAccess(me);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const narrow = !Grid.useBreakpoint().md;
  const [open, setOpen] = useState(true);
  const [busy, setBusy] = useState<number | null>(null);
  const add = useModalTarget<true>();
  const list = useCursorList(openDayKeys.signups(day.id), (cursor, signal) => deliveryApi.listSignups(day.id, { limit: kMaxPageSize, cursor }, signal));
  const phase = phaseOf(day, chinaToday());
  const active = useMemo(() => list.items.filter((signup) => signup.status !== 'cancelled'), [list.items]);
  const taken = useMemo(() => new Set(active.map((signup) => signup.unit_id)), [active]);
  const people = list.pages.length > 0 && list.nextCursor === null ? active.reduce((sum, signup) => sum + signup.party_size, 0) : null;
  const mayAdd = access.signUp && (phase === 'today' || phase === 'ahead') && !openDayFull(day);

  const act = async (signup: OpenDaySignup, action: 'checkIn' | 'cancel') => {
    setBusy(signup.id);
    try {
      const done = action === 'checkIn' ? await deliveryApi.checkIn(signup.id) : await deliveryApi.cancelSignup(signup.id);
      list.setItems((items) => items.map((item) => (item.id === done.id ? done : item)));
      signupChanged(queryClient, done);
      const words = { code: done.unit_code, name: done.customer_name };
      void message.success(action === 'checkIn' ? t('signup.checkedIn', words) : t('signup.cancelled', words));
    } catch (err) {
      void message.error(signupActionErrorText(t, err, day));
      if (err instanceof ApiError && err.code === 'invalid_transition') void list.reload();
    } finally {
      setBusy(null);
    }
  };

  const unit = (signup: OpenDaySignup) => (
    <Link to={`/units/${signup.unit_id}`} className="hearth-mono" data-testid={`signup-unit-${signup.id}`}>
      {signup.unit_code}
    </Link>
  );
  const owner = (signup: OpenDaySignup) => (
    <Link to={`/customers/${signup.customer_id}`} data-testid={`signup-owner-${signup.id}`}>
      {signup.customer_name}
    </Link>
  );
  const state = (signup: OpenDaySignup) => (
    <>
      <SignupStatusTag status={signup.status} testId={`signup-status-${signup.id}`} />
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {signup.status === 'checked_in'
          ? t('signup.checkedInBy', { name: signup.checked_in_by_name ?? '', at: formatMinute(signup.checked_in_at) })
          : signedUpBy(signup)}
      </Typography.Text>
    </>
  );
  const signedUpBy = (signup: OpenDaySignup) =>
    signup.via === 'owner'
      ? t('signup.signedUpByOwner', { at: formatMinute(signup.created_at) })
      : t('signup.signedUpBy', { name: signup.created_by_name, at: formatMinute(signup.created_at) });
  const note = (signup: OpenDaySignup) =>
    signup.note && (
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, overflowWrap: 'anywhere' }}>
        {signup.note}
      </Typography.Text>
    );
  const actions = (signup: OpenDaySignup): ReactNode => {
    if (!access.signUp || signup.status !== 'signed_up') return null;
    const onTheDay = phase === 'today';
    const checkIn = (
      <Button
        size="small"
        type="primary"
        disabled={!onTheDay}
        loading={busy === signup.id}
        onClick={() => void act(signup, 'checkIn')}
        data-testid={`signup-check-in-${signup.id}`}
      >
        {t('signup.checkIn')}
      </Button>
    );
    return (
      <Flex gap={8} wrap>
        {phase !== 'vetoed' &&
          (onTheDay ? (
            checkIn
          ) : (
            <Tooltip title={phase === 'past' ? t('signup.pastNotice', { date: day.on }) : t('signup.checkInOnDay', { date: day.on })}>
              <span>{checkIn}</span>
            </Tooltip>
          ))}
        <Popconfirm
          title={t('signup.cancelConfirm', { code: signup.unit_code, name: signup.customer_name })}
          okText={t('signup.cancelOk')}
          okButtonProps={{ danger: true }}
          cancelText={t('signup.keep')}
          onConfirm={() => act(signup, 'cancel')}
        >
          <Button size="small" danger disabled={busy === signup.id} data-testid={`signup-cancel-${signup.id}`}>
            {t('signup.cancel')}
          </Button>
        </Popconfirm>
      </Flex>
    );
  };

  const columns: TableColumnsType<OpenDaySignup> = [
    { title: t('signup.unitColumn'), key: 'unit', width: 96, render: (_, signup) => unit(signup) },
    {
      title: t('signup.ownerColumn'),
      key: 'owner',
      render: (_, signup) => (
        <>
          {owner(signup)}
          {note(signup)}
        </>
      ),
    },
    { title: t('signup.partyColumn'), key: 'party', width: 64, render: (_, signup) => t('signup.partyShown', { count: signup.party_size }) },
    { title: t('signup.status'), key: 'status', width: 230, render: (_, signup) => state(signup) },
    ...(access.signUp ? ([{ title: t('signup.actions'), key: 'actions', width: 170, render: (_, signup) => actions(signup) }] satisfies TableColumnsType<OpenDaySignup>) : []),
  ];

  return (
    <Drawer
      open={open}
      onClose={() => setOpen(false)}
      afterOpenChange={(shown) => {
        if (!shown) onClose();
      }}
      size={narrow ? '100%' : 760}
      title={t('signup.title', { project: day.project_name, date: day.on })}
      extra={
        access.signUp && (
          <Button type="primary" icon={<PlusOutlined />} disabled={!mayAdd} onClick={() => add.openModal(true)} data-testid="signup-add">
            {t('signup.add')}
          </Button>
        )
      }
      data-testid="signup-drawer"
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          {day.on} · {openDayDecorationLabel(t, day.decoration)}
        </Typography.Text>
        <Summary day={day} people={people} />
        <Notice day={day} phase={phase} />
        {phase !== 'vetoed' && <OpenDayLinks day={day} mayManage={access.work} ahead={phase === 'ahead'} />}
        <ErrorAlert error={list.error} style={{}} />
        {narrow ? (
          <Spin spinning={list.loading}>
            {list.items.length === 0 && !list.loading ? (
              <Typography.Text type="secondary">{t('signup.empty')}</Typography.Text>
            ) : (
              <Flex vertical data-testid="signup-cards">
                {list.items.map((signup, index) => (
                  <div key={signup.id} style={{ padding: '10px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`signup-row-${signup.id}`}>
                    <Flex justify="space-between" align="center" gap={8}>
                      <Flex gap={8} align="baseline" style={{ minWidth: 0 }} wrap>
                        {unit(signup)}
                        {owner(signup)}
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('signup.partyShown', { count: signup.party_size })}
                        </Typography.Text>
                      </Flex>
                      <SignupStatusTag status={signup.status} testId={`signup-status-${signup.id}`} />
                    </Flex>
                    {note(signup)}
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {signup.status === 'checked_in'
                        ? t('signup.checkedInBy', { name: signup.checked_in_by_name ?? '', at: formatMinute(signup.checked_in_at) })
                        : signedUpBy(signup)}
                    </Typography.Text>
                    {actions(signup) && <div style={{ marginTop: 8 }}>{actions(signup)}</div>}
                  </div>
                ))}
              </Flex>
            )}
            <CursorListFooter list={list} />
          </Spin>
        ) : (
          <CursorTable<OpenDaySignup>
            list={list}
            columns={columns}
            onRow={(signup) => ({ 'data-testid': `signup-row-${signup.id}` }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: t('signup.empty') }}
            data-testid="signup-table"
          />
        )}
      </Flex>
      {add.modal && <SignupModal key={add.modal.key} day={day} taken={taken} onClose={add.closeModal} />}
    </Drawer>
  );
}
