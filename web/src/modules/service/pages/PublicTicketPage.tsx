import { useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Flex, Form, Input, Rate, Result, Skeleton, Steps, Tag, Timeline, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { LanguageSwitch } from '../../../app/i18n/LanguageSwitch';
import { ApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { HearthLogo } from '../../../shared/ui/HearthLogo';
import { publicTicketApi } from '../api';
import { serviceKeys } from '../queries';
import { kindLabel, kTicketStatusColors, ticketStatusLabel } from '../labels';
import type { PublicTicket, TicketStatus } from '../types';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { required } from '../../../shared/ui/formRules';

const kSteps = ['received', 'assigned', 'working', 'resolved', 'closed'] as const;

/** Where a status sits on the customer's five steps. */
function stepOf(status: TicketStatus): number {
  switch (status) {
    case 'new':
      return 0;
    case 'assigned':
      return 1;
    case 'in_progress':
    case 'on_hold':
    case 'reopened':
      return 2;
    case 'resolved':
      return 3;
    case 'closed':
      return 4;
    default:
      return 0;
  }
}

/** The page's frame: the Hearth mark on top, a narrow column that reads well on a phone. */
function PublicFrame({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <div style={{ minHeight: '100vh', background: '#f3f5f9' }}>
      <Flex align="center" gap={10} style={{ background: '#fff', padding: '12px 16px', borderBottom: '1px solid #e8ebf0' }}>
        <HearthLogo size={32} />
        <Typography.Text strong style={{ fontSize: 16 }}>
          {t('publicTicket.brand')}
        </Typography.Text>
        <span style={{ marginLeft: 'auto' }}>
          <LanguageSwitch />
        </span>
      </Flex>
      <div style={{ maxWidth: 640, margin: '0 auto', padding: '16px 12px 32px' }}>
        {children}
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', fontSize: 12, marginTop: 24 }}>
          {t('publicTicket.footer')}
        </Typography.Paragraph>
      </div>
    </div>
  );
}

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Flex justify="space-between" gap={12} style={{ padding: '6px 0', borderBottom: '1px solid #f0f2f5' }}>
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
        {label}
      </Typography.Text>
      <span style={{ textAlign: 'right' }}>{children}</span>
    </Flex>
  );
}

