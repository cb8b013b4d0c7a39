// A list of journey tasks as the queues show it (旅程任务, and the after-delivery queues): how many
// match, the rows (cards on a phone) with the customer, the home, the touch, the day and the state,
// and 完成 where the user may.
import { type HTMLAttributes, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Button, Flex, Grid, Segmented, Select, Spin, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { CursorListFooter, CursorTable } from '../../../shared/ui/CursorTable';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import type { CursorList } from '../../../shared/hooks/useCursorList';
import { deliveryAccess } from '../access';
import { stepTitle, taskFilterLabel, teamLabel } from '../labels';
import { kTaskFilters, type JourneyTask, type TaskFilter, type TaskPage } from '../types';
import { TaskStateTag, TouchKindTag } from './Tags';
import { CompleteTaskModal } from './CompleteTaskModal';

/** How many tasks match, as the first page counts them: "共 N 条", or "共 10000+ 条" past the server's count. */
export function TaskCount({ list }: { list: CursorList<JourneyTask> }) {
  const t = useT();
  const first = list.pages[0] as TaskPage | undefined;
  if (!first) return null;
  // A first page always has its total; were one missing, the rows read so far are what is known.
  const total = first.total ?? list.items.length;
  return (
    <Typography.Text type="secondary" data-testid="task-count" data-count={total} data-capped={first.total_capped}>
      {first.total_capped ? t('task.countCapped', { count: total }) : t('task.countAll', { count: total })}
    </Typography.Text>
  );
}

/** The state filter of a task list: 未完成 (to begin with), 到期待办, 逾期未做, 已完成, 全部; a select on a phone. */
export function TaskStateFilter({
  value,
  onChange,
  narrow,
  width,
}: {
  value: TaskFilter | 'all';
  onChange: (value: TaskFilter | 'all') => void;
  narrow: boolean;
  /** The select's width on a phone. */
  width?: string | number;
}) {
  const t = useT();
  const options = [...kTaskFilters.map((filter) => ({ value: filter, label: taskFilterLabel(t, filter) })), { value: 'all' as const, label: t('common.all') }];
  return narrow ? (
    <Select<TaskFilter | 'all'> aria-label={t('task.state')} style={{ width }} value={value} onChange={onChange} options={options} data-testid="task-state-filter" />
  ) : (
    <Segmented<TaskFilter | 'all'> value={value} onChange={onChange} options={options} data-testid="task-state-filter" />
  );
}

/** Who did it and when, with the evidence, under a done task. */
function DoneBy({ task }: { task: JourneyTask }) {
  const t = useT();
  if (task.status !== 'done') return null;
  return (
    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, overflowWrap: 'anywhere' }} data-testid={`task-done-${task.id}`}>
      {t('task.doneBy', { name: task.done_by_name ?? '', date: task.done_on ?? '' })}
      {task.evidence ? ` · ${t('task.evidenceShown', { evidence: task.evidence })}` : ` · ${t('task.noEvidence')}`}
    </Typography.Text>
  );
}

/**
 * A cursor-paged list of journey tasks: a table, or cards on a phone, with the line of how many are
 * loaded and "load more"; 完成 (CompleteTaskModal) on the tasks the user may complete (access.ts),
 * the task then shown done in place. `showTouch` false leaves out the step and the touch, for a queue
 * of one touch.
 */
