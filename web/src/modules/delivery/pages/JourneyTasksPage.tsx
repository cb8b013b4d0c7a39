import { useSearchParams } from 'react-router-dom';
import { Card, Flex, Grid, Select } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { deliveryApi } from '../api';
import { journeyKeys, usePlaybook } from '../queries';
import { deliveryAccess } from '../access';
import { stepOptions, stepTitle, teamOptions } from '../labels';
import { kJourneyTeams, kTaskFilters, type JourneyTeam, type TaskFilter, type TaskQuery } from '../types';
import { ProjectFilter } from '../components/ProjectSelect';
import { MakeTasksButton } from '../components/MakeTasksButton';
import { TaskCount, TaskList, TaskStateFilter } from '../components/TaskList';

const kPageSize = 50;
/** Two filters a row on a phone. */
const kHalf = 'calc(50% - 6px)';

/**
 * /journey/tasks — 旅程任务: the 6+2 touches due for owners' homes, oldest first, as the customer
 * relations' work queue: by state (未完成 to begin with), step, touch, team and project, each with the
 * customer, the home, the step and touch, the day it falls due and its state; how many match in all;
 * 完成 with evidence for those whose team it is. Managers may make the tasks now. The address keeps
 * the filters. On a phone the rows are cards.
 */
export default function JourneyTasksPage() {
  const t = useT();
  const { me } = useAuth();
  const access = deliveryAccess(me);
  const narrow = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const stateParam = params.get('state');
  const state: TaskFilter | 'all' = stateParam === 'all' ? 'all' : (kTaskFilters.find((s) => s === stateParam) ?? 'open');
  const stepParam = Number(params.get('step'));
  const step = Number.isInteger(stepParam) && stepParam >= 1 && stepParam <= 8 ? stepParam : undefined;
  const teamParam = params.get('team');
  const team = kJourneyTeams.find((value) => value === teamParam);
  const projectParam = Number(params.get('project_id'));
  const projectId = Number.isInteger(projectParam) && projectParam > 0 ? projectParam : undefined;
  const touchParam = params.get('touch') ?? '';
  const touchCode = /^[a-z0-9_]{1,40}$/.test(touchParam) ? touchParam : undefined;
  // The touches as the user's playbook names them (their company's version), the chosen step's only.
  const playbook = usePlaybook(undefined);
  const touchOptions = (playbook.data ?? [])
    .filter((touch) => step === undefined || touch.step === step)
    .map((touch) => ({ value: touch.code, label: step === undefined ? `${stepTitle(t, touch.step, touch.step_name)} · ${touch.name}` : touch.name }));

  const show = (change: Record<string, string | number | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value !== null && value !== undefined && value !== '') next.set(key, String(value));
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  const query: TaskQuery = {
    ...(state !== 'all' ? { state } : {}),
    ...(step ? { step } : {}),
    ...(touchCode ? { touch: touchCode } : {}),
    ...(team ? { team } : {}),
    ...(projectId ? { project_id: projectId } : {}),
    limit: kPageSize,
  };
  const tasks = useCursorList(journeyKeys.tasks(query), (cursor, signal) => deliveryApi.listTasks({ ...query, cursor }, signal));

  return (
    <>
      <PageHeader title={t('task.listTitle')} description={t('task.listDescription')} onRefresh={() => void tasks.reload()} extra={access.makeTasks && <MakeTasksButton />} />
      <ErrorAlert error={tasks.error} />
      <Card variant="borderless">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <TaskStateFilter value={state} onChange={(value) => show({ state: value === 'open' ? null : value })} narrow={narrow} width={kHalf} />
          <Select<number>
            allowClear
            aria-label={t('task.step')}
            placeholder={t('task.allSteps')}
            style={{ width: narrow ? kHalf : 160, maxWidth: '100%' }}
            value={step}
            // A touch of another step would match nothing: choosing a step clears it.
            onChange={(value) => show({ step: value, touch: value && playbook.data?.find((touch) => touch.code === touchCode)?.step !== value ? null : touchCode })}
            options={stepOptions(t)}
            data-testid="filter-step"
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('task.touch')}
            placeholder={t('task.allTouches')}
            style={{ width: narrow ? kHalf : 220, maxWidth: '100%' }}
            value={touchCode}
            onChange={(value) => show({ touch: value })}
            options={touchOptions}
            // A code is never shown: until the playbook has come, an ellipsis.
            labelRender={({ value }) => touchOptions.find((option) => option.value === value)?.label ?? '…'}
            popupMatchSelectWidth={narrow ? true : 320}
            data-testid="filter-touch"
          />
          <Select<JourneyTeam>
            allowClear
            aria-label={t('task.team')}
            placeholder={t('task.allTeams')}
            style={{ width: narrow ? kHalf : 130, maxWidth: '100%' }}
            value={team}
            onChange={(value) => show({ team: value })}
            options={teamOptions(t)}
            data-testid="filter-team"
          />
          <div style={narrow ? { width: kHalf } : undefined}>
            <ProjectFilter value={projectId} onChange={(project_id) => show({ project_id })} />
          </div>
        </Flex>
        <div style={{ marginBottom: 12 }}>
          <TaskCount list={tasks} />
        </div>
        <TaskList list={tasks} pageSize={kPageSize} emptyText={t('task.empty')} />
      </Card>
    </>
  );
}
