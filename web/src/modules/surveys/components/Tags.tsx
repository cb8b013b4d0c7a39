// The module's small marks, one file for every page: a survey's status (草稿, 已发布 v2, 已归档, 有未发布修改),
// a wave's (进行中, 已结束), an invitation's state.
import { Flex, Tag, Tooltip } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { invitationStateLabel, kInvitationStateColors, kSurveyStatusColors, kWaveStatusColors, surveyStatusText, waveStatusLabel } from '../labels';
import type { InvitationState, Survey } from '../types';

const kTag = { marginInlineEnd: 0 };

/** 草稿 / 已发布 v2 / 已归档, and 有未发布修改 when the draft differs from the latest version. */
export function SurveyStatusTags({ survey, testId }: { survey: Pick<Survey, 'id' | 'status' | 'published_version' | 'draft_changed'>; testId?: string }) {
  const t = useT();
  return (
    <Flex gap={4} wrap align="center" data-testid={testId}>
      <Tag color={kSurveyStatusColors[survey.status]} style={kTag} data-status={survey.status}>
        {surveyStatusText(t, survey)}
      </Tag>
      {survey.status === 'published' && survey.draft_changed && (
        <Tooltip title={t('survey.draftChangedHint', { next: survey.published_version + 1 })}>
          <Tag color="orange" style={kTag} data-testid={testId ? `${testId}-changed` : undefined}>
            {t('survey.draftChanged')}
          </Tag>
        </Tooltip>
      )}
    </Flex>
  );
}

/** 进行中 / 已结束. */
export function WaveStatusTag({ status, testId }: { status: string; testId?: string }) {
  const t = useT();
  return (
    <Tag color={kWaveStatusColors[status]} style={kTag} data-testid={testId} data-status={status}>
      {waveStatusLabel(t, status)}
    </Tag>
  );
}

/** 待发送, 已发送, 已打开, 已回答, 无联系方式. */
export function InvitationStateTag({ state, testId }: { state: InvitationState; testId?: string }) {
  const t = useT();
  return (
    <Tag color={kInvitationStateColors[state]} style={kTag} data-testid={testId} data-state={state}>
      {invitationStateLabel(t, state)}
    </Tag>
  );
}