export function TaskList({
  list,
  pageSize,
  emptyText,
  showTouch = true,
}: {
  list: CursorList<JourneyTask>;
  pageSize: number;
  emptyText: ReactNode;
  showTouch?: boolean;
}) {
  const t = useT();
  const { me } = useAuth();
  const access = deliveryAccess(me);
  const narrow = !Grid.useBreakpoint().md;
  const complete = useModalTarget<JourneyTask>();
  const replace = (done: JourneyTask) => list.setItems((items) => items.map((item) => (item.id === done.id ? done : item)));

  const customer = (task: JourneyTask) => (
    <Link to={`/customers/${task.customer_id}`} data-testid={`task-customer-${task.id}`}>
      <Typography.Text strong style={{ color: '#1f4fd1' }}>
        {task.customer_name}
      </Typography.Text>
    </Link>
  );
  const unit = (task: JourneyTask) => (
    <Link to={`/units/${task.unit_id}`} className="hearth-mono" data-testid={`task-unit-${task.id}`}>
      {task.unit_code}
    </Link>
  );
  const touch = (task: JourneyTask, withStep = false) => (
    <Flex gap={6} wrap align="center" data-testid={`task-touch-${task.id}`}>
      <span>{withStep ? `${stepTitle(t, task.step, task.step_name)} · ${task.name}` : task.name}</span>
      {!task.standard && <TouchKindTag standard={false} />}
      {/* 一路同行基金公示: the statement to show the owners, of the company's last twelve months. */}
      {task.touch_code === 'fund_statement' && (
        <Link to={`/journey/fund/statement?company_id=${task.company_id}`} data-testid={`task-fund-statement-${task.id}`}>
          {t('task.fundStatement')}
        </Link>
      )}
    </Flex>
  );
  const action = (task: JourneyTask) =>
    access.completeTask(task) ? (
      <Button size="small" type="primary" ghost onClick={() => complete.openModal(task)} data-testid={`task-complete-${task.id}`}>
        {t('task.complete')}
      </Button>
    ) : null;
  // The column is there for those who may complete some touch (customer relations, a consultant).
  const mayAct = access.work || access.acknowledge;

  const columns: TableColumnsType<JourneyTask> = [
    {
      title: t('task.customer'),
      key: 'customer',
      width: 150,
      render: (_, task) => (
        <>
          {customer(task)}
          <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
            {task.project_name}
          </Typography.Text>
        </>
      ),
    },
    { title: t('task.unit'), key: 'unit', width: 100, render: (_, task) => unit(task) },
    ...(showTouch
      ? ([
          { title: t('task.step'), key: 'step', width: 120, render: (_, task) => stepTitle(t, task.step, task.step_name) },
          {
            title: t('task.touch'),
            key: 'touch',
            width: 220,
            render: (_, task) => (
              <>
                {touch(task)}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {teamLabel(t, task.team)}
                </Typography.Text>
              </>
            ),
          },
        ] satisfies TableColumnsType<JourneyTask>)
      : []),
    { title: t('task.dueOn'), dataIndex: 'due_on', key: 'due', width: 110 },
    {
      title: t('task.state'),
      key: 'state',
      width: 200,
      render: (_, task) => (
        <>
          <TaskStateTag state={task.state} testId={`task-state-${task.id}`} />
          <DoneBy task={task} />
        </>
      ),
    },
    ...(mayAct ? ([{ title: t('common.actions'), key: 'actions', width: 90, render: (_, task) => action(task) }] satisfies TableColumnsType<JourneyTask>) : []),
  ];
  const width = (showTouch ? 900 : 560) + (mayAct ? 90 : 0);

  return (
    <>
      {narrow ? (
        <Spin spinning={list.loading}>
          {list.items.length === 0 && !list.loading ? (
            <Typography.Text type="secondary" data-testid="task-empty">
              {emptyText}
            </Typography.Text>
          ) : (
            <Flex vertical data-testid="task-cards">
              {list.items.map((task, index) => (
                <div key={task.id} style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`task-row-${task.id}`}>
                  <Flex justify="space-between" align="flex-start" gap={8}>
                    {customer(task)}
                    <TaskStateTag state={task.state} testId={`task-state-${task.id}`} />
                  </Flex>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, margin: '2px 0 6px' }}>
                    {unit(task)} · {task.project_name}
                  </Typography.Text>
                  {showTouch && <div style={{ fontSize: 13 }}>{touch(task, true)}</div>}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t('task.dueLine', { date: task.due_on, team: teamLabel(t, task.team) })}
                  </Typography.Text>
                  <DoneBy task={task} />
                  {action(task) && <div style={{ marginTop: 8 }}>{action(task)}</div>}
                </div>
              ))}
            </Flex>
          )}
          <CursorListFooter list={list} pageSize={pageSize} />
        </Spin>
      ) : (
        <CursorTable<JourneyTask>
          list={list}
          pageSize={pageSize}
          columns={columns}
          scroll={{ x: width }}
          onRow={(task) => ({ 'data-testid': `task-row-${task.id}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <span data-testid="task-empty">{emptyText}</span> }}
          data-testid="task-table"
        />
      )}
      {complete.modal && <CompleteTaskModal key={complete.modal.key} task={complete.modal.target} onDone={replace} onClose={complete.closeModal} />}
    </>
  );
}
