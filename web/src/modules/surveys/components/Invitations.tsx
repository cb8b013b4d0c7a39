import { useMemo, type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { Flex, Grid, Segmented, Select, Spin, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { CursorListFooter, CursorTable } from '../../../shared/ui/CursorTable';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { useParamsPatch } from '../../../shared/hooks/useParamsPatch';
import { surveysApi } from '../api';
import { waveKeys } from '../queries';
import { cohortLabel, cohortOptions, invitationStateLabel } from '../labels';
import { kCohorts, kInvitationStates, type InvitationQuery, type InvitationState, type SurveyInvitation, type SurveyWave } from '../types';
import { InvitationStateTag } from './Tags';

const kPageSize = 50;
/** A time of the log, short: "11-22 09:00" this year, "2025-11-22 09:00" before; "—" when it has not happened. */
const when = (value: string | null) => {
  if (!value) return '—';
  const time = formatDateTime(value);
  return time.startsWith(String(new Date().getFullYear())) ? time.slice(5, 16) : time.slice(0, 16);
};

/** The owner's link to copy (customer relations, while the invitation is unanswered). */
function CopyLink({ invitation }: { invitation: SurveyInvitation }) {
  const t = useT();
  if (!invitation.url) return null;
  return (
    <Typography.Text copyable={{ text: invitation.url, tooltips: [t('invitation.copy'), t('invitation.copied')] }} style={{ whiteSpace: 'nowrap' }} data-testid={`invitation-link-${invitation.id}`}>
      {t('invitation.link')}
    </Typography.Text>
  );
}

/** The reminders sent, and when the last went. */
function Reminders({ invitation }: { invitation: SurveyInvitation }) {
  const t = useT();
  if (invitation.reminders === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tooltip title={t('invitation.lastReminded', { at: when(invitation.reminded_at) })}>
      <span>{t('invitation.remindedTimes', { count: invitation.reminders })}</span>
    </Tooltip>
  );
}

/** The log of an invitation on a phone: each time that happened, in one line. */
function TimesLine({ invitation }: { invitation: SurveyInvitation }) {
  const t = useT();
  const parts = [
    invitation.sent_at && t('invitation.sentAt', { at: when(invitation.sent_at) }),
    invitation.opened_at && t('invitation.openedAt', { at: when(invitation.opened_at) }),
    invitation.answered_at && t('invitation.answeredAt', { at: when(invitation.answered_at) }),
  ].filter(Boolean);
  return <span style={{ fontSize: 12 }}>{parts.join(' · ') || '—'}</span>;
}

/**
 * The wave's invitations in the user's projects, filtered by state, project and cohort (kept in the
 * address): the owner by name (to their page), the masked phone, the home (to its page), the
 * cohort, the state in words, the reminders, the times; the link to copy while unanswered. On a
 * phone the rows are cards.
 */
export function Invitations({ wave }: { wave: SurveyWave }) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const [params, patch] = useParamsPatch();
  const stateParam = params.get('state');
  const state = kInvitationStates.find((value) => value === stateParam);
  const cohortParam = params.get('cohort');
  const cohort = kCohorts.find((value) => value === cohortParam);
  const projectParam = Number(params.get('project_id'));
  const projectId = Number.isInteger(projectParam) && projectParam > 0 ? projectParam : undefined;
  const query: InvitationQuery = { ...(state ? { status: state } : {}), ...(projectId ? { project_id: projectId } : {}), ...(cohort ? { cohort } : {}), limit: kPageSize };
  const invitations = useCursorList(waveKeys.invitations(wave.id, query), (cursor, signal) => surveysApi.invitations(wave.id, { ...query, cursor }, signal));

  const projects = useMemo(() => {
    const names = new Map<number, string>();
    for (const cell of [...wave.sampling.plan, ...wave.progress]) if (cell.project_name) names.set(cell.project_id, cell.project_name);
    return [...names].map(([value, label]) => ({ value, label }));
  }, [wave]);

  const owner = (invitation: SurveyInvitation) => (
    <Link to={`/customers/${invitation.customer_id}`} data-testid={`invitation-owner-${invitation.id}`}>
      {invitation.customer_name}
    </Link>
  );
  const home = (invitation: SurveyInvitation) => (
    <Link to={`/units/${invitation.unit_id}`} className="hearth-mono">
      {invitation.unit_code}
    </Link>
  );

  const columns: TableColumnsType<SurveyInvitation> = [
    { title: t('invitation.owner'), key: 'owner', width: 110, render: (_, invitation) => owner(invitation) },
    { title: t('invitation.phone'), dataIndex: 'customer_phone', key: 'phone', width: 120, render: (phone: string) => <span className="hearth-mono">{phone}</span> },
    { title: t('invitation.unit'), key: 'unit', width: 100, render: (_, invitation) => home(invitation) },
    { title: t('invitation.project'), dataIndex: 'project_name', key: 'project', width: 120, ellipsis: true },
    { title: t('invitation.cohort'), key: 'cohort', width: 80, render: (_, invitation) => cohortLabel(t, invitation.cohort) },
    { title: t('invitation.state'), key: 'state', width: 100, render: (_, invitation) => <InvitationStateTag state={invitation.state} testId={`invitation-state-${invitation.id}`} /> },
    { title: t('invitation.sent'), key: 'sent', width: 100, render: (_, invitation) => when(invitation.sent_at) },
    { title: t('invitation.opened'), key: 'opened', width: 100, render: (_, invitation) => when(invitation.opened_at) },
    { title: t('invitation.answered'), key: 'answered', width: 100, render: (_, invitation) => when(invitation.answered_at) },
    { title: t('invitation.reminders'), key: 'reminders', width: 90, render: (_, invitation) => <Reminders invitation={invitation} /> },
    { title: t('invitation.linkColumn'), key: 'link', width: 100, render: (_, invitation) => <CopyLink invitation={invitation} /> },
  ];

  const stateOptions: { value: InvitationState | 'all'; label: string }[] = [{ value: 'all', label: t('common.all') }, ...kInvitationStates.map((value) => ({ value, label: invitationStateLabel(t, value) }))];
  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        {narrow ? (
          <Select<InvitationState | 'all'>
            value={state ?? 'all'}
            options={stateOptions}
            onChange={(value) => patch({ state: value === 'all' ? null : value })}
            style={{ width: 140 }}
            aria-label={t('invitation.state')}
            data-testid="invitation-state-filter"
          />
        ) : (
          <Segmented<InvitationState | 'all'>
            value={state ?? 'all'}
            options={stateOptions}
            onChange={(value) => patch({ state: value === 'all' ? null : value })}
            data-testid="invitation-state-filter"
          />
        )}
        <Select
          allowClear
          value={cohort}
          placeholder={t('results.allCohorts')}
          options={cohortOptions(t)}
          onChange={(value) => patch({ cohort: value ?? null })}
          style={{ width: 130 }}
          aria-label={t('invitation.cohort')}
          data-testid="invitation-cohort-filter"
        />
        <Select<number>
          allowClear
          value={projectId}
          placeholder={t('results.allProjects')}
          options={projects}
          onChange={(value) => patch({ project_id: value ?? null })}
          style={{ width: narrow ? '100%' : 180 }}
          aria-label={t('invitation.project')}
          data-testid="invitation-project-filter"
        />
      </Flex>
      <ErrorAlert error={invitations.error} />
      {narrow ? (
        <Spin spinning={invitations.loading}>
          {invitations.items.length === 0 && !invitations.loading ? (
            <Typography.Text type="secondary">{t('invitation.empty')}</Typography.Text>
          ) : (
            <Flex vertical data-testid="invitation-cards">
              {invitations.items.map((invitation, index) => (
                <div key={invitation.id} style={{ padding: '10px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`invitation-row-${invitation.id}`}>
                  <Flex justify="space-between" align="flex-start" gap={8}>
                    <Flex gap={8} align="baseline" wrap style={{ minWidth: 0 }}>
                      {owner(invitation)}
                      <span className="hearth-mono">{invitation.customer_phone}</span>
                    </Flex>
                    <InvitationStateTag state={invitation.state} testId={`invitation-state-${invitation.id}`} />
                  </Flex>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, margin: '2px 0 4px' }}>
                    {invitation.project_name} · {home(invitation)} · {cohortLabel(t, invitation.cohort)}
                    {invitation.reminders > 0 ? ` · ${t('invitation.remindedCount', { count: invitation.reminders })}` : ''}
                  </Typography.Text>
                  <Flex justify="space-between" align="flex-end" gap={8}>
                    <TimesLine invitation={invitation} />
                    <CopyLink invitation={invitation} />
                  </Flex>
                </div>
              ))}
            </Flex>
          )}
          <CursorListFooter list={invitations} pageSize={kPageSize} />
        </Spin>
      ) : (
        <CursorTable<SurveyInvitation>
          list={invitations}
          pageSize={kPageSize}
          columns={columns}
          scroll={{ x: 1080 }}
          onRow={(invitation) => ({ 'data-testid': `invitation-row-${invitation.id}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('invitation.empty') }}
          data-testid="invitation-table"
        />
      )}
    </>
  );
}
