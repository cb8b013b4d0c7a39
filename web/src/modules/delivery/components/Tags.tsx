// The module's small marks, one file for every page (so they travel with the module's shared code, not
// in a chunk of their own that the bundler might merge into the first screen's): statuses as tags, and
// a handover's progress.
import { Flex, Tag } from 'antd';
import { useT } from '../../../app/i18n/useT';
import {
  batchStatusLabel,
  factorStatusLabel,
  kFactorStatusColors,
  kTaskStateColors,
  taskStateLabel,
  handoverStatusLabel,
  kBatchStatusColors,
  kHandoverStatusColors,
  kOpenDayStateColors,
  kSeverityColors,
  openDayState,
  openDayStateLabel,
  severityLabel,
  fundKindLabel,
  kFundKindColors,
  kProposalStatusColors,
  proposalStatusLabel,
  kPrepStateColors,
  kSignupStatusColors,
  prepStateLabel,
  signupStatusLabel,
} from '../labels';
import type { FundEntryKind, FundProposalStatus, OpenDay, PrepState, SignupStatus, TaskState } from '../types';

const kTag = { marginInlineEnd: 0 };

/** 待放行 / 已放行. */
export function BatchStatusTag({ status, testId }: { status: string; testId?: string }) {
  const t = useT();
  return (
    <Tag color={kBatchStatusColors[status]} style={kTag} data-testid={testId} data-status={status}>
      {batchStatusLabel(t, status)}
    </Tag>
  );
}

/** 阻断交付 red, 严重 orange, 一般 blue. */
export function SeverityTag({ severity, testId }: { severity: string; testId?: string }) {
  const t = useT();
  return (
    <Tag color={kSeverityColors[severity]} style={kTag} data-testid={testId} data-severity={severity}>
      {severityLabel(t, severity)}
    </Tag>
  );
}

/** 已预约, 办理中, 已交付, 已取消. */
export function HandoverStatusTag({ status, testId }: { status: string; testId?: string }) {
  const t = useT();
  return (
    <Tag color={kHandoverStatusColors[status]} style={kTag} data-testid={testId} data-status={status}>
      {handoverStatusLabel(t, status)}
    </Tag>
  );
}

/** An open day's state: 待举办, 已举办, 已否决. */
export function OpenDayStateTag({ day }: { day: Pick<OpenDay, 'id' | 'status' | 'held'> }) {
  const t = useT();
  const state = openDayState(day);
  return (
    <Tag color={kOpenDayStateColors[state]} style={kTag} data-testid={`open-day-state-${day.id}`} data-state={state}>
      {openDayStateLabel(t, state)}
    </Tag>
  );
}

/** An open day's 筹备会: 待召开, 即将到期 orange, 已逾期 red, 已召开 green, 已取消. */
export function PrepStateTag({ state, testId }: { state: PrepState; testId?: string }) {
  const t = useT();
  return (
    <Tag color={kPrepStateColors[state]} style={{ ...kTag, flexShrink: 0 }} data-testid={testId} data-state={state}>
      {prepStateLabel(t, state)}
    </Tag>
  );
}

/** A household's sign-up for an open day: 已报名, 已签到, 已取消. */
export function SignupStatusTag({ status, testId }: { status: SignupStatus; testId?: string }) {
  const t = useT();
  return (
    <Tag color={kSignupStatusColors[status]} style={{ ...kTag, flexShrink: 0 }} data-testid={testId} data-status={status}>
      {signupStatusLabel(t, status)}
    </Tag>
  );
}

/** Six segments, the done ones filled: how far a handover has come. */
export function StepProgress({ done, cancelled }: { done: number; cancelled?: boolean }) {
  return (
    <Flex gap={3} aria-hidden style={{ width: 120 }}>
      {Array.from({ length: 6 }, (_, i) => (
        <span key={i} style={{ flex: 1, height: 6, borderRadius: 3, background: i < done ? (cancelled ? '#bfc5cf' : done === 6 ? '#52c41a' : '#1f4fd1') : '#e6e9ef' }} />
      ))}
    </Flex>
  );
}

/** A journey task's state as the server words it: 未到期, 到期待办, 逾期未做, 已完成, 逾期完成. */
export function TaskStateTag({ state, testId }: { state: TaskState; testId?: string }) {
  const t = useT();
  return (
    <Tag color={kTaskStateColors[state]} style={{ ...kTag, flexShrink: 0 }} data-testid={testId} data-state={state}>
      {taskStateLabel(t, state)}
    </Tag>
  );
}

/** 标准动作 (counted by the audit) or 可选动作. */
export function TouchKindTag({ standard }: { standard: boolean }) {
  const t = useT();
  return (
    <Tag color={standard ? 'geekblue' : 'default'} style={kTag}>
      {standard ? t('touch.standard') : t('touch.optional')}
    </Tag>
  );
}

/** 公示中 / 已撤回. */
export function FactorStatusTag({ status, testId }: { status: string; testId?: string }) {
  const t = useT();
  return (
    <Tag color={kFactorStatusColors[status]} style={kTag} data-testid={testId} data-status={status}>
      {factorStatusLabel(t, status)}
    </Tag>
  );
}

/** An entry of the 一路同行 fund: 利润提取, 业主捐赠/共建, 支出, 更正. */
export function FundKindTag({ kind, testId }: { kind: FundEntryKind; testId?: string }) {
  const t = useT();
  return (
    <Tag color={kFundKindColors[kind]} style={{ ...kTag, flexShrink: 0 }} data-testid={testId} data-kind={kind}>
      {fundKindLabel(t, kind)}
    </Tag>
  );
}

/** A fund proposal: 待审批, 已批准, 已驳回. */
export function ProposalStatusTag({ status, testId }: { status: FundProposalStatus; testId?: string }) {
  const t = useT();
  return (
    <Tag color={kProposalStatusColors[status]} style={{ ...kTag, flexShrink: 0 }} data-testid={testId} data-status={status}>
      {proposalStatusLabel(t, status)}
    </Tag>
  );
}
