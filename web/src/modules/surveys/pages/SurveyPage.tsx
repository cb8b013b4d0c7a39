import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { App, Breadcrumb, Button, Card, Flex, Grid, Tabs, Typography } from 'antd';
import { BarChartOutlined, EyeOutlined, InboxOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { BackLink, RecordFallback, recordPage } from '../../../shared/ui/RecordPage';
import { Fact, FactGrid } from '../../../shared/ui/Fact';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { useParamsPatch } from '../../../shared/hooks/useParamsPatch';
import { ApiError } from '../../../shared/api/client';
import { surveysApi } from '../api';
import { surveyChanged, useSurvey, useVersions, useWaves } from '../queries';
import { surveysAccess } from '../access';
import { backToSurveys, surveyStatusText } from '../labels';
import { SurveyStatusTags } from '../components/Tags';
import { SurveyBuilder } from '../components/SurveyBuilder';
import { PreviewDrawer } from '../components/PreviewDrawer';
import { VersionHistory } from '../components/VersionHistory';
import { WaveList } from '../components/WaveList';

const kTabs = ['design', 'waves', 'versions'] as const;
type Tab = (typeof kTabs)[number];

/**
 * A survey: its header (whose, who made it, its status; 预览, 查看结果, 归档), then 问卷设计 (the builder),
 * 调查轮次 (its waves, 发起调查) and 版本记录 (the published versions). The tab is in the address.
 */
function SurveyView({ id }: { id: number }) {
  const t = useT();
  const { me } = useAuth();
  const access = surveysAccess(me);
  const narrow = !Grid.useBreakpoint().md;
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useSurvey(id);
  const survey = query.data;
  const [params, patch] = useParamsPatch();
  const tab: Tab = kTabs.find((value) => value === params.get('tab')) ?? 'design';
  const waves = useWaves(id);
  const versions = useVersions(id);
  const [preview, setPreview] = useState(false);
  const [dirty, setDirty] = useState(false);

  if (!survey) {
    return (
      <RecordFallback
        error={query.error}
        onRetry={() => void query.refetch()}
        notFound={{ title: t('survey.notFoundTitle'), subtitle: t('survey.notFoundSubtitle') }}
        back={backToSurveys(t)}
      />
    );
  }
  const editable = access.edit(survey);

  const archive = () =>
    modal.confirm({
      title: t('survey.archiveTitle', { title: survey.title }),
      content: t('survey.archiveContent'),
      okText: t('survey.archive'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          surveyChanged(queryClient, await surveysApi.archive(survey.id));
          void message.success(t('survey.archived'));
        } catch (err) {
          void message.error(err instanceof ApiError && err.code === 'invalid_transition' ? t('survey.archivedAlready') : errorMessage(t, err));
        }
      },
    });

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={16} wrap>
        <BackLink back={backToSurveys(t)} testId="back-to-surveys" />
        {!narrow && (
          <Breadcrumb
            items={[
              { key: 'surveys', title: <Link to="/surveys">{t('nav.surveyList')}</Link> },
              { key: 'survey', title: survey.title },
            ]}
          />
        )}
      </Flex>

      <Card variant="borderless" data-testid="survey-header">
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="survey-title">
            {survey.title}
          </Typography.Title>
          <SurveyStatusTags survey={survey} testId="survey-status" />
          <Flex gap={8} wrap style={{ marginInlineStart: 'auto' }}>
            <Button icon={<EyeOutlined />} onClick={() => setPreview(true)} data-testid="survey-preview">
              {t('preview.button')}
            </Button>
            {survey.published_version > 0 && (
              <Link to={`/surveys/results/${survey.id}`}>
                <Button icon={<BarChartOutlined />} data-testid="survey-results">
                  {t('survey.results')}
                </Button>
              </Link>
            )}
            {editable && survey.status === 'published' && (
              <Button danger icon={<InboxOutlined />} onClick={archive} data-testid="survey-archive">
                {t('survey.archive')}
              </Button>
            )}
          </Flex>
        </Flex>
        <FactGrid columns="repeat(auto-fit, minmax(150px, 1fr))">
          <Fact label={t('survey.owner')}>{survey.org_unit_name}</Fact>
          <Fact label={t('survey.status')} testId="fact-status">
            {surveyStatusText(t, survey)}
          </Fact>
          <Fact label={t('survey.createdBy')}>{survey.created_by_name}</Fact>
          <Fact label={t('common.updatedAt')}>{formatDateTime(survey.updated_at)}</Fact>
        </FactGrid>
        {!editable && access.create && survey.status !== 'archived' && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12, fontSize: 12 }} data-testid="survey-not-yours">
            {t('survey.notEditable', { owner: survey.org_unit_name })}
          </Typography.Text>
        )}
      </Card>

      <Tabs
        activeKey={tab}
        onChange={(key) => patch({ tab: key === 'design' ? null : key })}
        destroyOnHidden={false}
        items={[
          {
            key: 'design',
            label: t('survey.tabDesign'),
            children: (
              <SurveyBuilder
                key={survey.id}
                survey={survey}
                editable={editable}
                onDirty={setDirty}
                onReload={async () => (await query.refetch()).data}
              />
            ),
          },
          {
            key: 'waves',
            label: waves.data?.length ? t('survey.tabWavesCount', { count: waves.data.length }) : t('survey.tabWaves'),
            children: <WaveList survey={survey} />,
          },
          {
            key: 'versions',
            label: versions.data?.length ? t('survey.tabVersionsCount', { count: versions.data.length }) : t('survey.tabVersions'),
            children: <VersionHistory surveyId={survey.id} />,
          },
        ]}
        data-testid="survey-tabs"
      />
      {preview && <PreviewDrawer surveyId={survey.id} unsaved={dirty} onClose={() => setPreview(false)} />}
    </Flex>
  );
}

/** /surveys/:id */
export default recordPage(SurveyView, 'survey.notFoundTitle', backToSurveys);
