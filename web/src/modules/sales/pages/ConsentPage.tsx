import { useEffect, useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { Button, Flex, Spin, Typography } from 'antd';
import { addChinese, type Translate } from '../../../app/i18n/i18nContext';
import { useLanguage, useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { publicConsentApi } from '../publicApi';
import { zh } from '../consentMessages';
import type { PublicConsent } from '../types';

// A customer's phone, no sign-in: the page loads none of the modules' messages, its own words only;
// and it imports nothing but the entry's modules and its own (no icons, no LanguageSwitch, no
// apiErrors), for a small chunk that leaves the bundler's other chunks as they were (a module it
// shared with the pages would move small chunks around, some into the first screen's).
addChinese(zh);

/** A failure in words: the network, or the server's refusal. */
const failure = (t: Translate, err: unknown) =>
  err instanceof ApiError && err.status === 0 ? t('error.network') : t('publicConsent.failedServer');

/** The outcome's mark: a tick, a clock or an exclamation in a coloured disc (drawn here, no icon font). */
function Mark({ kind }: { kind: 'done' | 'late' | 'wrong' }) {
  const colour = kind === 'done' ? '#52c41a' : kind === 'late' ? '#bfbfbf' : '#faad14';
  return (
    <svg width="64" height="64" viewBox="0 0 64 64" aria-hidden="true">
      <circle cx="32" cy="32" r="30" fill={colour} />
      {kind === 'done' && <path d="M19 33l9 9 17-19" fill="none" stroke="#fff" strokeWidth="5" strokeLinecap="round" strokeLinejoin="round" />}
      {kind === 'late' && <path d="M32 16v17l11 7" fill="none" stroke="#fff" strokeWidth="5" strokeLinecap="round" strokeLinejoin="round" />}
      {kind === 'wrong' && <path d="M32 16v21M32 46v1" fill="none" stroke="#fff" strokeWidth="6" strokeLinecap="round" />}
    </svg>
  );
}

/** 中文 / English, as the staff pages' switch says it. */
function Language() {
  const { language, setLanguage } = useLanguage();
  const t = useT();
  return (
    <Button type="text" onClick={() => setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')} data-testid="language-switch">
      {t('lang.switchTo')}
    </Button>
  );
}

/** The phone's column: a plain header, a white panel, small print under it (no antd Card, Result or Form). */
function Frame({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <div style={{ minHeight: '100vh', background: '#f3f5f9' }}>
      <Flex align="center" justify="space-between" style={{ background: '#fff', padding: '12px 16px', borderBottom: '1px solid #e8ebf0' }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {t('publicConsent.brand')}
        </Typography.Text>
        <Language />
      </Flex>
      <div style={{ maxWidth: 480, margin: '0 auto', padding: '16px 12px 32px' }}>
        <div style={{ background: '#fff', borderRadius: 12, padding: '24px 20px' }} data-testid="consent-panel">
          {children}
        </div>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', fontSize: 12, marginTop: 20 }}>
          {t('publicConsent.footer')}
        </Typography.Paragraph>
      </div>
    </div>
  );
}

/** A big icon over a title and a sentence: the page's outcomes. */
function Outcome({ icon, title, detail, testId }: { icon: ReactNode; title: string; detail: string; testId: string }) {
  return (
    <Flex vertical align="center" gap={12} style={{ textAlign: 'center', padding: '16px 0' }} data-testid={testId}>
      {icon}
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ fontSize: 15 }}>
        {detail}
      </Typography.Text>
    </Flex>
  );
}

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Flex justify="space-between" gap={12} style={{ padding: '8px 0', borderBottom: '1px solid #f0f2f5', fontSize: 15 }}>
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
        {label}
      </Typography.Text>
      <Typography.Text strong style={{ textAlign: 'right' }}>
        {children}
      </Typography.Text>
    </Flex>
  );
}

