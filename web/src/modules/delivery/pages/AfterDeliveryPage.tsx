import { useSearchParams } from 'react-router-dom';
import { Card, Col, Flex, Grid, Row, Tabs, Typography } from 'antd';
import { HomeOutlined, PhoneOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { listFallback } from '../../../shared/ui/QueryState';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { useProjectNames } from '../../inventory/queries';
import { deliveryApi } from '../api';
import { journeyKeys, useAfterDelivery } from '../queries';
import { deliveryAccess } from '../access';
import { kAfterDeliveryTouches, kTaskFilters, type AfterDeliveryTouch, type TaskFilter, type TaskQuery } from '../types';
import { ProjectFilter } from '../components/ProjectSelect';
import { MakeTasksButton } from '../components/MakeTasksButton';
import { AfterCareCard } from '../components/AfterCareCard';
import { TaskCount, TaskList, TaskStateFilter } from '../components/TaskList';

const kPageSize = 50;

/**
 * /journey/after-delivery?project_id=&queue=&state= — 交付后回访与入户: for each project with units
 * delivered in the last six months (or the project chosen), the call-back to every owner as
 * coverage toward 100% and the home visits toward their target (a tenth of the units, at most 60,
 * within six months of the last keys); below, the two queues (电话回访, 入户拜访) of the chosen
 * project's tasks, or every project's, with 完成 where the user may. The address keeps the choices.
 * On a phone the cards stack and the tasks are cards.
 */
export default function AfterDeliveryPage() {
  const t = useT();
  const { me } = useAuth();
  const access = deliveryAccess(me);
  const narrow = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const projectParam = Number(params.get('project_id'));
  const projectId = Number.isInteger(projectParam) && projectParam > 0 ? projectParam : undefined;
  const queue: AfterDeliveryTouch = kAfterDeliveryTouches.find((touch) => touch === params.get('queue')) ?? 'delivery_callback';
  const stateParam = params.get('state');
  const state: TaskFilter | 'all' = stateParam === 'all' ? 'all' : (kTaskFilters.find((s) => s === stateParam) ?? 'open');
  const projectName = useProjectNames().get(projectId ?? 0) ?? '';

  const show = (change: Record<string, string | number | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value !== null && value !== undefined && value !== '') next.set(key, String(value));
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  const care = useAfterDelivery(projectId);
  const query: TaskQuery = { touch: queue, ...(state !== 'all' ? { state } : {}), ...(projectId ? { project_id: projectId } : {}), limit: kPageSize };
  const tasks = useCursorList(journeyKeys.tasks(query), (cursor, signal) => deliveryApi.listTasks({ ...query, cursor }, signal));

  // The queue's empty words: call-backs whose task is not made yet are said to be so.
  const notMade = (care.data ?? []).reduce((sum, item) => sum + item.callback.not_made, 0);
  const emptyText =
    queue === 'delivery_callback'
      ? notMade > 0
        ? t('afterCare.emptyNotMade', { count: notMade })
        : t('afterCare.emptyCallback')
      : t('afterCare.emptyVisit');
  const fallback = listFallback(care.data, care.error, t('afterCare.noDeliveries'));
  const single = care.data?.length === 1;

  return (
    <>
      <PageHeader
        title={t('afterCare.title')}
        description={t('afterCare.description')}
        onRefresh={() => void Promise.all([care.refetch(), tasks.reload()])}
        extra={access.makeTasks && <MakeTasksButton />}
      />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <ProjectFilter value={projectId} onChange={(project_id) => show({ project_id })} />
          <Typography.Text type="secondary">{t('afterCare.window')}</Typography.Text>
        </Flex>
      </Card>
      <div style={{ marginBottom: 16 }} data-testid="care-list">
        {fallback ? (
          <Card variant="borderless">{fallback}</Card>
        ) : (
          <Row gutter={[16, 16]}>
            {care.data!.map((item) => (
              <Col key={item.project_id} xs={24} xl={single ? 24 : 12}>
                <AfterCareCard care={item} onShowQueue={projectId ? undefined : () => show({ project_id: item.project_id })} />
              </Col>
            ))}
          </Row>
        )}
      </div>
      <Card variant="borderless" data-testid="care-queues">
        <Tabs
          activeKey={queue}
          onChange={(key) => show({ queue: key === 'delivery_callback' ? null : key })}
          items={[
            { key: 'delivery_callback', label: t('afterCare.queueCallback'), icon: <PhoneOutlined /> },
            { key: 'home_visit', label: t('afterCare.queueVisit'), icon: <HomeOutlined /> },
          ]}
          tabBarExtraContent={
            narrow ? undefined : (
              <Typography.Text type="secondary" data-testid="care-queue-scope">
                {projectId ? projectName : t('afterCare.allProjects')}
              </Typography.Text>
            )
          }
          data-testid="care-queue-tabs"
          style={{ marginTop: -8 }}
        />
        <Flex gap={12} wrap align="center" justify="space-between" style={{ marginBottom: 12 }}>
          <TaskStateFilter value={state} onChange={(value) => show({ state: value === 'open' ? null : value })} narrow={narrow} width={160} />
          <TaskCount list={tasks} />
        </Flex>
        <ErrorAlert error={tasks.error} />
        <TaskList list={tasks} pageSize={kPageSize} emptyText={emptyText} showTouch={false} />
      </Card>
    </>
  );
}
