import { useCallback } from 'react';
import { Link } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Breadcrumb, Card, Col, Flex, Grid, Row, Tag, Typography } from 'antd';
import { RiseOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import type { Translate } from '../../../app/i18n/i18nContext';
import { BackLink, RecordFallback, recordPage, type BackTo } from '../../../shared/ui/RecordPage';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { Fact, FactGrid } from '../../../shared/ui/Fact';
import { serviceApi } from '../api';
import { ticketChanged, ticketKeys } from '../queries';
import { channelLabel, departmentLabel, kindLabel, responsibilityLabel, slaStateLabel } from '../labels';
import type { Ticket } from '../types';
import { GradeTag, SlaCountdown, TicketCustomer, TicketStatusTag, TicketUnit } from '../components/TicketCells';
import { TicketActions } from '../components/TicketActions';
import { TicketHistory } from '../components/TicketHistory';
import { ShareLinkButton } from '../components/ShareLinkButton';
import { TicketWarrantyFacts } from '../components/TicketWarranty';
import { WorkOrdersCard } from '../components/WorkOrdersCard';
import { TicketAttachmentsCard } from '../components/TicketAttachmentsCard';
import { FileCaseButton } from '../components/FileCaseButton';
import { serviceAccess } from '../access';
import { useCategories } from '../useCategories';
import { useNow } from '../useNow';
import { useUsers } from '../../platform/useUsers';

const backToQueue = (t: Translate): BackTo => ({ path: '/tickets', label: t('ticket.backToQueue') });

/** A ticket: its facts and deadlines, what can be done next, and its history. */
function TicketView({ id }: { id: number }) {
  const t = useT();
  const now = useNow(15_000);
  const categories = useCategories();
  const users = useUsers();
  const { me } = useAuth();
  const access = serviceAccess(me);
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ticketKeys.detail(id), queryFn: ({ signal }) => serviceApi.get(id, signal) });
  const ticket = query.data;
  const narrow = !Grid.useBreakpoint().md;
  const { refetch } = query;

  const historyChanged = useCallback(() => void queryClient.invalidateQueries({ queryKey: ticketKeys.events(id) }), [queryClient, id]);
  const changed = useCallback(
    (next: Ticket) => {
      ticketChanged(queryClient, next);
      historyChanged();
    },
    [queryClient, historyChanged],
  );
  const stale = useCallback(() => {
    void refetch();
    historyChanged();
  }, [refetch, historyChanged]);

  if (!ticket) {
    return (
      <RecordFallback
        error={query.error}
        onRetry={() => void refetch()}
        notFound={{ title: t('ticket.notFoundTitle'), subtitle: t('ticket.notFoundSubtitle') }}
        back={backToQueue(t)}
      />
    );
  }

  const due = (at: string, done: string | null) => (
    <>
      {formatDateTime(at)}
      {done && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('ticket.doneAt', { at: formatDateTime(done) })}
        </Typography.Text>
      )}
    </>
  );

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={16} wrap>
        <BackLink back={backToQueue(t)} testId="back-to-queue" />
        {!narrow && (
          <Breadcrumb
            items={[
              { key: 'tickets', title: <Link to="/tickets">{t('nav.tickets')}</Link> },
              { key: 'ticket', title: t('ticket.numberValue', { id: ticket.id }) },
            ]}
          />
        )}
      </Flex>

      <Card variant="borderless" data-testid="ticket-header">
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="ticket-title">
            {ticket.title}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="ticket-number">
            {t('ticket.numberValue', { id: ticket.id })}
          </Typography.Text>
          <TicketStatusTag status={ticket.status} testId="ticket-status" />
          <GradeTag grade={ticket.grade} testId="ticket-grade" />
          {ticket.escalation_level > 0 && (
            <Tag color="red" icon={<RiseOutlined />} style={{ marginInlineEnd: 0 }} data-testid="ticket-escalated" data-level={ticket.escalation_level}>
              {t('ticket.escalated', { level: ticket.escalation_level })}
            </Tag>
          )}
          <Flex align="center" gap={12} wrap style={{ marginLeft: narrow ? undefined : 'auto' }}>
            <SlaCountdown ticket={ticket} now={now} testId="ticket-sla" />
            {ticket.status === 'closed' && access.write && <FileCaseButton ticket={ticket} />}
            <ShareLinkButton ticketId={ticket.id} onShared={historyChanged} />
          </Flex>
        </Flex>
        {ticket.description && (
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0, whiteSpace: 'pre-wrap' }} data-testid="ticket-description">
            {ticket.description}
          </Typography.Paragraph>
        )}
        <FactGrid columns="repeat(auto-fit, minmax(150px, 1fr))">
          <Fact label={t('ticket.customer')} testId="fact-customer">
            <TicketCustomer ticket={ticket} withPhone testId="ticket-customer" />
          </Fact>
          <Fact label={t('ticket.unit')} testId="fact-unit">
            <TicketUnit ticket={ticket} testId="ticket-unit" />
          </Fact>
          <Fact label={t('ticket.project')} testId="fact-project">
            {ticket.project_id !== null ? <Link to={`/projects/${ticket.project_id}`}>{ticket.project_name || t('ticket.project')}</Link> : '—'}
          </Fact>
          <Fact label={t('ticket.kind')} testId="fact-kind">
            {kindLabel(t, ticket.kind)}
          </Fact>
          <Fact label={t('ticket.channel')} testId="fact-channel">
            {channelLabel(t, ticket.channel)}
          </Fact>
          <Fact label={t('ticket.department')} testId="fact-department">
            {departmentLabel(t, ticket.department)}
          </Fact>
          <Fact label={t('ticket.assignee')}>
            {ticket.assignee_id !== null ? (
              <span data-testid="fact-assignee" data-assignee={ticket.assignee_id}>
                {ticket.assignee_name || users.name(ticket.assignee_id, t('user.someone'))}
              </span>
            ) : (
              <Typography.Text type="secondary">{t('ticket.unassigned')}</Typography.Text>
            )}
          </Fact>
          <Fact label={t('ticket.category')} testId="fact-category">
            {ticket.category_id !== null ? categories.path(ticket.category_id) || '—' : '—'}
          </Fact>
          <Fact label={t('ticket.responseDue')} testId="fact-response-due">
            {due(ticket.response_due_at, ticket.responded_at)}
          </Fact>
          <Fact label={t('ticket.resolveDue')} testId="fact-resolve-due">
            {due(ticket.resolve_due_at, ticket.resolved_at)}
          </Fact>
          <Fact label={t('ticket.slaState')} testId="fact-sla-state">
            <span data-sla={ticket.sla_state}>
              {ticket.sla_state === 'breached' ? <Typography.Text type="danger">{slaStateLabel(t, ticket.sla_state)}</Typography.Text> : slaStateLabel(t, ticket.sla_state)}
            </span>
          </Fact>
          <Fact label={t('common.createdAt')}>{formatDateTime(ticket.created_at)}</Fact>
        </FactGrid>
        {(ticket.resolution || ticket.responsibility || ticket.satisfaction !== null) && (
          <FactGrid columns="2fr 1fr 1fr" narrowColumns="minmax(0, 1fr)">
            <Fact label={t('ticket.resolution')} testId="fact-resolution">
              <span style={{ whiteSpace: 'pre-wrap' }}>{ticket.resolution || '—'}</span>
            </Fact>
            <Fact label={t('ticket.responsibility')} testId="fact-responsibility">
              {responsibilityLabel(t, ticket.responsibility) || '—'}
            </Fact>
            <Fact label={t('ticket.satisfaction')} testId="fact-satisfaction">
              {ticket.satisfaction !== null ? `${ticket.satisfaction}/5` : '—'}
            </Fact>
          </FactGrid>
        )}
        {ticket.warranty && <TicketWarrantyFacts warranty={ticket.warranty} />}
      </Card>

      <TicketAttachmentsCard
        ticketId={ticket.id}
        canWrite={access.write}
        userId={me?.id ?? null}
        isAdmin={me?.roles.includes('admin') ?? false}
        onChanged={historyChanged}
      />

      {ticket.kind === 'repair' && <WorkOrdersCard ticket={ticket} users={users} writable={access.write} onChanged={historyChanged} />}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card variant="borderless" title={t('ticket.actionsTitle')} style={{ height: '100%' }}>
            <TicketActions ticket={ticket} users={users} onChanged={changed} onStale={stale} />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card
            variant="borderless"
            title={t('ticket.historyTitle')}
            extra={
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('ticket.versionAt', { version: ticket.version, at: formatDateTime(ticket.updated_at) })}
              </Typography.Text>
            }
          >
            <TicketHistory ticketId={ticket.id} users={users} />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

/** /tickets/:id */
export default recordPage(TicketView, 'ticket.notFoundTitle', backToQueue);
