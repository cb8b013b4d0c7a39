import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Skeleton, Typography } from 'antd';
import { DashboardOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { LightCard } from '../../../shared/ui/LightCard';
import { serviceApi } from '../api';
import { serviceKeys } from '../queries';
import { percentText } from '../reportFormat';
import { queuePath } from '../ticketQueue';
import { useTicketSummary, type TicketSummary } from '../useTicketSummary';
import type { TicketReportQuery } from '../types';

/**
 * A figure of the glance: a number from the server (— while unknown), a click away from its list.
 * Drawn as antd's Statistic (its title, its 24 px value), which the home page would load for it alone.
 */
function Figure({ title, value, suffix, color, to, testId }: { title: string; value: string | number; suffix?: ReactNode; color?: string; to: string; testId: string }) {
  const navigate = useNavigate();
  return (
    <LightCard size="small" bordered hoverable onClick={() => navigate(to)} style={{ height: '100%' }} testId={testId}>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
        {title}
      </Typography.Text>
      <div style={{ fontSize: 24, lineHeight: 1.5, color: color ?? 'rgba(0, 0, 0, 0.88)' }}>
        {value}
        {suffix && <span style={{ marginInlineStart: 4 }}>{suffix}</span>}
      </div>
    </LightCard>
  );
}

/** Six figures across a wide screen, fewer (two on a phone) where there is less room. */
const kFigureGrid = { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: 12 } as const;

/**
 * SLA and complaints at a glance for a supervisor (a `homeSections` entry, for managers): open
 * tickets past their deadline and about to be, open complaints, and this month's SLA compliance,
 * call-back rate and satisfaction from the ticket report. Every figure is the server's.
 */
export function SupervisorGlance() {
  const t = useT();
  const breached = useTicketSummary({ open: true, sla_state: 'breached' });
  const atRisk = useTicketSummary({ open: true, sla_state: 'at_risk' });
  const complaints = useTicketSummary({ open: true, kind: 'complaint' });
  const month = dayjs().format('YYYY-MM');
  const reportQuery: TicketReportQuery = { month };
  const report = useQuery({ queryKey: serviceKeys.report(reportQuery), queryFn: ({ signal }) => serviceApi.ticketReport(reportQuery, signal) });

  const count = (summary: TicketSummary) => (summary.tickets ? summary.count : '—');
  const more = (summary: TicketSummary) => (
    <span style={{ fontSize: 14 }}>
      {summary.more ? '+ ' : ''}
      {t('report.ticketSuffix')}
    </span>
  );
  const data = report.data;

  return (
    <LightCard
      testId="supervisor-glance"
      title={
        <span>
          <DashboardOutlined style={{ color: '#1f4fd1', marginInlineEnd: 8 }} />
          {t('home.glanceTitle')}
        </span>
      }
      extra={<Link to="/reports/tickets">{t('nav.ticketReport')}</Link>}
    >
      <ErrorAlert error={breached.error ?? atRisk.error ?? complaints.error} />
      <div style={kFigureGrid}>
        <Figure title={t('home.openBreached')} value={count(breached)} suffix={more(breached)} color="#cf1322" to={queuePath({ filters: { sla_state: 'breached' } })} testId="glance-breached" />
        <Figure title={t('home.openAtRisk')} value={count(atRisk)} suffix={more(atRisk)} color="#d48806" to={queuePath({ filters: { sla_state: 'at_risk' } })} testId="glance-at-risk" />
        <Figure title={t('home.openComplaints')} value={count(complaints)} suffix={more(complaints)} to={queuePath({ filters: { kind: 'complaint' } })} testId="glance-complaints" />
        {report.isLoading ? (
          <div style={{ gridColumn: '1 / -1' }}>
            <Skeleton active paragraph={{ rows: 1 }} />
          </div>
        ) : (
          <>
            <Figure title={t('home.monthSla', { month })} value={data ? percentText(data.sla.compliance_rate) || '—' : '—'} to="/reports/tickets" testId="glance-sla-rate" />
            <Figure title={t('home.monthCallbackRate')} value={data ? percentText(data.callback.rate) || '—' : '—'} to="/reports/tickets" testId="glance-callback-rate" />
            <Figure
              title={t('home.monthSatisfaction')}
              value={data?.callback.avg_satisfaction != null ? data.callback.avg_satisfaction.toFixed(2) : '—'}
              suffix={data?.callback.avg_satisfaction != null ? t('report.satisfactionSuffix') : undefined}
              to="/reports/tickets"
              testId="glance-satisfaction"
            />
          </>
        )}
      </div>
      {report.error ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
          {t('home.reportUnavailable')}
        </Typography.Text>
      ) : null}
    </LightCard>
  );
}