const timeOf = (at: string) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/**
 * /consent/:token — the customer's own page of a 报备 (no sign-in), opened from the desk's QR code on
 * their phone: who registers them at which project, and a big 同意 button; then a thank-you. An
 * expired link says to ask the consultant again; an unknown one that it is not valid.
 */
export default function ConsentPage() {
  const { token = '' } = useParams();
  const t = useT();
  const [consent, setConsent] = useState<PublicConsent | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [agreeing, setAgreeing] = useState(false);
  const [agreeError, setAgreeError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setError(null);
    publicConsentApi.get(token, abort.signal).then(setConsent, (err: unknown) => {
      if (!abort.signal.aborted) setError(err);
    });
    return () => abort.abort();
  }, [token, attempt]);

  const agree = async () => {
    setAgreeing(true);
    setAgreeError(null);
    try {
      setConsent(await publicConsentApi.agree(token));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'consent_expired') setConsent((c) => (c ? { ...c, status: 'expired' } : c));
      else setAgreeError(err);
    } finally {
      setAgreeing(false);
    }
  };

  // An unknown link answers 404 (400 for one that is not a token at all).
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
    return (
      <Frame>
        <Outcome
          icon={<Mark kind="wrong" />}
          title={t('publicConsent.invalidTitle')}
          detail={t('publicConsent.invalidDetail')}
          testId="consent-invalid"
        />
      </Frame>
    );
  }
  if (error) {
    return (
      <Frame>
        <Flex vertical align="center" gap={16}>
          <Typography.Text type="danger">{failure(t, error)}</Typography.Text>
          <Button onClick={() => setAttempt((n) => n + 1)}>{t('common.retry')}</Button>
        </Flex>
      </Frame>
    );
  }
  if (!consent) {
    return (
      <Frame>
        <Flex vertical align="center" gap={12} style={{ padding: 24 }}>
          <Spin />
          <Typography.Text type="secondary">{t('publicConsent.loading')}</Typography.Text>
        </Flex>
      </Frame>
    );
  }
  if (consent.status === 'confirmed') {
    return (
      <Frame>
        <Outcome
          icon={<Mark kind="done" />}
          title={t('publicConsent.thanksTitle')}
          detail={t('publicConsent.thanksDetail', { consultant: consent.consultant_name, project: consent.project_name })}
          testId="consent-thanks"
        />
      </Frame>
    );
  }
  if (consent.status !== 'waiting') {
    return (
      <Frame>
        <Outcome
          icon={<Mark kind="late" />}
          title={t('publicConsent.expiredTitle')}
          detail={t('publicConsent.expiredDetail')}
          testId="consent-expired"
        />
      </Frame>
    );
  }
  return (
    <Frame>
      <Typography.Paragraph style={{ fontSize: 16, marginBottom: 16 }} data-testid="consent-intro">
        {t('publicConsent.intro', { consultant: consent.consultant_name, project: consent.project_name })}
      </Typography.Paragraph>
      <Line label={t('publicConsent.customer')}>{consent.customer_name}</Line>
      <Line label={t('publicConsent.project')}>{consent.project_name}</Line>
      <Line label={t('publicConsent.consultant')}>{consent.consultant_name}</Line>
      <Line label={t('publicConsent.expires')}>{timeOf(consent.expires_at)}</Line>
      {agreeError !== null && (
        <Typography.Paragraph type="danger" style={{ marginTop: 16, marginBottom: 0 }} data-testid="consent-error">
          {t('publicConsent.failed', { reason: failure(t, agreeError) })}
        </Typography.Paragraph>
      )}
      <Button
        type="primary"
        block
        loading={agreeing}
        onClick={() => void agree()}
        style={{ height: 56, fontSize: 20, marginTop: 24, borderRadius: 10 }}
        data-testid="consent-agree"
      >
        {t('publicConsent.agree')}
      </Button>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginTop: 12, marginBottom: 0 }}>
        {t('publicConsent.agreeHint')}
      </Typography.Paragraph>
    </Frame>
  );
}
