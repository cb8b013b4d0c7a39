import { useEffect, useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { App, Button, Flex, Spin, Typography, type ButtonProps } from 'antd';
import { addChinese, type Translate } from '../../../app/i18n/i18nContext';
import { useLanguage, useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { Line, Mark, Outcome, Panel, PublicFrame } from '../../../shared/ui/PublicPage';
import { publicOpenDayApi } from '../publicApi';
import { zh } from '../openDaySignupMessages';
import type { PublicOpenDay } from '../types';

// An owner's phone, no sign-in: as the booking page (HandoverBookingPage.tsx), the page loads its own
// words only and imports nothing but the entry's modules and its own.
addChinese(zh);

const kBlue = '#1f4fd1';
const kPartySizes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** "12月20日周日" / "Sun, Dec 20" of "2026-12-20": a calendar day, no time zone involved. */
function dayLabel(language: string, day: string) {
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(language, { month: 'long', day: 'numeric', weekday: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, date)),
  );
}

/** A failure in words: the network, too many tries, or the server's refusal. */
function failure(t: Translate, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return t('error.network');
    if (err.status === 429) return t('publicOpenDay.rateLimited');
  }
  return t('publicOpenDay.failedServer');
}

function Frame({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <PublicFrame brand={t('publicOpenDay.brand')} footer={t('publicOpenDay.footer')}>
      {children}
    </PublicFrame>
  );
}

/** The household's size, 1 to 10, as five tiles a row. */
function PartySize({ value, onChange }: { value: number; onChange: (n: number) => void }) {
  const t = useT();
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t('publicOpenDay.partySize')}</Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(5, minmax(0, 1fr))', gap: 8 }} role="radiogroup" aria-label={t('publicOpenDay.partySize')}>
        {kPartySizes.map((n) => (
          <button
            key={n}
            type="button"
            role="radio"
            aria-checked={n === value}
            onClick={() => onChange(n)}
            style={{
              padding: '10px 0',
              borderRadius: 10,
              border: `1px solid ${n === value ? kBlue : '#d9dde4'}`,
              boxShadow: n === value ? `0 0 0 1px ${kBlue} inset` : undefined,
              background: n === value ? '#eef3ff' : '#fff',
              color: '#1f2329',
              fontSize: 16,
              fontWeight: 600,
              cursor: 'pointer',
              fontFamily: 'inherit',
            }}
            data-testid={`open-day-party-${n}`}
          >
            {n}
          </button>
        ))}
      </div>
    </Flex>
  );
}

/**
 * /o/:token — the owner's own page of a site open day (工地开放日), opened from the SMS (no sign-in):
 * the project, the unit, the owner's initial, the day, its programme and the places left; the
 * household's size and 报名; then their sign-up with 取消报名 until the day. A full, called-off or past
 * day and a link unknown or expired each say so in plain words.
 */