/** 确认维修并评价: a rating of 1–5 and an optional comment. */
function ConfirmForm({ token, onDone }: { token: string; onDone: (ticket: PublicTicket, satisfaction: number) => void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (values: { satisfaction: number; comment?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const comment = values.comment?.trim();
      const ticket = await publicTicketApi.confirm(token, { satisfaction: values.satisfaction, ...(comment ? { comment } : {}) });
      onDone(ticket, values.satisfaction);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('publicTicket.confirmTitle')} variant="borderless" data-testid="public-confirm">
      <Typography.Paragraph type="secondary">{t('publicTicket.confirmIntro')}</Typography.Paragraph>
      <ErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="satisfaction" label={t('publicTicket.rating')} rules={required(t('publicTicket.ratingRequired'))}>
          <Rate style={{ fontSize: 32 }} data-testid="public-rate" />
        </Form.Item>
        <Form.Item name="comment" label={t('publicTicket.comment')}>
          <Input.TextArea rows={3} maxLength={1000} placeholder={t('publicTicket.commentPlaceholder')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="public-submit">
          {t('publicTicket.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** /t/:token — the customer's own page of a ticket, reached by the link staff sent; no login. */
export default function PublicTicketPage() {
  const { token = '' } = useParams();
  const t = useT();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: serviceKeys.publicTicket(token), queryFn: ({ signal }) => publicTicketApi.get(token, signal) });
  const [rated, setRated] = useState<number | null>(null);
  const ticket = query.data;
  // An unknown or replaced link answers 404 (or 400 for one that is not a token at all).
  const invalid = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);

  if (!ticket && invalid) {
    return (
      <PublicFrame>
        <Card variant="borderless">
          <Result status="warning" title={t('publicTicket.invalidTitle')} subTitle={t('publicTicket.invalidSubtitle')} data-testid="public-invalid" />
        </Card>
      </PublicFrame>
    );
  }
  if (!ticket && query.error) {
    return (
      <PublicFrame>
        <Card variant="borderless">
          <Result status="warning" title={errorMessage(t, query.error)} extra={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>} />
        </Card>
      </PublicFrame>
    );
  }
  if (!ticket) {
    return (
      <PublicFrame>
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      </PublicFrame>
    );
  }

  const cancelled = ticket.status === 'cancelled';
  return (
    <PublicFrame>
      <Flex vertical gap={12}>
        <Card variant="borderless" data-testid="public-ticket">
          <Typography.Text type="secondary">
            {t('publicTicket.ticketNo', { id: ticket.id })} · {kindLabel(t, ticket.kind)}
          </Typography.Text>
          <Flex align="center" gap={8} wrap style={{ margin: '4px 0 16px' }}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="public-title">
              {ticket.title}
            </Typography.Title>
            <Tag color={kTicketStatusColors[ticket.status] ?? 'default'} data-testid="public-status" data-status={ticket.status}>
              {ticketStatusLabel(t, ticket.status)}
            </Tag>
          </Flex>
          {cancelled ? (
            <Alert type="info" showIcon title={t('publicTicket.cancelled')} />
          ) : (
            <Steps
              orientation="vertical"
              size="small"
              current={stepOf(ticket.status)}
              status={ticket.status === 'closed' ? 'finish' : 'process'}
              items={kSteps.map((step) => ({ title: t(`publicTicket.step.${step}`) }))}
              data-testid="public-steps"
            />
          )}
          <div style={{ marginTop: 12 }}>
            <Line label={t('publicTicket.submittedAt')}>{formatDateTime(ticket.created_at)}</Line>
            {!ticket.resolved_at && !cancelled && <Line label={t('publicTicket.resolveDue')}>{formatDateTime(ticket.resolve_due_at)}</Line>}
            {ticket.resolved_at && <Line label={t('publicTicket.resolvedAt')}>{formatDateTime(ticket.resolved_at)}</Line>}
            {ticket.satisfaction !== null && (
              <Line label={t('publicTicket.yourRating')}>
                <Rate disabled value={ticket.satisfaction} style={{ fontSize: 16 }} />
              </Line>
            )}
          </div>
          {ticket.resolution && (
            <div style={{ marginTop: 12 }}>
              <Typography.Text type="secondary">{t('publicTicket.resolution')}</Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }} data-testid="public-resolution">
                {ticket.resolution}
              </Typography.Paragraph>
            </div>
          )}
        </Card>

        {rated !== null &&
          (rated >= 3 ? (
            <Alert type="success" showIcon title={t('publicTicket.thanks')} description={t('publicTicket.thanksDetail')} data-testid="public-thanks" />
          ) : (
            <Alert type="info" showIcon title={t('publicTicket.reopened')} description={t('publicTicket.reopenedDetail')} data-testid="public-reopened" />
          ))}

        {ticket.can_confirm && (
          <ConfirmForm
            token={token}
            onDone={(next, satisfaction) => {
              queryClient.setQueryData<PublicTicket>(serviceKeys.publicTicket(token), next);
              setRated(satisfaction);
            }}
          />
        )}

        {ticket.progress.length > 0 && (
          <Card title={t('publicTicket.progressTitle')} variant="borderless" size="small">
            <Timeline
              data-testid="public-progress"
              items={[...ticket.progress].reverse().map((entry, index) => ({
                key: index,
                color: index === 0 ? 'blue' : 'gray',
                content: (
                  <>
                    <Typography.Text strong={index === 0}>{ticketStatusLabel(t, entry.status)}</Typography.Text>
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {formatDateTime(entry.at)}
                    </Typography.Text>
                  </>
                ),
              }))}
            />
          </Card>
        )}
      </Flex>
    </PublicFrame>
  );
}
