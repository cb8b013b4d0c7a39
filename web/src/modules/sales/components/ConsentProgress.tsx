import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Input, QRCode, Spin, Tag, Typography, type InputRef } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined, MobileOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { salesApi } from '../api';
import { consentKeys, leadKeys } from '../queries';
import { consentStatusLabel } from '../labels';
import { consentConfirmRefusal } from '../errors';
import { customerKeys } from '../../customers/queries';
import type { Consent } from '../types';

/** The seconds left until `at`, renewed every second (0 once past). */
function useSecondsLeft(at: string): number {
  const end = new Date(at).getTime();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return Math.max(0, Math.ceil((end - now) / 1000));
}

const mmss = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/**
 * A 报备 asked at the desk, until the customer has confirmed it: by SMS, the code the customer reads
 * out is typed here (Enter confirms) and the lead opens; by QR code, the customer scans the code and
 * agrees on their phone while this polls every 2 s, then links to the lead. Expired (10 minutes) or
 * void (5 wrong codes), it offers to ask again (`onAgain`); `onBack` returns to the form, `onNext` to
 * an empty one for the next visitor.
 */
export function ConsentProgress({ consent: asked, onAgain, onBack, onNext }: { consent: Consent; onAgain: () => void; onBack: () => void; onNext: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const qr = asked.method === 'qr';
  // The QR consent is read again every 2 s while it waits (the customer agrees on their phone).
  const polled = useQuery({
    queryKey: consentKeys.detail(asked.id),
    queryFn: ({ signal }) => salesApi.getConsent(asked.id, signal),
    initialData: asked,
    refetchInterval: (query) => (qr && query.state.data?.status === 'waiting' ? 2000 : false),
  });
  const consent = polled.data;
  const secondsLeft = useSecondsLeft(consent.expires_at);
  const status = consent.status === 'waiting' && secondsLeft === 0 ? 'expired' : consent.status;
  const [code, setCode] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [refusal, setRefusal] = useState<{ text: string; over: boolean } | null>(null);
  const codeRef = useRef<InputRef>(null);

  // Confirmed: the lead is new or changed; the lists and the customer's pages read again.
  const confirmed = status === 'confirmed';
  useEffect(() => {
    if (!confirmed) return;
    void queryClient.invalidateQueries({ queryKey: leadKeys.all });
    void queryClient.invalidateQueries({ queryKey: customerKeys.detail(consent.customer_id), predicate: (query) => query.queryKey.length > 2 });
  }, [confirmed, queryClient, consent.customer_id]);

  useEffect(() => {
    if (!qr) codeRef.current?.focus();
  }, [qr]);

  const confirm = async () => {
    if (!/^\d{6}$/.test(code)) {
      setRefusal({ text: t('consent.codeRequired'), over: false });
      return;
    }
    setConfirming(true);
    setRefusal(null);
    try {
      const done = await salesApi.confirmConsent(consent.id, code);
      queryClient.setQueryData(consentKeys.detail(consent.id), done);
      void message.success(t('consent.confirmedTitle', { customer: done.customer_name }));
      if (done.lead_id) navigate(`/sales/leads/${done.lead_id}`);
    } catch (err) {
      const refused = consentConfirmRefusal(t, err);
      setRefusal(refused);
      setCode('');
      if (refused.over) void polled.refetch();
      else codeRef.current?.focus();
    } finally {
      setConfirming(false);
    }
  };

  const onCodeKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void confirm();
  };

  const who = (
    <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Text strong style={{ fontSize: 16 }} data-testid="consent-who">
          {t('consent.who', { customer: consent.customer_name, project: consent.project_name })}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          <MobileOutlined /> <span className="hearth-mono">{consent.phone}</span>
        </Typography.Text>
      </div>
      <Flex gap={8} align="center">
        {status === 'waiting' && (
          <Tag icon={<ClockCircleOutlined />} color="blue" data-testid="consent-countdown">
            {t('consent.expiresIn', { time: mmss(secondsLeft) })}
          </Tag>
        )}
        <Tag color={status === 'confirmed' ? 'green' : status === 'waiting' ? 'gold' : 'default'} data-testid="consent-status" data-status={status}>
          {consentStatusLabel(t, status)}
        </Tag>
      </Flex>
    </Flex>
  );

  if (confirmed) {
    return (
      <div data-testid="consent-progress">
        {who}
        <Flex vertical align="center" gap={12} style={{ padding: '16px 0', textAlign: 'center' }} data-testid="consent-confirmed">
          <CheckCircleFilled style={{ fontSize: 56, color: '#52c41a' }} />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('consent.confirmedTitle', { customer: consent.customer_name })}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('consent.confirmedDetail', { consultant: consent.consultant_name, project: consent.project_name })}
          </Typography.Text>
          <Flex gap={8} wrap justify="center">
            {consent.lead_id && (
              <Link to={`/sales/leads/${consent.lead_id}`} data-testid="consent-lead">
                <Button type="primary">{t('consent.openLead')}</Button>
              </Link>
            )}
            <Button onClick={onNext} data-testid="consent-next">
              {t('consent.next')}
            </Button>
          </Flex>
        </Flex>
      </div>
    );
  }

  const over = status !== 'waiting';
  return (
    <div data-testid="consent-progress">
      {who}
      {over && (
        <Alert
          type="warning"
          showIcon
          title={status === 'failed' ? t('consent.failed') : t('consent.expired')}
          action={
            <Button size="small" type="primary" onClick={onAgain} data-testid="consent-again">
              {t('consent.again')}
            </Button>
          }
          style={{ marginBottom: 16 }}
          data-testid="consent-over"
        />
      )}
      {qr ? (
        <Flex gap={24} align="center" wrap>
          <QRCode
            value={`${window.location.origin}/consent/${asked.token ?? ''}`}
            size={220}
            status={over ? 'expired' : 'active'}
            onRefresh={onAgain}
            data-testid="consent-qr"
          />
          <Flex vertical gap={8} style={{ flex: '1 1 220px', minWidth: 0 }}>
            <Typography.Text style={{ fontSize: 16 }}>{t('consent.waitingQr')}</Typography.Text>
            {!over && (
              <Flex gap={8} align="center">
                <Spin size="small" />
                <Typography.Text type="secondary">{t('consent.polling')}</Typography.Text>
              </Flex>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('consent.link')}
            </Typography.Text>
            <Typography.Text copyable className="hearth-mono" style={{ fontSize: 12, overflowWrap: 'anywhere' }} data-testid="consent-link">
              {`${window.location.origin}/consent/${asked.token ?? ''}`}
            </Typography.Text>
          </Flex>
        </Flex>
      ) : (
        <Flex vertical gap={12} style={{ maxWidth: 420 }}>
          <Typography.Text style={{ fontSize: 16 }}>{t('consent.waitingSms', { phone: consent.phone })}</Typography.Text>
          {refusal && <Alert type={refusal.over ? 'warning' : 'error'} showIcon title={refusal.text} data-testid="consent-refused" />}
          <Flex gap={8}>
            <Input
              ref={codeRef}
              size="large"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              disabled={over}
              value={code}
              onChange={(event) => setCode(event.target.value.replace(/\D/g, '').slice(0, 6))}
              onKeyDown={onCodeKey}
              placeholder={t('consent.codePlaceholder')}
              aria-label={t('consent.code')}
              style={{ letterSpacing: 6, fontSize: 20, flex: 1 }}
              data-testid="consent-code"
            />
            <Button type="primary" size="large" loading={confirming} disabled={over} onClick={() => void confirm()} data-testid="consent-confirm">
              {t('consent.confirm')}
            </Button>
          </Flex>
        </Flex>
      )}
      <Flex justify="flex-end" gap={8} style={{ marginTop: 24 }}>
        <Button onClick={onBack} data-testid="consent-back">
          {t('consent.cancel')}
        </Button>
      </Flex>
    </div>
  );
}
