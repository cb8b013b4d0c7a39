import { useEffect, type HTMLAttributes, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Flex, Grid, Segmented, Select, Spin, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { HistoryOutlined, PhoneOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { CursorListFooter, CursorTable } from '../../../shared/ui/CursorTable';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { salesApi } from '../api';
import { collectionKeys } from '../queries';
import { salesAccess } from '../access';
import { dunningStageLabel, dunningStatusLabel, formatMinute, kDunningStageColors, kDunningStatusColors } from '../labels';
import { kDunningStages, kDunningStatuses, type DunningQuery, type DunningStatus, type DunningTask } from '../types';
import { BuyerLinks, Overdue } from './ContractCells';
import { DunningModal } from './DunningModal';
import { ProjectFilter } from './ProjectFilter';

const kPageSize = 50;

/** 待跟进 (open and promised, the server's default), or one status. */
export type DunningView = 'active' | DunningStatus;

export interface DunningFilters {
  view: DunningView;
  stage: number | undefined;
  projectId: number | undefined;
  mine: boolean;
}

function StageTag({ task }: { task: DunningTask }) {
  const t = useT();
  return (
    <Tooltip title={t(`dunning.stageHint.${task.stage as 1 | 2 | 3}`)}>
      <Tag color={kDunningStageColors[task.stage] ?? 'default'} style={{ marginInlineEnd: 0 }} data-testid={`dunning-stage-${task.id}`} data-stage={task.stage}>
        {dunningStageLabel(t, task.stage)}
      </Tag>
    </Tooltip>
  );
}

function StatusCell({ task }: { task: DunningTask }) {
  const t = useT();
  return (
    <Flex vertical gap={2} align="flex-start" data-testid={`dunning-status-${task.id}`} data-status={task.status}>
      <Tag color={kDunningStatusColors[task.status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
        {dunningStatusLabel(t, task.status)}
      </Tag>
      {task.status === 'promised' && task.promised_on && (
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {t('dunning.promisedOn', { date: task.promised_on })}
        </Typography.Text>
      )}
    </Flex>
  );
}

function ContractCell({ task }: { task: DunningTask }) {
  return (
    <Flex vertical gap={0} style={{ minWidth: 0 }}>
      <Link to={`/sales/contracts/${task.contract_id}`} data-testid={`dunning-contract-${task.id}`}>
        <Typography.Text strong style={{ color: '#1f4fd1' }}>
          {task.contract_no}
        </Typography.Text>
      </Link>
      <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 180 }}>
        {task.project_name} {task.unit_code}
      </Typography.Text>
    </Flex>
  );
}

function OverdueCell({ task }: { task: DunningTask }) {
  const t = useT();
  return (
    <Flex vertical gap={0}>
      <Overdue cents={task.overdue_cents} testId={`dunning-overdue-${task.id}`} />
      {task.status !== 'closed' && (
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }} data-testid={`dunning-days-${task.id}`}>
          {t('dunning.daysOverdue', { days: task.days_overdue })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/**
 * 回款催收: the dunning tasks in scope, newest first — by status (待跟进: to chase and promised; or
 * 待催收, 已承诺, 已结清), stage, project, and the caller's contracts only (a consultant's default). Each
 * names the contract, the buyers, what is overdue since when, the stage and the last contact; the
 * contract's consultant or a manager records a contact (记录催收), anyone in scope reads them. On a
 * phone the tasks are cards.
 */
export function DunningTasks({
  projects,
  filters,
  onChange,
  openTaskId,
  onOpened,
}: {
  projects: Map<number, string>;
  filters: DunningFilters;
  onChange: (change: Partial<DunningFilters>) => void;
  /** A task to open at once (a notification's link: ?task=), and what is told once it is open. */
  openTaskId?: number;
  onOpened?: () => void;
}) {
  const t = useT();
  const { me } = useAuth();
  const access = salesAccess(me);
  const narrow = !Grid.useBreakpoint().md;
  const open = useModalTarget<DunningTask>();
  const { view, stage, projectId, mine } = filters;

  const query: DunningQuery = {
    ...(view !== 'active' ? { status: view } : {}),
    ...(stage ? { stage } : {}),
    ...(projectId ? { project_id: projectId } : {}),
    ...(mine ? { mine: true } : {}),
    limit: kPageSize,
  };
  const list = useCursorList(collectionKeys.dunningList(query), (cursor, signal) => salesApi.listDunning({ ...query, cursor }, signal));

  // The task a notification named, read on its own (it may be on no page of the list, or closed since).
  const linked = useQuery({
    queryKey: [...collectionKeys.dunning, openTaskId ?? 0],
    queryFn: ({ signal }) => salesApi.getDunningTask(openTaskId!, signal),
    enabled: openTaskId !== undefined,
  });
  const { openModal } = open;
  useEffect(() => {
    if (!linked.data) return;
    openModal(linked.data);
    onOpened?.();
    // Once per task read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [linked.data, openModal]);

  const mayRecord = (task: DunningTask) => access.write && (access.manage || task.consultant_id === me?.id);
  const action = (task: DunningTask): ReactNode => {
    const record = mayRecord(task) && task.status !== 'closed';
    return (
      <Button
        size="small"
        type={record ? 'primary' : 'default'}
        icon={record ? <PhoneOutlined /> : <HistoryOutlined />}
        onClick={() => open.openModal(task)}
        data-testid={`dunning-open-${task.id}`}
      >
        {record ? t('dunning.record') : t('dunning.history')}
      </Button>
    );
  };
  const lastContact = (task: DunningTask) =>
    task.last_contact_at ? formatMinute(task.last_contact_at) : <Typography.Text type="secondary">{t('dunning.never')}</Typography.Text>;

  const columns: TableColumnsType<DunningTask> = [
    { title: t('dunning.contract'), key: 'contract', width: 180, render: (_, task) => <ContractCell task={task} /> },
    { title: t('dunning.buyers'), key: 'buyers', width: 150, render: (_, task) => <BuyerLinks buyers={task.buyers} /> },
    { title: t('dunning.consultant'), dataIndex: 'consultant_name', key: 'consultant', width: 90 },
    { title: t('dunning.stage'), key: 'stage', width: 90, render: (_, task) => <StageTag task={task} /> },
    { title: t('dunning.overdue'), key: 'overdue', width: 120, align: 'right', render: (_, task) => <OverdueCell task={task} /> },
    { title: t('dunning.oldestDue'), dataIndex: 'oldest_due_on', key: 'due', width: 100 },
    { title: t('dunning.status'), key: 'status', width: 130, render: (_, task) => <StatusCell task={task} /> },
    { title: t('dunning.lastContact'), key: 'contact', width: 130, render: (_, task) => lastContact(task) },
    { title: t('common.actions'), key: 'actions', width: 110, render: (_, task) => action(task) },
  ];

  const empty = view === 'active' ? t('dunning.empty') : t('dunning.emptyStatus', { status: dunningStatusLabel(t, view) });

  return (
    <div data-testid="dunning-tasks">
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Segmented<DunningView>
          value={view}
          onChange={(next) => onChange({ view: next })}
          options={[
            { value: 'active', label: t('dunning.tab.active') },
            ...kDunningStatuses.map((status) => ({ value: status, label: dunningStatusLabel(t, status) })),
          ]}
          data-testid="dunning-view"
        />
        <Select<number>
          allowClear
          aria-label={t('dunning.stageFilter')}
          placeholder={t('dunning.allStages')}
          style={{ width: 150 }}
          value={stage}
          onChange={(next) => onChange({ stage: next ?? undefined })}
          options={kDunningStages.map((value) => ({ value, label: dunningStageLabel(t, value) }))}
          data-testid="dunning-stage"
        />
        <ProjectFilter projects={projects} value={projectId} onChange={(next) => onChange({ projectId: next ?? undefined })} />
        <Checkbox checked={mine} onChange={(event) => onChange({ mine: event.target.checked })} data-testid="dunning-mine">
          {t('dunning.mine')}
        </Checkbox>
      </Flex>
      <ErrorAlert error={list.error ?? linked.error} />
      {narrow ? (
        <Spin spinning={list.loading}>
          {list.items.length === 0 && !list.loading ? (
            <Typography.Text type="secondary">{empty}</Typography.Text>
          ) : (
            <Flex vertical data-testid="dunning-cards">
              {list.items.map((task, index) => (
                <div key={task.id} style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`dunning-row-${task.id}`}>
                  <Flex justify="space-between" align="flex-start" gap={8}>
                    <ContractCell task={task} />
                    <StageTag task={task} />
                  </Flex>
                  <Flex justify="space-between" align="flex-start" gap={8} style={{ marginTop: 6 }}>
                    <div style={{ minWidth: 0 }}>
                      <BuyerLinks buyers={task.buyers} />
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        {task.consultant_name} · {t('dunning.oldestDue')} {task.oldest_due_on}
                      </Typography.Text>
                    </div>
                    <OverdueCell task={task} />
                  </Flex>
                  <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 6 }}>
                    <StatusCell task={task} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('dunning.lastContact')} {lastContact(task)}
                    </Typography.Text>
                    <span style={{ marginLeft: 'auto' }}>{action(task)}</span>
                  </Flex>
                </div>
              ))}
            </Flex>
          )}
          <CursorListFooter list={list} pageSize={kPageSize} />
        </Spin>
      ) : (
        <CursorTable<DunningTask>
          list={list}
          pageSize={kPageSize}
          columns={columns}
          scroll={{ x: 1100 }}
          onRow={(task) => ({ 'data-testid': `dunning-row-${task.id}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: empty }}
          data-testid="dunning-table"
        />
      )}
      {open.modal && <DunningModal key={open.modal.key} task={open.modal.target} mayRecord={mayRecord(open.modal.target)} onClose={open.closeModal} />}
    </div>
  );
}
