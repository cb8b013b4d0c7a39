import { type HTMLAttributes, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Flex, Grid, Progress, Row, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useParamsPatch } from '../../../shared/hooks/useParamsPatch';
import { useFourYearPlan } from '../queries';
import { fourYearErrorText } from '../errors';
import { formatPercent, monthLabel } from '../labels';
import { kFourYearTouch, type FourYearPlan, type FourYearProject } from '../types';
import { CompanySelect, useCompanyTree } from '../components/CompanySelect';
import { ProjectFilter } from '../components/ProjectSelect';
import { FourYearChart, FourYearLegend } from '../components/FourYearChart';

/** A positive integer of the address, or undefined. */
const idParam = (value: string | null) => {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : undefined;
};

/** The visit queue: the four-year visits still to do, of a project or of all. */
const queueOf = (projectId?: number) => `/journey/tasks?touch=${kFourYearTouch}${projectId ? `&project_id=${projectId}` : ''}`;

/** Green from 90 %, gold from 60 %, else red. */
const coverageColor = (share: number) => (share >= 0.9 ? '#52c41a' : share >= 0.6 ? '#faad14' : '#f5222d');

/** One headline figure: its label, the figure, a line under it. */
function Figure({ label, value, sub, testId }: { label: ReactNode; value: ReactNode; sub: ReactNode; testId: string }) {
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={testId}>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {label}
      </Typography.Text>
      <div style={{ fontSize: 22, fontWeight: 600, lineHeight: 1.4 }} data-testid={`${testId}-value`}>
        {value}
      </div>
      <div style={{ fontSize: 12, color: '#5b6473' }}>{sub}</div>
    </Card>
  );
}

/** A coverage as a bar and a percentage, or "—" while nothing is due. */
function Coverage({ share, due, testId }: { share: number; due: number; testId: string }) {
  if (due === 0) return <Typography.Text type="secondary" data-testid={testId}>—</Typography.Text>;
  return (
    <Progress
      percent={Math.round(share * 100)}
      format={() => formatPercent(share)}
      size="small"
      strokeColor={coverageColor(share)}
      style={{ margin: 0, minWidth: 110 }}
      data-testid={testId}
      data-share={share}
    />
  );
}

/** The headline: homes, this cycle's coverage, the even share a month, this month with its queue. */
function Headline({ plan, queue }: { plan: FourYearPlan; queue: string }) {
  const t = useT();
  const month = plan.months.find((item) => item.month === plan.today.slice(0, 7));
  const { coverage } = plan;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={12} lg={6}>
        <Figure label={t('fourYear.homes')} value={t('fourYear.homesShown', { count: plan.homes })} sub={t('fourYear.homesHint')} testId="four-year-homes" />
      </Col>
      <Col xs={12} lg={6}>
        <Figure
          label={t('fourYear.coverage')}
          value={coverage.due ? <span style={{ color: coverageColor(coverage.share) }}>{formatPercent(coverage.share)}</span> : '—'}
          sub={
            coverage.due ? (
              <>
                <div>{t('fourYear.coverageShown', { visited: coverage.visited, due: coverage.due })}</div>
                <div>{t('fourYear.coverageSince', { date: plan.cycle_from })}</div>
              </>
            ) : (
              t('fourYear.noneDue')
            )
          }
          testId="four-year-coverage"
        />
      </Col>
      <Col xs={12} lg={6}>
        <Figure
          label={t('fourYear.perMonth')}
          value={t('fourYear.perMonthShown', { count: plan.per_month })}
          sub={t('fourYear.perMonthHint', { homes: plan.homes })}
          testId="four-year-per-month"
        />
      </Col>
      <Col xs={12} lg={6}>
        <Figure
          label={month ? t('fourYear.thisMonthPlanned', { month: monthLabel(t, month.month) }) : t('fourYear.thisMonth')}
          value={month ? t('fourYear.homesShown', { count: month.planned }) : '—'}
          sub={
            <>
              {month && <div>{t('fourYear.thisMonthCounts', { done: month.done, open: month.open, missed: month.missed, notMade: month.not_made })}</div>}
              <Link to={queue} data-testid="four-year-queue">
                {t('fourYear.openQueue')}
              </Link>
            </>
          }
          testId="four-year-month"
        />
      </Col>
    </Row>
  );
}

