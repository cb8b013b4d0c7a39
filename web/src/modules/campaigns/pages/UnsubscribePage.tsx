import { useEffect, useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { Button, Flex, Spin, Typography } from 'antd';
import { addChinese, type Translate } from '../../../app/i18n/i18nContext';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { Line, Mark, Outcome, Panel, PublicFrame } from '../../../shared/ui/PublicPage';
import { publicUnsubscribeApi } from '../publicApi';
import { zh } from '../unsubscribeMessages';
import type { Unsubscribe } from '../types';

// An owner's phone, no sign-in: as the other public pages (sales/pages/ConsentPage.tsx says why),
// the page loads its own words only and imports nothing but the entry's modules and its own.
addChinese(zh);

/** A failure in words: the network, too many tries, or the server's refusal. */
function failure(t: Translate, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return t('error.network');
    if (err.status === 429) return t('unsubscribe.rateLimited');
  }
  return t('unsubscribe.failedServer');
}

function Frame({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <PublicFrame brand={t('unsubscribe.brand')} footer={t('unsubscribe.footer')}>
      {children}
    </PublicFrame>
  );
}

/**
 * /u/:token — the page behind a marketing message's 退订 link (no sign-in): whose marketing on which
 * channel (「万科集团 的营销短信」) and the campaign; 退订此类消息 (this channel) or 退订全部营销信息
 * (every channel); then that it is done, saying so again when the link is opened later. A link
 * unknown or mistyped says 链接无效.
 */
export default function UnsubscribePage() {
  const { token = '' } = useParams();
  const t = useT();
  const [page, setPage] = useState<Unsubscribe | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState<'channel' | 'all' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    setLoadError(null);
    publicUnsubscribeApi.get(token, abort.signal).then(setPage, (err: unknown) => {
      if (!abort.signal.aborted) setLoadError(err);
    });
    return () => abort.abort();
  }, [token, attempt]);

  const unsubscribe = async (all: boolean) => {
    setBusy(all ? 'all' : 'channel');
    setNotice(null);
    try {
      setPage(await publicUnsubscribeApi.unsubscribe(token, all));
      window.scrollTo(0, 0);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setLoadError(err);
      else setNotice(t('unsubscribe.failed', { reason: failure(t, err) }));
    } finally {
      setBusy(null);
    }
  };

  if (loadError instanceof ApiError && (loadError.status === 404 || loadError.status === 400)) {
    return (
      <Frame>
        <Panel>
          <Outcome icon={<Mark kind="wrong" />} title={t('unsubscribe.invalidTitle')} detail={t('unsubscribe.invalidDetail')} testId="unsubscribe-invalid" />
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
                <Typography.Text type="danger" data-testid="unsubscribe-load-error">
                  {failure(t, loadError)}
                </Typography.Text>
                <Button onClick={() => setAttempt((n) => n + 1)}>{t('common.retry')}</Button>
              </>
            ) : (
              <>
                <Spin />
                <Typography.Text type="secondary">{t('unsubscribe.loading')}</Typography.Text>
              </>
            )}
          </Flex>
        </Panel>
      </Frame>
    );
  }

  const channel = t(`unsubscribe.channel.${page.channel}`);
  const company = page.company;
  let body: ReactNode;
  if (page.opted_out_all) {
    body = <Outcome icon={<Mark kind="done" />} title={t('unsubscribe.doneAllTitle')} detail={t('unsubscribe.doneAll', { company })} testId="unsubscribe-done-all" />;
  } else if (page.opted_out) {
    body = (
      <Outcome icon={<Mark kind="done" />} title={t('unsubscribe.doneTitle')} detail={t('unsubscribe.doneChannel', { company, channel })} testId="unsubscribe-done">
        <Button size="large" loading={busy === 'all'} onClick={() => void unsubscribe(true)} style={{ marginTop: 8 }} data-testid="unsubscribe-all">
          {t('unsubscribe.alsoAll')}
        </Button>
      </Outcome>
    );
  } else {
    body = (
      <Flex vertical gap={12}>
        <Typography.Paragraph style={{ fontSize: 15, margin: 0 }}>{t('unsubscribe.intro')}</Typography.Paragraph>
        <Button type="primary" size="large" block loading={busy === 'channel'} disabled={busy === 'all'} onClick={() => void unsubscribe(false)} data-testid="unsubscribe-channel">
          {t('unsubscribe.thisChannel')}
        </Button>
        <Button size="large" block loading={busy === 'all'} disabled={busy === 'channel'} onClick={() => void unsubscribe(true)} data-testid="unsubscribe-all">
          {t('unsubscribe.everything')}
        </Button>
      </Flex>
    );
  }

  return (
    <Frame>
      <Panel testId="unsubscribe-info">
        <Typography.Title level={4} style={{ margin: '0 0 8px', overflowWrap: 'anywhere' }} data-testid="unsubscribe-heading">
          {t('unsubscribe.heading', { company, channel })}
        </Typography.Title>
        <Line label={t('unsubscribe.campaign')} testId="unsubscribe-campaign">
          {page.campaign}
        </Line>
      </Panel>
      <Panel testId="unsubscribe-panel">
        {notice && (
          <Typography.Paragraph type="danger" style={{ fontSize: 15 }} data-testid="unsubscribe-notice">
            {notice}
          </Typography.Paragraph>
        )}
        {body}
      </Panel>
    </Frame>
  );
}
