import { type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Flex, Grid, Spin, Typography, type TableColumnsType } from 'antd';
import { BarChartOutlined, FileAddOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { CursorListFooter, CursorTable } from '../../../shared/ui/CursorTable';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { dateColumn } from '../../../shared/ui/tableColumns';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { surveysApi } from '../api';
import { surveyKeys } from '../queries';
import { surveysAccess } from '../access';
import type { Survey, SurveyQuery } from '../types';
import { SurveyStatusTags } from '../components/Tags';
import { NewSurveyModal, TemplateModal } from '../components/CreateSurvey';

const kPageSize = 50;

/**
 * /surveys — 问卷: the surveys of the user's scope and of the org units above it, newest first: title,
 * whose, 草稿 / 已发布 v2 (有未发布修改) / 已归档, who made it; each to its builder, a published one to
 * its results. 新建问卷 and 从模板新建 for customer relations. On a phone the rows are cards.
 */
export default function SurveysPage() {
  const t = useT();
  const { me } = useAuth();
  const access = surveysAccess(me);
  const narrow = !Grid.useBreakpoint().md;
  const blank = useModalTarget<true>();
  const fromTemplate = useModalTarget<true>();
  const query: SurveyQuery = { limit: kPageSize };
  const surveys = useCursorList(surveyKeys.list(query), (cursor, signal) => surveysApi.list({ ...query, cursor }, signal));

  const title = (survey: Survey) => (
    <Link to={`/surveys/${survey.id}`} data-testid={`survey-link-${survey.id}`}>
      <Typography.Text strong style={{ color: '#1f4fd1' }}>
        {survey.title}
      </Typography.Text>
    </Link>
  );
  const results = (survey: Survey) =>
    survey.published_version > 0 && (
      <Link to={`/surveys/results/${survey.id}`} data-testid={`survey-results-${survey.id}`}>
        <Button size="small" icon={<BarChartOutlined />}>
          {t('survey.results')}
        </Button>
      </Link>
    );

  // How many the user sees, whatever has been loaded (the server counts them beside the first page).
  const total = (surveys.pages[0] as { total?: number } | undefined)?.total;

  const columns: TableColumnsType<Survey> = [
    {
      title: t('survey.title'),
      key: 'title',
      render: (_, survey) => (
        <div style={{ minWidth: 0 }}>
          {title(survey)}
          {survey.description && (
            <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12, maxWidth: 420 }}>
              {survey.description}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { title: t('survey.owner'), dataIndex: 'org_unit_name', key: 'owner', width: 140, ellipsis: true },
    { title: t('survey.status'), key: 'status', width: 170, render: (_, survey) => <SurveyStatusTags survey={survey} testId={`survey-status-${survey.id}`} /> },
    { title: t('survey.questions'), key: 'questions', width: 80, align: 'right', render: (_, survey) => survey.questions.length },
    {
      title: t('survey.activity'),
      key: 'activity',
      width: 130,
      render: (_, survey) => t('survey.activityValue', { waves: survey.wave_count, responses: survey.response_count }),
    },
    { title: t('survey.createdBy'), dataIndex: 'created_by_name', key: 'created_by', width: 130, ellipsis: true },
    dateColumn<Survey>(t('common.updatedAt'), 'updated_at', 110),
    { title: t('common.actions'), key: 'actions', width: 130, render: (_, survey) => results(survey) },
  ];

  return (
    <>
      <PageHeader
        title={t('survey.listTitle')}
        description={t('survey.listDescription')}
        onRefresh={() => void surveys.reload()}
        extra={
          access.create && (
            <>
              <Button icon={<FileAddOutlined />} onClick={() => fromTemplate.openModal(true)} data-testid="survey-from-template">
                {t('survey.fromTemplate')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => blank.openModal(true)} data-testid="survey-create">
                {t('survey.createBlank')}
              </Button>
            </>
          )
        }
      />
      <ErrorAlert error={surveys.error} />
      <Card variant="borderless">
        {total !== undefined && (
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 12 }} data-testid="survey-total">
            {t('survey.total', { count: total })}
          </Typography.Text>
        )}
        {narrow ? (
          <Spin spinning={surveys.loading}>
            {surveys.items.length === 0 && !surveys.loading ? (
              <Typography.Text type="secondary">{t('survey.empty')}</Typography.Text>
            ) : (
              <Flex vertical data-testid="survey-cards">
                {surveys.items.map((survey, index) => (
                  <div key={survey.id} style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`survey-row-${survey.id}`}>
                    <Flex justify="space-between" align="flex-start" gap={8}>
                      {title(survey)}
                      {results(survey)}
                    </Flex>
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, margin: '2px 0 6px' }}>
                      {t('survey.cardMeta', { owner: survey.org_unit_name, by: survey.created_by_name, at: formatDateTime(survey.updated_at).slice(0, 10) })}
                      {' · '}
                      {t('survey.activityValue', { waves: survey.wave_count, responses: survey.response_count })}
                    </Typography.Text>
                    <SurveyStatusTags survey={survey} testId={`survey-status-${survey.id}`} />
                  </div>
                ))}
              </Flex>
            )}
            <CursorListFooter list={surveys} pageSize={kPageSize} />
          </Spin>
        ) : (
          <CursorTable<Survey>
            list={surveys}
            pageSize={kPageSize}
            columns={columns}
            scroll={{ x: 960 }}
            onRow={(survey) => ({ 'data-testid': `survey-row-${survey.id}` }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: t('survey.empty') }}
            data-testid="survey-table"
          />
        )}
      </Card>
      {blank.modal && <NewSurveyModal key={blank.modal.key} onClose={blank.closeModal} />}
      {fromTemplate.modal && <TemplateModal key={fromTemplate.modal.key} onClose={fromTemplate.closeModal} />}
    </>
  );
}