/** Each project's homes and this cycle's coverage: a table, cards on a phone; a project chosen shows its plan alone. */
function Projects({ plan, narrow, onShow }: { plan: FourYearPlan; narrow: boolean; onShow?: (projectId: number) => void }) {
  const t = useT();
  const name = (project: FourYearProject) => (
    <Link to={`/projects/${project.project_id}`} data-testid={`four-year-project-name-${project.project_id}`}>
      {project.project_name}
    </Link>
  );
  const actions = (project: FourYearProject) => (
    <Flex gap={12} wrap>
      {onShow && (
        <Button type="link" size="small" style={{ padding: 0, height: 'auto', fontSize: 12 }} onClick={() => onShow(project.project_id)} data-testid={`four-year-project-show-${project.project_id}`}>
          {t('fourYear.showProject')}
        </Button>
      )}
      <Link to={queueOf(project.project_id)} data-testid={`four-year-project-queue-${project.project_id}`}>
        {t('fourYear.projectQueue')}
      </Link>
    </Flex>
  );
  const columns: TableColumnsType<FourYearProject> = [
    {
      title: t('fourYear.project'),
      key: 'project',
      render: (_, project) => (
        <>
          {name(project)}
          <div style={{ fontSize: 12 }}>{actions(project)}</div>
        </>
      ),
    },
    { title: t('fourYear.projectHomes'), dataIndex: 'homes', key: 'homes', width: 96, align: 'right' },
    { title: t('fourYear.projectDue'), dataIndex: 'due', key: 'due', width: 120, align: 'right' },
    { title: t('fourYear.projectVisited'), dataIndex: 'visited', key: 'visited', width: 90, align: 'right' },
    {
      title: t('fourYear.projectCoverage'),
      key: 'coverage',
      width: 190,
      sorter: (a, b) => (a.due ? a.coverage : 2) - (b.due ? b.coverage : 2),
      render: (_, project) => <Coverage share={project.coverage} due={project.due} testId={`four-year-project-coverage-${project.project_id}`} />,
    },
  ];
  return (
    <Card variant="borderless" title={t('fourYear.projectsTitle')} data-testid="four-year-projects">
      {narrow ? (
        <Flex vertical>
          {plan.projects.map((project, index) => (
            <div
              key={project.project_id}
              style={{ padding: '10px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }}
              data-testid={`four-year-project-${project.project_id}`}
            >
              <Typography.Text strong>{name(project)}</Typography.Text>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, margin: '2px 0 4px' }}>
                {t('fourYear.projectLine', { homes: project.homes, visited: project.visited, due: project.due })}
              </Typography.Text>
              <Coverage share={project.coverage} due={project.due} testId={`four-year-project-coverage-${project.project_id}`} />
              <div style={{ marginTop: 4 }}>{actions(project)}</div>
            </div>
          ))}
        </Flex>
      ) : (
        <Table<FourYearProject>
          rowKey="project_id"
          size="small"
          columns={columns}
          dataSource={plan.projects}
          pagination={false}
          scroll={{ x: 680 }}
          onRow={(project) => ({ 'data-testid': `four-year-project-${project.project_id}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('fourYear.empty') }}
        />
      )}
    </Card>
  );
}

/**
 * /journey/four-year?company_id=&project_id= — 四年之约 (the 6+2 journey's eighth step): every
 * delivered home is visited once in each four-year cycle after its keys, the server spreading the
 * homes over the cycle's 48 months. For every project in scope, a company's or one project's: the
 * homes, this cycle's coverage (visited of those due in the last 1,461 days), the even share a
 * month, this month with the way to its visit queue; the 60 months (a year back, this one, 47 ahead)
 * as bars of the homes planned, split into the visits done, missed, open and not made yet (rows on
 * a phone); each project's coverage. Says so when the touch is switched off in the playbook.
 */
export default function FourYearPage() {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const queryClient = useQueryClient();
  const [params, show] = useParamsPatch();
  const { companies, byId } = useCompanyTree();
  const companyId = idParam(params.get('company_id'));
  const projectId = idParam(params.get('project_id'));
  const plan = useFourYearPlan(companyId, projectId);
  const queue = queueOf(projectId);

  let body: ReactNode;
  if (plan.error) {
    body = <Alert type="error" showIcon title={fourYearErrorText(t, plan.error)} data-testid="four-year-error" />;
  } else if (!plan.data) {
    body = (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  } else {
    const data = plan.data;
    // The server counts a city company's projects: a region or the group chosen has none of its own.
    const above = companyId !== undefined && !projectId && ['group', 'region'].includes(byId.get(companyId)?.kind ?? '');
    body = (
      <>
        {above && <Alert type="info" showIcon title={t('fourYear.chooseCity')} style={{ marginBottom: 16 }} data-testid="four-year-choose-city" />}
        {!data.active && (
          <Alert
            type="warning"
            showIcon
            title={t('fourYear.inactive')}
            action={<Link to="/journey/playbook">{t('fourYear.openPlaybook')}</Link>}
            style={{ marginBottom: 16 }}
            data-testid="four-year-inactive"
          />
        )}
        <Headline plan={data} queue={queue} />
        <Card
          variant="borderless"
          title={t('fourYear.chartTitle')}
          extra={narrow ? undefined : <FourYearLegend />}
          style={{ marginBottom: 16 }}
          data-testid="four-year-chart"
        >
          {data.homes === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fourYear.empty')} />
          ) : (
            <>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 12 }}>
                {t('fourYear.chartHint')}
              </Typography.Paragraph>
              {narrow && (
                <div style={{ marginBottom: 8 }}>
                  <FourYearLegend />
                </div>
              )}
              <FourYearChart months={data.months} perMonth={data.per_month} thisMonth={data.today.slice(0, 7)} queue={queue} narrow={narrow} everyLabel={!!screens.xl} />
            </>
          )}
        </Card>
        {data.projects.length > 0 && <Projects plan={data} narrow={narrow} onShow={projectId ? undefined : (id) => show({ project_id: id })} />}
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('fourYear.title')} description={t('fourYear.description')} onRefresh={() => void queryClient.invalidateQueries({ queryKey: ['journey', 'four-year'] })} />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          {companies.length > 0 && (
            <CompanySelect
              allowClear
              aria-label={t('fourYear.company')}
              placeholder={t('fourYear.allCompanies')}
              style={{ width: 220, maxWidth: '100%' }}
              value={companyId}
              // Another company's projects: the project chosen goes.
              onChange={(value) => show({ company_id: value ?? null, project_id: null })}
              data-testid="four-year-company"
            />
          )}
          <ProjectFilter value={projectId} onChange={(id) => show({ project_id: id })} />
        </Flex>
      </Card>
      {body}
    </>
  );
}