export default function OpenDaySignupPage() {
  const { token = '' } = useParams();
  const t = useT();
  const { language } = useLanguage();
  const { modal } = App.useApp();
  const [page, setPage] = useState<PublicOpenDay | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [party, setParty] = useState(2);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    setLoadError(null);
    publicOpenDayApi.get(token, abort.signal).then(setPage, (err: unknown) => {
      if (!abort.signal.aborted) setLoadError(err);
    });
    return () => abort.abort();
  }, [token, attempt]);

  const act = async (call: () => Promise<PublicOpenDay>, done?: string) => {
    setBusy(true);
    setNotice(null);
    try {
      setPage(await call());
      if (done) setNotice(done);
      window.scrollTo(0, 0);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setLoadError(err);
      else setNotice(t('publicOpenDay.failed', { reason: failure(t, err) }));
      // The day as it is now (full, called off, already signed up on another phone).
      if (err instanceof ApiError && err.status === 409) setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const confirmCancel = () =>
    modal.confirm({
      title: t('publicOpenDay.cancelTitle'),
      content: t('publicOpenDay.cancelDetail'),
      centered: true,
      okText: t('publicOpenDay.cancelOk'),
      cancelText: t('publicOpenDay.cancelKeep'),
      okButtonProps: { danger: true, size: 'large', 'data-testid': 'open-day-cancel-ok' } as ButtonProps,
      cancelButtonProps: { size: 'large' },
      onOk: () => act(() => publicOpenDayApi.cancel(token), t('publicOpenDay.cancelled')),
    });

  // An unknown or expired link answers 404 (400 for one that is not a token at all).
  if (loadError instanceof ApiError && (loadError.status === 404 || loadError.status === 400)) {
    return (
      <Frame>
        <Panel>
          <Outcome icon={<Mark kind="wrong" />} title={t('publicOpenDay.invalidTitle')} detail={t('publicOpenDay.invalidDetail')} testId="open-day-invalid" />
        </Panel>
      </Frame>
    );
  }
  if (!page) {
    return (
      <Frame>
        <Panel>
          <Flex vertical align="center" gap={16} style={{ padding: 24 }}>
            {loadError ? (
              <>
                <Typography.Text type="danger" data-testid="open-day-load-error">
                  {failure(t, loadError)}
                </Typography.Text>
                <Button onClick={() => setAttempt((n) => n + 1)}>{t('common.retry')}</Button>
              </>
            ) : (
              <>
                <Spin />
                <Typography.Text type="secondary">{t('publicOpenDay.loading')}</Typography.Text>
              </>
            )}
          </Flex>
        </Panel>
      </Frame>
    );
  }

  const signup = page.signup;
  const day = dayLabel(language, page.on);
  const where = page.project_address || page.project_name;
  let body: ReactNode;
  if (page.state === 'vetoed') {
    body = <Outcome icon={<Mark kind="wrong" />} title={t('publicOpenDay.vetoedTitle')} detail={t('publicOpenDay.vetoedDetail')} testId="open-day-vetoed" />;
  } else if (signup?.status === 'checked_in') {
    body = <Outcome icon={<Mark kind="done" />} title={t('publicOpenDay.checkedInTitle')} detail={t('publicOpenDay.checkedInDetail')} testId="open-day-checked-in" />;
  } else if (signup) {
    body = (
      <Outcome
        icon={<Mark kind="done" />}
        title={t('publicOpenDay.signedUpTitle')}
        detail={t('publicOpenDay.signedUpDetail', { day, count: signup.party_size, address: where })}
        testId="open-day-signed-up"
      >
        {signup.may_cancel && (
          <Button size="large" onClick={confirmCancel} loading={busy} style={{ marginTop: 8 }} data-testid="open-day-cancel">
            {t('publicOpenDay.cancel')}
          </Button>
        )}
      </Outcome>
    );
  } else if (page.state === 'past') {
    body = <Outcome icon={<Mark kind="late" />} title={t('publicOpenDay.pastTitle')} detail={t('publicOpenDay.pastDetail')} testId="open-day-past" />;
  } else if (page.state === 'full') {
    body = <Outcome icon={<Mark kind="wait" />} title={t('publicOpenDay.fullTitle')} detail={t('publicOpenDay.fullDetail')} testId="open-day-full" />;
  } else {
    body = (
      <Flex vertical gap={16}>
        <PartySize value={party} onChange={setParty} />
        <Button
          type="primary"
          size="large"
          block
          loading={busy}
          onClick={() => act(() => publicOpenDayApi.signUp(token, party))}
          data-testid="open-day-sign-up"
        >
          {t('publicOpenDay.signUp')} · {t('publicOpenDay.people', { count: party })}
        </Button>
      </Flex>
    );
  }

  return (
    <Frame>
      <Panel testId="open-day-info">
        {!signup && page.state === 'open' && (
          <Typography.Paragraph style={{ fontSize: 15 }} data-testid="open-day-intro">
            {t('publicOpenDay.intro')}
          </Typography.Paragraph>
        )}
        <Line label={t('publicOpenDay.project')} testId="open-day-project">
          {page.project_name}
        </Line>
        <Line label={t('publicOpenDay.unit')} testId="open-day-unit">
          {page.unit_code}
        </Line>
        <Line label={t('publicOpenDay.owner')}>{page.owner}</Line>
        <Line label={t('publicOpenDay.day')} testId="open-day-day">
          {day}
        </Line>
        <Line label={t('publicOpenDay.kind')}>{t(`publicOpenDay.kind.${page.decoration}`)}</Line>
        {page.project_address && <Line label={t('publicOpenDay.address')}>{page.project_address}</Line>}
        {page.note && <Line label={t('publicOpenDay.note')}>{page.note}</Line>}
        {page.state === 'open' && !signup && (
          <Typography.Text style={{ display: 'block', marginTop: 12, color: kBlue }} data-testid="open-day-places">
            {page.places_left == null ? t('publicOpenDay.noLimit') : t('publicOpenDay.placesLeft', { count: page.places_left })}
          </Typography.Text>
        )}
      </Panel>
      <Panel testId="open-day-panel">
        {notice && (
          <Typography.Paragraph type={notice === t('publicOpenDay.cancelled') ? 'success' : 'danger'} style={{ fontSize: 15 }} data-testid="open-day-notice">
            {notice}
          </Typography.Paragraph>
        )}
        {body}
      </Panel>
    </Frame>
  );
}
