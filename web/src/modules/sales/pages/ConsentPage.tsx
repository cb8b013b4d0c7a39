import { useEffect, useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { Button, Flex, Spin, Typography } from 'antd';
import { addChinese, type Translate } from '../../../app/i18n/i18nContext';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { Line, Mark, Outcome, Panel, PublicFrame } from '../../../shared/ui/PublicPage';
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

/** The page's frame: its name, one panel, its small print. */
function Frame({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <PublicFrame brand={t('publicConsent.brand')} footer={t('publicConsent.footer')}>
      <Panel testId="consent-panel">{children}</Panel>
    </PublicFrame>
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
