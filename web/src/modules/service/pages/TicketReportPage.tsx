import { useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Button, Card, Col, DatePicker, Empty, Flex, Progress, Radio, Row, Segmented, Select, Spin, Statistic, Tag, Typography } from 'antd';
import { CalendarOutlined, DownloadOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { saveBlob } from '../../../shared/api/transfer';
import { serviceApi } from '../api';
import { serviceKeys } from '../queries';
import { departmentLabel, gradeLabel, kindLabel, ticketStatusLabel } from '../labels';
import type { TicketReportQuery } from '../types';
import { useProjectNames } from '../../inventory/queries';
import { countRows, ticketReportCsv } from '../reportCsv';
import { hoursText, percentText } from '../reportFormat';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';

type Mode = 'month' | 'half' | 'custom';

/** Count rows as bars, each against the period's total. */
function BarList({ title, rows, total, testId }: { title: string; rows: { key: string; label: string; count: number }[]; total: number; testId: string }) {
  const t = useT();
  return (
    <Card variant="borderless" size="small" title={title} style={{ height: '100%' }} data-testid={testId}>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.noData')} />
      ) : (
        <Flex vertical gap={6}>
          {rows.map((row) => (
            <Flex key={row.key} align="center" gap={12} data-testid={`${testId}-${row.key}`}>
              <Typography.Text ellipsis={{ tooltip: row.label }} style={{ width: 120, flex: 'none' }}>
                {row.label}
              </Typography.Text>
              <Progress percent={total ? (row.count / total) * 100 : 0} showInfo={false} status="normal" strokeColor="#1f4fd1" size="small" style={{ flex: 1, margin: 0 }} />
              <Typography.Text strong style={{ width: 56, textAlign: 'right', flex: 'none' }} data-testid="bar-count">
                {row.count}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}

/** 客户服务 › 工单报表: 月报, 半月报 or a custom range, with the 报送截止 date of the period. */
export default function TicketReportPage() {
  const t = useT();
  const projects = useProjectNames();
  const [mode, setMode] = useState<Mode>('month');
  const [month, setMonth] = useState<Dayjs>(() => dayjs().startOf('month'));
  const [half, setHalf] = useState<1 | 2>(() => (dayjs().date() <= 15 ? 1 : 2));
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('month'), dayjs()]);
  const [projectId, setProjectId] = useState<number | undefined>();

  const query = useMemo<TicketReportQuery>(() => {
    const project = projectId === undefined ? {} : { project_id: projectId };
    if (mode === 'custom') return { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), ...project };
    return { month: month.format('YYYY-MM'), ...(mode === 'half' ? { half } : {}), ...project };
  }, [mode, month, half, range, projectId]);

  // The report shown stays until the next period's comes.
  const answer = useQuery({
    queryKey: serviceKeys.report(query),
    queryFn: ({ signal }) => serviceApi.ticketReport(query, signal),
    placeholderData: keepPreviousData,
  });
  const report = answer.data ?? null;
  const loading = answer.isFetching;
  const error = answer.error;

  const exportCsv = () => {
    if (!report) return;
    const period = mode === 'custom' ? `${report.from}_${report.to}` : mode === 'half' ? `${month.format('YYYY-MM')}-${half === 1 ? 'H1' : 'H2'}` : month.format('YYYY-MM');
    saveBlob(ticketReportCsv(t, report), `${t('report.fileName', { period })}.csv`);
  };

  const total = report?.total ?? 0;
  const stat = (title: string, value: string | number, testId: string, suffix?: string) => (
    <Col flex="1 1 130px">
      <Card variant="borderless" size="small" style={{ height: '100%' }}>
        <div data-testid={testId}>
          <Statistic title={title} value={value === '' ? '—' : value} suffix={value === '' ? undefined : suffix} />
        </div>
      </Card>
    </Col>
  );

  return (
    <>
      <PageHeader
        title={t('report.title')}
        description={t('report.description')}
        extra={
          <Button icon={<DownloadOutlined />} onClick={exportCsv} disabled={!report} data-testid="report-export">
            {t('report.exportCsv')}
          </Button>
        }
      />
      <Card variant="borderless" size="small" style={{ marginBottom: 16 }}>
        <Flex align="center" gap={12} wrap>
          <Segmented<Mode>
            value={mode}
            onChange={setMode}
            options={[
              { value: 'month', label: t('report.modeMonth') },
              { value: 'half', label: t('report.modeHalf') },
              { value: 'custom', label: t('report.modeCustom') },
            ]}
            data-testid="report-mode"
          />
          {mode !== 'custom' && (
            <DatePicker picker="month" value={month} allowClear={false} onChange={(value) => value && setMonth(value.startOf('month'))} aria-label={t('report.month')} data-testid="report-month" />
          )}
          {mode === 'half' && (
            <Radio.Group
              value={half}
              onChange={(e) => setHalf(e.target.value as 1 | 2)}
              optionType="button"
              options={[
                { value: 1, label: t('report.firstHalf') },
                { value: 2, label: t('report.secondHalf') },
              ]}
              data-testid="report-half"
            />
          )}
          {mode === 'custom' && (
            <DatePicker.RangePicker value={range} allowClear={false} onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])} data-testid="report-range" />
          )}
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('report.allProjects')}
            value={projectId}
            onChange={(value?: number) => setProjectId(value)}
            options={[...projects].map(([value, label]) => ({ value, label }))}
            style={{ width: 220 }}
            aria-label={t('report.project')}
            data-testid="report-project"
          />
          {report && (
            <Flex gap={8} align="center" style={{ marginInlineStart: 'auto' }}>
              <Typography.Text type="secondary" data-testid="report-period">
                {t('report.period', { from: report.from, to: report.to })}
              </Typography.Text>
              {report.due_by && (
                <Tag icon={<CalendarOutlined />} color="orange" data-testid="report-due">
                  {t('report.dueByValue', { date: report.due_by })}
                </Tag>
              )}
            </Flex>
          )}
        </Flex>
      </Card>
      <ErrorAlert error={error} />
      <Spin spinning={loading}>
        {report && (
          <Flex vertical gap={16}>
            <Row gutter={[16, 16]} wrap>
              {stat(t('report.total'), report.total, 'report-total', t('report.ticketSuffix'))}
              {stat(t('report.slaRate'), percentText(report.sla.compliance_rate), 'report-sla')}
              {stat(t('report.avgResponseHours'), hoursText(report.avg_response_hours), 'report-response', t('report.hoursSuffix'))}
              {stat(t('report.avgResolveHours'), hoursText(report.avg_resolve_hours), 'report-resolve', t('report.hoursSuffix'))}
              {stat(t('report.callbackRate'), percentText(report.callback.rate), 'report-callback')}
              {stat(t('report.avgSatisfaction'), report.callback.avg_satisfaction === null ? '' : report.callback.avg_satisfaction.toFixed(2), 'report-satisfaction', t('report.satisfactionSuffix'))}
              {stat(t('report.satisfiedRate'), percentText(report.callback.satisfied_rate), 'report-satisfied')}
            </Row>
            <Typography.Text type="secondary">
              {t('report.slaDetail', { onTime: report.sla.on_time, breached: report.sla.breached })}　
              {t('report.callbackDetail', { resolved: report.callback.resolved, calledBack: report.callback.called_back })}
            </Typography.Text>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={12} xl={8}>
                <BarList title={t('report.byKind')} rows={countRows(report.by_kind, (v) => kindLabel(t, v))} total={total} testId="report-kind" />
              </Col>
              <Col xs={24} lg={12} xl={8}>
                <BarList title={t('report.byStatus')} rows={countRows(report.by_status, (v) => ticketStatusLabel(t, v))} total={total} testId="report-status" />
              </Col>
              <Col xs={24} lg={12} xl={8}>
                <BarList title={t('report.byGrade')} rows={countRows(report.by_grade, (v) => gradeLabel(t, v))} total={total} testId="report-grade" />
              </Col>
              <Col xs={24} lg={12} xl={8}>
                <BarList title={t('report.byDepartment')} rows={countRows(report.by_department, (v) => departmentLabel(t, v))} total={total} testId="report-department" />
              </Col>
              <Col xs={24} lg={12} xl={8}>
                <BarList
                  title={t('report.byCategory')}
                  rows={report.by_category.map((c) => ({ key: String(c.category_id ?? 'none'), label: c.name || t('report.uncategorised'), count: c.count })).sort((a, b) => b.count - a.count)}
                  total={total}
                  testId="report-category"
                />
              </Col>
              <Col xs={24} lg={12} xl={8}>
                <BarList
                  title={t('report.byProject')}
                  rows={report.by_project.map((p) => ({ key: String(p.project_id ?? 'none'), label: p.name || t('report.noProject'), count: p.count })).sort((a, b) => b.count - a.count)}
                  total={total}
                  testId="report-project-bars"
                />
              </Col>
            </Row>
          </Flex>
        )}
      </Spin>
    </>
  );
}
