import { Link } from 'react-router-dom';
import { Alert, Button, Col, Empty, Flex, Row, Spin, Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { useCustomerJourney } from '../queries';
import { deliveryAccess } from '../access';
import { stepTitle, teamLabel } from '../labels';
import type { CustomerJourney as Journey, JourneyStepView, JourneyTask } from '../types';
import { TaskStateTag, TouchKindTag } from './Tags';
import { CompleteTaskModal } from './CompleteTaskModal';

/** A step as a tile: its name, and how many of its touches are done, missed and open; the current stage stands out. */
function StepTile({ step, current }: { step: JourneyStepView; current: boolean }) {
  const t = useT();
  const any = step.tasks.length > 0;
  return (
    <div
      style={{
        border: `1px solid ${current ? '#1f4fd1' : '#e6e9ef'}`,
        background: current ? '#f0f5ff' : any ? '#fff' : '#fafbfc',
        borderRadius: 8,
        padding: '8px 10px',
        height: '100%',
      }}
      data-testid={`journey-step-${step.step}`}
      data-done={step.done}
      data-missed={step.missed}
      data-open={step.open}
      data-current={current}
    >
      <Flex justify="space-between" align="center" gap={4}>
        <Typography.Text strong style={{ fontSize: 13 }}>
          {stepTitle(t, step.step, step.name)}
        </Typography.Text>
        {current && (
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
            {t('journey.current')}
          </Tag>
        )}
      </Flex>
      <Flex gap={8} wrap style={{ fontSize: 12, marginTop: 4 }}>
        <span style={{ color: step.done ? '#389e0d' : '#8c95a3' }}>{t('journey.doneCount', { count: step.done })}</span>
        <span style={{ color: step.missed ? '#cf1322' : '#8c95a3' }}>{t('journey.missedCount', { count: step.missed })}</span>
        <span style={{ color: step.open ? '#d48806' : '#8c95a3' }}>{t('journey.openCount', { count: step.open })}</span>
      </Flex>
    </div>
  );
}

/** A task of the customer's journey: the touch, the home, the day, its state and who did it; 完成 where the user may. */
function TaskLine({ task, onComplete }: { task: JourneyTask; onComplete?: () => void }) {
  const t = useT();
  return (
    <Flex justify="space-between" align="flex-start" gap={8} wrap style={{ padding: '8px 0', borderTop: '1px solid #f0f2f5' }} data-testid={`journey-task-${task.id}`}>
      <div style={{ minWidth: 0, flex: '1 1 220px' }}>
        <Flex gap={6} wrap align="center">
          <Typography.Text>{task.name}</Typography.Text>
          {!task.standard && <TouchKindTag standard={false} />}
        </Flex>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('journey.taskLine', { unit: task.unit_code, date: task.due_on, team: teamLabel(t, task.team) })}
        </Typography.Text>
        {task.status === 'done' && (
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, overflowWrap: 'anywhere' }}>
            {t('task.doneBy', { name: task.done_by_name ?? '', date: task.done_on ?? '' })}
            {task.evidence ? ` · ${t('task.evidenceShown', { evidence: task.evidence })}` : ''}
          </Typography.Text>
        )}
      </div>
      <Flex gap={8} align="center">
        <TaskStateTag state={task.state} testId={`journey-task-state-${task.id}`} />
        {onComplete && (
          <Button size="small" type="primary" ghost onClick={onComplete} data-testid={`journey-task-complete-${task.id}`}>
            {t('task.complete')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}

function JourneyView({ journey }: { journey: Journey }) {
  const t = useT();
  const { me } = useAuth();
  const access = deliveryAccess(me);
  const complete = useModalTarget<JourneyTask>();
  const stageName = (stage: number) => journey.steps.find((step) => step.step === stage)?.name ?? '';
  const withTasks = journey.steps.filter((step) => step.tasks.length > 0);
  return (
    <Flex vertical gap={16} data-testid="customer-journey">
      <Flex gap={12} wrap align="center">
        <Typography.Text>{t('journey.stage')}</Typography.Text>
        <Tag color="blue" style={{ fontSize: 14, padding: '2px 10px', marginInlineEnd: 0 }} data-testid="journey-stage" data-stage={journey.stage}>
          {stepTitle(t, journey.stage, journey.stage_name)}
        </Tag>
        {journey.missed > 0 && (
          <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="journey-missed">
            {t('journey.missedTotal', { count: journey.missed })}
          </Tag>
        )}
      </Flex>

      <div>
        <Typography.Text strong>{t('journey.homes')}</Typography.Text>
        {journey.homes.length === 0 ? (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
            {t('journey.noHomes')}
          </Typography.Text>
        ) : (
          <Flex vertical gap={6} style={{ marginTop: 6 }}>
            {journey.homes.map((home) => (
              <Flex key={home.unit_id} gap={8} wrap align="center" data-testid={`journey-home-${home.unit_id}`}>
                <span>
                  <Link to={`/projects/${home.project_id}`} data-testid={`journey-home-project-${home.unit_id}`}>
                    {home.project_name}
                  </Link>{' '}
                  <Link to={`/units/${home.unit_id}`} className="hearth-mono">
                    {home.unit_code}
                  </Link>
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('journey.signedOn', { date: home.signed_on })} ·{' '}
                  {home.delivered_on ? t('journey.deliveredOn', { date: home.delivered_on }) : t('journey.notDelivered')}
                </Typography.Text>
                <Tag style={{ marginInlineEnd: 0 }}>{stepTitle(t, home.stage, stageName(home.stage))}</Tag>
              </Flex>
            ))}
          </Flex>
        )}
      </div>

      <Row gutter={[8, 8]} data-testid="journey-steps">
        {journey.steps.map((step) => (
          <Col key={step.step} xs={12} md={6}>
            <StepTile step={step} current={step.step === journey.stage} />
          </Col>
        ))}
      </Row>

      <div>
        <Typography.Text strong>{t('journey.tasks')}</Typography.Text>
        {withTasks.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('journey.noTasks')} />
        ) : (
          withTasks.map((step) => (
            <div key={step.step} style={{ marginTop: 8 }} data-testid={`journey-step-tasks-${step.step}`}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {stepTitle(t, step.step, step.name)}
              </Typography.Text>
              {step.tasks.map((task) => (
                <TaskLine key={task.id} task={task} onComplete={access.completeTask(task) ? () => complete.openModal(task) : undefined} />
              ))}
            </div>
          ))
        )}
      </div>
      {complete.modal && <CompleteTaskModal key={complete.modal.key} task={complete.modal.target} onClose={complete.closeModal} />}
    </Flex>
  );
}

/**
 * The customer page's 6+2 旅程 tab (a `customerTabs` entry): where the customer stands on the journey,
 * their homes (project and unit) with each one's stage, the eight steps with their touches done,
 * missed and open, and the tasks by step, with 完成 for those the user may do.
 */
export function CustomerJourney({ customerId }: { customerId: number }) {
  const t = useT();
  const journey = useCustomerJourney(customerId);
  if (journey.error) return <Alert type="error" showIcon title={errorMessage(t, journey.error)} />;
  if (!journey.data) {
    return (
      <Flex justify="center" style={{ padding: 32 }}>
        <Spin />
      </Flex>
    );
  }
  return <JourneyView journey={journey.data} />;
}
