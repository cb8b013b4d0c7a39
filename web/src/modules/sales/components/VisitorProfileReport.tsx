import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Spin, Statistic, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { salesApi } from '../api';
import { collectionKeys } from '../queries';
import { profileDimensionLabel, profileItemLabel } from '../labels';
import type { ReportQuery } from '../types';
import { ProjectFilter } from './ProjectFilter';
import { PeriodPicker, ReportDownload, ShareBars } from './ReportTools';

/**
 * 来访画像: the leads registered in the period (the last 30 days unless chosen) counted by age band,
 * household, need, channel and intent, each value in the desk's words with its share; as CSV or Excel too.
 */
export function VisitorProfileReport({
  projects,
  query,
  onProject,
  onPeriod,
}: {
  projects: Map<number, string>;
  query: ReportQuery;
  onProject: (projectId: number | null) => void;
  onPeriod: (from: string, to: string) => void;
}) {
  const t = useT();
  const answer = useQuery({
    queryKey: collectionKeys.profile(query),
    queryFn: ({ signal }) => salesApi.visitorProfile(query, signal),
    placeholderData: keepPreviousData,
  });
  const profile = answer.data;
  const from = query.from ?? profile?.from;
  const to = query.to ?? profile?.to;

  return (
    <div data-testid="visitor-profile">
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <ProjectFilter projects={projects} value={query.project_id} onChange={onProject} />
        <PeriodPicker from={from} to={to} onChange={onPeriod} />
        <span style={{ marginInlineStart: 'auto' }}>
          <ReportDownload
            report="visitor-profile"
            query={{ ...query, from, to }}
            name={t('salesReports.fileProfile', { from: from ?? '', to: to ?? '' })}
            testId="profile-download"
          />
        </span>
      </Flex>
      <ErrorAlert error={answer.error} />
      <Spin spinning={answer.isFetching}>
        {profile && (
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12} xl={8}>
              <Card variant="borderless" size="small" style={{ height: '100%', background: '#f6f8fc' }}>
                <div data-testid="profile-total" data-count={profile.total}>
                  <Statistic title={t('profile.total')} value={profile.total} suffix={t('profile.unit')} />
                </div>
                <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }} data-testid="profile-period">
                  {t('salesReports.periodValue', { from: profile.from, to: profile.to })}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('profile.hint')}
                </Typography.Text>
              </Card>
            </Col>
            {profile.dimensions.map((dimension) => (
              <Col key={dimension.key} xs={24} md={12} xl={8}>
                <ShareBars
                  title={profileDimensionLabel(t, dimension.key, dimension.label)}
                  rows={dimension.items.map((item) => ({ ...item, label: profileItemLabel(t, dimension.key, item.key, item.label) }))}
                  testId={`profile-${dimension.key}`}
                />
              </Col>
            ))}
          </Row>
        )}
      </Spin>
    </div>
  );
}
