import { type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Grid, Spin, Tag, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { StackedTable } from '../../../shared/ui/StackedTable';
import { useParamsPatch } from '../../../shared/hooks/useParamsPatch';
import { ProjectSelect } from '../components/ProjectSelect';
import { batchStatusLabel, formatMinute, inspectionKindLabel, kBatchStatusColors, openDayDecorationLabel } from '../labels';
import { kTitleSteps, reportsApi, type DeliveryProjectReport } from '../reportsApi';
import { titleStageLabel } from '../certificateLabels';

type Report = DeliveryProjectReport;
type Row<K extends 'batches' | 'inspections' | 'open_days'> = Report[K][number];
type CategoryRow = Report['findings']['by_category'][number];
type BlockingRow = Report['findings']['open_blocking'][number];
/** "渗漏 › 卫生间渗漏" from the server's path "渗漏/卫生间渗漏". */
const categoryText = (path: string) => path.split('/').join(' › ');

/** One figure of a row of counts. */
function Figure({ label, value, danger, testId }: { label: ReactNode; value: number; danger?: boolean; testId: string }) {
  return (
    <div data-testid={testId} data-count={value}>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {label}
      </Typography.Text>
      <Typography.Text strong type={danger && value > 0 ? 'danger' : undefined} style={{ fontSize: 18 }}>
        {value}
      </Typography.Text>
    </div>
  );
}

function Section({ title, children, testId }: { title: ReactNode; children: ReactNode; testId: string }) {
  return (
    <section style={{ marginBottom: 20, breakInside: 'avoid-page' }} data-testid={testId}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

/**
 * /delivery/report?project_id= — 交付风险排查专项报告, to print: the project's batches (released, with
 * risks and why), its inspections with their findings, the findings by category with the open blocking
 * ones listed, the site open days, the handovers and the property certificates by step. 打印 prints the
 * report alone (the menu, the header and the chooser stay off the paper).
 */
export default function ProjectReportPage() {
  const t = useT();
  const [params, show] = useParamsPatch();
  const projectParam = Number(params.get('project_id'));
  const projectId = Number.isInteger(projectParam) && projectParam > 0 ? projectParam : undefined;
  const report = useQuery({
    queryKey: ['delivery-reports', projectId],
    queryFn: ({ signal }) => reportsApi.projectReport(projectId!, signal),
    enabled: projectId !== undefined,
  });

  return (
    <>
      <div className="hearth-no-print">
        <PageHeader
          title={t('deliveryReport.title')}
          description={t('deliveryReport.description')}
          onRefresh={projectId ? () => void report.refetch() : undefined}
          extra={
            <>
              <Link to={projectId ? `/delivery/batches?project_id=${projectId}` : '/delivery/batches'}>
                <Button icon={<ArrowLeftOutlined />}>{t('deliveryReport.back')}</Button>
              </Link>
              <Button type="primary" icon={<PrinterOutlined />} disabled={!report.data} onClick={() => window.print()} data-testid="report-print">
                {t('deliveryReport.print')}
              </Button>
            </>
          }
        />
        <Card variant="borderless" style={{ marginBottom: 16 }}>
          <ProjectSelect
            aria-label={t('titleCert.project')}
            placeholder={t('deliveryReport.chooseProject')}
            style={{ width: 260, maxWidth: '100%' }}
            value={projectId}
            onChange={(value) => show({ project_id: value })}
            data-testid="report-project"
          />
        </Card>
      </div>
      {projectId === undefined ? (
        <Card variant="borderless">
          <Empty description={t('deliveryReport.chooseProject')} />
        </Card>
      ) : report.error ? (
        <Alert type="error" showIcon title={errorMessage(t, report.error)} data-testid="report-error" />
      ) : !report.data ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : (
        <ReportSheet report={report.data} />
      )}
    </>
  );
}

/** The report itself, what goes on paper. */
function ReportSheet({ report }: { report: Report }) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const none = <Typography.Text type="secondary">{t('deliveryReport.none')}</Typography.Text>;
  const grid = (columns: number) => ({ display: 'grid', gridTemplateColumns: `repeat(${narrow ? Math.min(columns, 3) : columns}, 1fr)`, gap: 12, marginBottom: 12 });

  const batchColumns: TableColumnsType<Row<'batches'>> = [
    {
      title: t('deliveryReport.batchName'),
      key: 'name',
      render: (_, batch) => (
        <>
          <Link to={`/delivery/batches/${batch.id}`}>{batch.name}</Link>
          {batch.override_reason && (
            <Typography.Text type="danger" style={{ display: 'block', fontSize: 12, overflowWrap: 'anywhere' }}>
              {t('deliveryReport.override', { reason: batch.override_reason })}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: t('deliveryReport.plannedOn'), dataIndex: 'planned_on', key: 'planned', width: 104 },
    { title: t('deliveryReport.status'), key: 'status', width: 90, render: (_, batch) => <Tag color={kBatchStatusColors[batch.status]}>{batchStatusLabel(t, batch.status)}</Tag> },
    { title: t('deliveryReport.releasedAt'), key: 'released', width: 140, render: (_, batch) => formatMinute(batch.released_at) },
    { title: t('deliveryReport.units'), dataIndex: 'units', key: 'units', width: 70, align: 'right' },
    { title: t('deliveryReport.delivered'), dataIndex: 'delivered', key: 'delivered', width: 80, align: 'right' },
  ];
  const inspectionColumns: TableColumnsType<Row<'inspections'>> = [
    { title: t('deliveryReport.on'), dataIndex: 'on', key: 'on', width: 104 },
    { title: t('deliveryReport.kind'), key: 'kind', width: 120, render: (_, row) => inspectionKindLabel(t, row.kind) },
    { title: t('deliveryReport.batch'), dataIndex: 'batch_name', key: 'batch', width: 140 },
    { title: t('deliveryReport.findingsCount'), dataIndex: 'findings', key: 'findings', width: 64, align: 'right' },
    {
      title: t('deliveryReport.blocking'),
      key: 'blocking',
      width: 64,
      align: 'right',
      render: (_, row) => <Typography.Text type={row.blocking ? 'danger' : undefined}>{row.blocking}</Typography.Text>,
    },
    { title: t('deliveryReport.open'), dataIndex: 'open', key: 'open', width: 70, align: 'right' },
    { title: t('deliveryReport.note'), dataIndex: 'note', key: 'note', render: (note: string) => <span style={{ overflowWrap: 'anywhere' }}>{note}</span> },
  ];
  const categoryColumns: TableColumnsType<CategoryRow> = [
    { title: t('deliveryReport.category'), key: 'category', render: (_, row) => categoryText(row.category) || t('deliveryReport.noCategory') },
    { title: t('deliveryReport.total'), dataIndex: 'total', key: 'total', width: 84, align: 'right' },
    { title: t('deliveryReport.open'), dataIndex: 'open', key: 'open', width: 70, align: 'right' },
    { title: t('deliveryReport.blocking'), dataIndex: 'blocking', key: 'blocking', width: 64, align: 'right' },
    { title: t('deliveryReport.major'), dataIndex: 'major', key: 'major', width: 64, align: 'right' },
    { title: t('deliveryReport.minor'), dataIndex: 'minor', key: 'minor', width: 64, align: 'right' },
  ];
  const blockingColumns: TableColumnsType<BlockingRow> = [
    { title: t('deliveryReport.unit'), key: 'unit', width: 100, render: (_, row) => <Link to={`/units/${row.unit_id}`}>{row.unit_code}</Link> },
    { title: t('deliveryReport.location'), dataIndex: 'location', key: 'location', width: 110 },
    { title: t('deliveryReport.category'), key: 'category', width: 110, render: (_, row) => categoryText(row.category) || t('deliveryReport.noCategory') },
    { title: t('deliveryReport.description2'), dataIndex: 'description', key: 'description', render: (text: string) => <span style={{ overflowWrap: 'anywhere' }}>{text}</span> },
    { title: t('deliveryReport.batch'), dataIndex: 'batch_name', key: 'batch', width: 120 },
    { title: t('deliveryReport.foundOn'), dataIndex: 'found_on', key: 'found', width: 104 },
  ];
  const openDayColumns: TableColumnsType<Row<'open_days'>> = [
    { title: t('deliveryReport.on'), dataIndex: 'on', key: 'on', width: 104 },
    { title: t('deliveryReport.decoration'), key: 'decoration', width: 90, render: (_, day) => openDayDecorationLabel(t, day.decoration) },
    {
      title: t('deliveryReport.status'),
      key: 'status',
      render: (_, day) =>
        day.status === 'vetoed' ? (
          <Typography.Text type="danger" style={{ overflowWrap: 'anywhere' }}>
            {t('deliveryReport.vetoed', { reason: day.veto_reason ?? '' })}
          </Typography.Text>
        ) : day.held ? (
          t('deliveryReport.held')
        ) : (
          t('deliveryReport.scheduled')
        ),
    },
    { title: t('deliveryReport.signedUp'), dataIndex: 'signed_up', key: 'signed', width: 70, align: 'right' },
    { title: t('deliveryReport.checkedIn'), dataIndex: 'checked_in', key: 'checked', width: 70, align: 'right' },
    { title: t('deliveryReport.prep'), key: 'prep', width: 110, render: (_, day) => day.prep_held_on ?? t('deliveryReport.noPrep') },
  ];
  // On a phone each table's rows stack as cards: nothing scrolls sideways.
  const table = <T extends object>(rows: T[], columns: TableColumnsType<T>, rowKey: (row: T) => string, testId: string) =>
    rows.length === 0 ? none : <StackedTable<T> rows={rows} columns={columns} rowKey={rowKey} testId={testId} />;

  const findings = report.findings;
  return (
    <Card variant="borderless" className="hearth-print-sheet" data-testid="report-sheet">
      <div style={{ textAlign: 'center', marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="report-heading">
          {t('deliveryReport.heading', { project: report.project_name })}
        </Typography.Title>
        <Typography.Text type="secondary">{t('deliveryReport.asOf', { day: report.today })}</Typography.Text>
      </div>
      <Section title={t('deliveryReport.batches')} testId="report-batches">
        {table(report.batches, batchColumns, (row) => String(row.id), 'report-batch-table')}
      </Section>
      <Section title={t('deliveryReport.inspections')} testId="report-inspections">
        {table(report.inspections, inspectionColumns, (row) => String(row.id), 'report-inspection-table')}
      </Section>
      <Section title={t('deliveryReport.findings')} testId="report-findings">
        <div style={grid(6)}>
          <Figure label={t('deliveryReport.total')} value={findings.total} testId="report-findings-total" />
          <Figure label={t('deliveryReport.open')} value={findings.open} testId="report-findings-open" />
          <Figure label={t('deliveryReport.closed')} value={findings.closed} testId="report-findings-closed" />
          <Figure label={t('deliveryReport.blocking')} value={findings.blocking} danger testId="report-findings-blocking" />
          <Figure label={t('deliveryReport.major')} value={findings.major} testId="report-findings-major" />
          <Figure label={t('deliveryReport.minor')} value={findings.minor} testId="report-findings-minor" />
        </div>
        {findings.by_category.length > 0 && (
          <div style={{ marginBottom: 12 }}>{table(findings.by_category, categoryColumns, (row) => row.category, 'report-category-table')}</div>
        )}
        <Typography.Text strong style={{ display: 'block', margin: '8px 0' }} type={findings.open_blocking.length ? 'danger' : undefined}>
          {findings.open_blocking.length ? t('deliveryReport.openBlocking', { count: findings.open_blocking.length }) : t('deliveryReport.noOpenBlocking')}
        </Typography.Text>
        {findings.open_blocking.length > 0 && table(findings.open_blocking, blockingColumns, (row) => String(row.id), 'report-blocking-table')}
      </Section>
      <Section title={t('deliveryReport.openDays')} testId="report-open-days">
        {table(report.open_days, openDayColumns, (row) => row.on + row.decoration, 'report-open-day-table')}
      </Section>
      <Section title={t('deliveryReport.handovers')} testId="report-handovers">
        <div style={grid(5)}>
          <Figure label={t('deliveryReport.booked')} value={report.handovers.booked} testId="report-handovers-booked" />
          <Figure label={t('deliveryReport.inProgress')} value={report.handovers.in_progress} testId="report-handovers-in-progress" />
          <Figure label={t('deliveryReport.done')} value={report.handovers.done} testId="report-handovers-done" />
          <Figure label={t('deliveryReport.cancelled')} value={report.handovers.cancelled} testId="report-handovers-cancelled" />
          <Figure label={t('deliveryReport.repairs')} value={report.handovers.repairs} testId="report-handovers-repairs" />
        </div>
      </Section>
      <Section title={t('deliveryReport.titles')} testId="report-titles">
        <div style={grid(5)}>
          {kTitleSteps.map((step) => (
            <Figure key={step} label={titleStageLabel(t, step)} value={report.titles[step]} testId={`report-titles-${step}`} />
          ))}
        </div>
      </Section>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12, fontSize: 12 }}>
        {t('deliveryReport.generated', { at: formatMinute(report.generated_at || dayjs().toISOString()) })}
      </Typography.Text>
    </Card>
  );
}
