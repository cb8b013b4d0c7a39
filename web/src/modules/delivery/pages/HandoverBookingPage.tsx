import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { App, Button, Flex, Spin, Typography, type ButtonProps } from 'antd';
import { addChinese, type Translate } from '../../../app/i18n/i18nContext';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { Line, Mark, Outcome, Panel, PublicFrame } from '../../../shared/ui/PublicPage';
import { publicBookingApi } from '../publicApi';
import { zh } from '../bookingMessages';
import type { PublicBooking } from '../types';

// An owner's phone, no sign-in: as the consent page (modules/sales/pages/ConsentPage.tsx), the page
// loads none of the modules' messages, its own words only, and imports nothing but the entry's
// modules and its own (no icons, no LanguageSwitch, no apiErrors, no module code it would share with
// the staff pages), for a small chunk that leaves the bundler's other chunks as they were.
addChinese(zh);

type Slot = PublicBooking['slots'][number];
type Booking = NonNullable<PublicBooking['booking']>;

const kBlue = '#1f4fd1';

/** The month, the day and the weekday's name (周二) of "2026-12-08": a calendar day, no time zone involved. */
function dayParts(t: Translate, day: string) {
  const [year, month, date] = day.split('-').map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, date)).getUTCDay() || 7;
  return { month, day: date, weekday: t(`publicBooking.weekday.${weekday}` as 'publicBooking.weekday.1') };
}
/** "12月8日 周二". */
const dayLabel = (t: Translate, day: string) => t('publicBooking.day', dayParts(t, day));
/** "09:00–10:00": a slot's hour, China time. */
const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00–${String(hour + 1).padStart(2, '0')}:00`;
const slotLabel = (t: Translate, slot: { day: string; hour: number }) => `${dayLabel(t, slot.day)} ${hourLabel(slot.hour)}`;

/** A failure in words: the network, too many tries, or the server's refusal. */
function failure(t: Translate, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return t('error.network');
    if (err.status === 429) return t('publicBooking.rateLimited');
  }
  return t('publicBooking.failedServer');
}

/** A tile of the day or hour grids: a bold first line, a small second; chosen blue, disabled grey. */
function Tile({
  top,
  bottom,
  chosen,
  disabled,
  mine,
  onClick,
  testId,
  data,
}: {
  top: string;
  bottom: ReactNode;
  chosen?: boolean;
  disabled?: boolean;
  mine?: boolean;
  onClick: () => void;
  testId: string;
  data?: Record<string, string | number>;
}) {
  return (
    <button
      type="button"
      disabled={disabled}
      aria-pressed={chosen || mine}
      onClick={onClick}
      style={{
        minWidth: 0,
        padding: '10px 6px',
        borderRadius: 10,
        border: `1px solid ${chosen || mine ? kBlue : '#d9dde4'}`,
        boxShadow: chosen ? `0 0 0 1px ${kBlue} inset` : undefined,
        background: mine ? '#eef3ff' : chosen ? '#f5f8ff' : disabled ? '#f5f6f8' : '#fff',
        color: disabled ? '#a0a6b1' : '#1f2329',
        cursor: disabled ? 'not-allowed' : 'pointer',
        textAlign: 'center',
        fontFamily: 'inherit',
      }}
      data-testid={testId}
      {...Object.fromEntries(Object.entries(data ?? {}).map(([key, value]) => [`data-${key}`, value]))}
    >
      <div style={{ fontSize: 15, fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>{top}</div>
      <div style={{ fontSize: 12, marginTop: 2, color: disabled ? 'inherit' : mine ? kBlue : '#6b7280' }}>{bottom}</div>
    </button>
  );
}

/**
 * The days (three a row), then the chosen day's hours (two a row) with the seats left: a full hour is
 * disabled; the owner's own hour, when moving, is marked and not offered again.
 */
function SlotGrid({ slots, booking, onPick }: { slots: Slot[]; booking: Booking | null; onPick: (slot: Slot) => void }) {
  const t = useT();
  const days = useMemo(() => {
    const byDay = new Map<string, Slot[]>();
    for (const slot of [...slots].sort((a, b) => a.day.localeCompare(b.day) || a.hour - b.hour)) byDay.set(slot.day, [...(byDay.get(slot.day) ?? []), slot]);
    return [...byDay.entries()].map(([day, hours]) => ({ day, hours, left: hours.reduce((sum, slot) => sum + slot.left, 0) }));
  }, [slots]);
  const preferred = days.find((d) => d.day === booking?.day) ?? days.find((d) => d.left > 0) ?? days[0];
  const [chosenDay, setChosenDay] = useState<string | undefined>(undefined);
  const day = days.find((d) => d.day === chosenDay) ?? preferred;

  if (!day) {
    return (
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }} data-testid="booking-no-slots">
        {t('publicBooking.noSlots')}
      </Typography.Paragraph>
    );
  }
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('publicBooking.chooseDay')}</Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: 8 }} data-testid="booking-days">
        {days.map((d) => {
          const { month, day: date, weekday } = dayParts(t, d.day);
          return (
            <Tile
              key={d.day}
              top={t('publicBooking.dayShort', { month, day: date })}
              bottom={d.left > 0 ? weekday : `${weekday} · ${t('publicBooking.dayFull')}`}
              chosen={d.day === day.day}
              onClick={() => setChosenDay(d.day)}
              testId={`booking-day-${d.day}`}
              data={{ left: d.left }}
            />
          );
        })}
      </div>
      <Typography.Text type="secondary" style={{ marginTop: 4 }}>
        {t('publicBooking.chooseHour')} · {dayLabel(t, day.day)}
      </Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 8 }} data-testid="booking-hours">
        {day.hours.map((slot) => {
          const mine = booking?.slot_id === slot.id;
          return (
            <Tile
              key={slot.id}
              top={hourLabel(slot.hour)}
              bottom={mine ? t('publicBooking.current') : slot.left > 0 ? t('publicBooking.left', { count: slot.left }) : t('publicBooking.full')}
              mine={mine}
              disabled={!mine && slot.left <= 0}
              onClick={() => {
                if (!mine) onPick(slot);
              }}
              testId={`booking-slot-${slot.day}-${slot.hour}`}
              data={{ left: slot.left }}
            />
          );
        })}
      </div>
    </Flex>
  );
}

/**
 * /b/:token — the owner's own page of their handover booking, opened from the SMS (no sign-in): the
 * project, the unit, the owner's initial, the planned day and the address; the free slots by day and
 * hour with the seats left (a full one disabled); a confirmation, then the booking made. A booking
 * already made is shown highlighted with 改约 while the handover has not begun. A full slot, a begun
 * handover and a link unknown or expired each say so in plain words.
 */
/** The page's frame: its name and its small print. */
function Frame({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <PublicFrame brand={t('publicBooking.brand')} footer={t('publicBooking.footer')}>
      {children}
    </PublicFrame>
  );
}

export default function HandoverBookingPage() {
  const { token = '' } = useParams();
  const t = useT();
  const { modal } = App.useApp();
  const [page, setPage] = useState<PublicBooking | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [moving, setMoving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [made, setMade] = useState<{ moved: boolean } | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    setLoadError(null);
    publicBookingApi.get(token, abort.signal).then(setPage, (err: unknown) => {
      if (!abort.signal.aborted) setLoadError(err);
    });
    return () => abort.abort();
  }, [token, attempt]);
  const reload = () => setAttempt((n) => n + 1);

  const book = async (slot: Slot) => {
    const moved = page?.booking != null;
    setNotice(null);
    try {
      setPage(await publicBookingApi.book(token, slot.id));
      setMoving(false);
      setMade({ moved });
      window.scrollTo(0, 0);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setLoadError(err);
      else if (err instanceof ApiError && err.code === 'slot_full') setNotice(t('publicBooking.slotFull'));
      else if (err instanceof ApiError && err.code === 'invalid_transition') setNotice(t('publicBooking.begun'));
      else if (err instanceof ApiError && err.status === 422) setNotice(t('publicBooking.slotClosed'));
      else setNotice(t('publicBooking.failed', { reason: failure(t, err) }));
      // The seats and the booking as they are now.
      if (!(err instanceof ApiError && (err.status === 0 || err.status === 404 || err.status === 429))) reload();
    }
  };

  const confirm = (slot: Slot) => {
    const from = page?.booking;
    modal.confirm({
      title: from ? t('publicBooking.confirmMoveTitle') : t('publicBooking.confirmTitle'),
      content: (
        <Flex vertical gap={4} style={{ fontSize: 15 }} data-testid="booking-confirm">
          <Typography.Text strong>{t('publicBooking.confirmSlot', { slot: slotLabel(t, slot) })}</Typography.Text>
          {from && <Typography.Text type="secondary">{t('publicBooking.confirmFrom', { slot: slotLabel(t, from) })}</Typography.Text>}
          {page?.project_address && <Typography.Text type="secondary">{t('publicBooking.confirmAddress', { address: page.project_address })}</Typography.Text>}
        </Flex>
      ),
      icon: null,
      centered: true,
      okText: t('publicBooking.confirmOk'),
      cancelText: t('publicBooking.confirmCancel'),
      okButtonProps: { size: 'large', 'data-testid': 'booking-confirm-ok' } as ButtonProps,
      cancelButtonProps: { size: 'large' },
      onOk: () => book(slot),
    });
  };

  // An unknown or expired link answers 404 (400 for one that is not a token at all).
  if (loadError instanceof ApiError && (loadError.status === 404 || loadError.status === 400)) {
    return (
      <Frame>
        <Panel>
          <Outcome icon={<Mark kind="wrong" />} title={t('publicBooking.invalidTitle')} detail={t('publicBooking.invalidDetail')} testId="booking-invalid" />
        </Panel>
      </Frame>
    );
  }
  if (!page && loadError) {
    return (
      <Frame>
        <Panel>
          <Flex vertical align="center" gap={16}>
            <Typography.Text type="danger" data-testid="booking-load-error">
              {failure(t, loadError)}
            </Typography.Text>
            <Button onClick={reload}>{t('common.retry')}</Button>
          </Flex>
        </Panel>
      </Frame>
    );
  }
  if (!page) {
    return (
      <Frame>
        <Panel>
          <Flex vertical align="center" gap={12} style={{ padding: 24 }}>
            <Spin />
            <Typography.Text type="secondary">{t('publicBooking.loading')}</Typography.Text>
          </Flex>
        </Panel>
      </Frame>
    );
  }

  const booking = page.booking;
  const where = page.project_address || page.project_name;
  let body: ReactNode;
  if (made && booking) {
    body = (
      <Outcome
        icon={<Mark kind="done" />}
        title={made.moved ? t('publicBooking.movedTitle') : t('publicBooking.successTitle')}
        detail={t('publicBooking.successDetail', { slot: slotLabel(t, booking), address: where })}
        testId="booking-success"
      >
        <Button size="large" onClick={() => setMade(null)} style={{ marginTop: 8 }} data-testid="booking-back">
          {t('publicBooking.back')}
        </Button>
      </Outcome>
    );
  } else if (booking?.status === 'done') {
    body = <Outcome icon={<Mark kind="done" />} title={t('publicBooking.doneTitle')} detail={t('publicBooking.doneDetail', { slot: slotLabel(t, booking) })} testId="booking-done" />;
  } else if (booking && !booking.may_move) {
    body = (
      <Outcome icon={<Mark kind="wait" />} title={t('publicBooking.begunTitle')} detail={t('publicBooking.begun')} testId="booking-begun">
        <Typography.Text strong style={{ fontSize: 16 }}>
          {slotLabel(t, booking)}
        </Typography.Text>
      </Outcome>
    );
  } else {
    body = (
      <Flex vertical gap={16}>
        {booking && (
          <div style={{ border: `1px solid ${kBlue}`, background: '#eef3ff', borderRadius: 10, padding: '14px 16px' }} data-testid="booking-current">
            <Typography.Text type="secondary">{t('publicBooking.bookedTitle')}</Typography.Text>
            <Flex justify="space-between" align="center" gap={12} wrap style={{ marginTop: 4 }}>
              <Typography.Text strong style={{ fontSize: 18, color: kBlue }} data-testid="booking-current-slot">
                {slotLabel(t, booking)}
              </Typography.Text>
              <Button type={moving ? 'default' : 'primary'} ghost={!moving} onClick={() => setMoving((m) => !m)} data-testid="booking-move">
                {moving ? t('publicBooking.keep') : t('publicBooking.move')}
              </Button>
            </Flex>
            {!moving && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 6 }}>
                {t('publicBooking.moveHint')}
              </Typography.Text>
            )}
          </div>
        )}
        {(!booking || moving) && (
          <>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {booking ? t('publicBooking.moveTitle') : t('publicBooking.chooseTitle')}
            </Typography.Title>
            {notice && (
              <Typography.Text type="danger" style={{ fontSize: 15 }} data-testid="booking-error">
                {notice}
              </Typography.Text>
            )}
            <SlotGrid slots={page.slots} booking={booking} onPick={confirm} />
          </>
        )}
        {booking && !moving && notice && (
          <Typography.Text type="danger" data-testid="booking-error">
            {notice}
          </Typography.Text>
        )}
      </Flex>
    );
  }

  return (
    <Frame>
      <Panel testId="booking-info">
        {!booking && (
          <Typography.Paragraph style={{ fontSize: 15 }} data-testid="booking-intro">
            {t('publicBooking.intro')}
          </Typography.Paragraph>
        )}
        <Line label={t('publicBooking.project')} testId="booking-project">
          {page.project_name}
        </Line>
        <Line label={t('publicBooking.unit')} testId="booking-unit">
          {page.unit_code}
        </Line>
        <Line label={t('publicBooking.owner')} testId="booking-owner">
          {page.owner}
        </Line>
        <Line label={t('publicBooking.planned')}>{dayLabel(t, page.planned_on)}</Line>
        {page.project_address && <Line label={t('publicBooking.address')}>{page.project_address}</Line>}
      </Panel>
      <Panel testId="booking-panel">{body}</Panel>
    </Frame>
  );
}
