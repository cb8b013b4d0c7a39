import { useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Card, Tabs } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { hasAnyRole, kAdminRoles } from '../../../app/auth/authContext';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { MessageLog } from '../../platform/components/MessageLog';
import { useProjectNames } from '../../inventory/queries';
import { collectionKeys } from '../queries';
import { salesAccess } from '../access';
import { kDunningStatuses, kFunnelBys, type FunnelBy, type ReportQuery } from '../types';
import { DunningTasks, type DunningFilters, type DunningView } from '../components/DunningTasks';
import { CollectionsReport } from '../components/CollectionsReport';
import { FunnelReport } from '../components/FunnelReport';
import { VisitorProfileReport } from '../components/VisitorProfileReport';

const kTabs = ['dunning', 'collections', 'funnel', 'profile', 'messages'] as const;
type ReportTab = (typeof kTabs)[number];

const kDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * /sales/reports?tab= — 报表与回款: 回款催收 (the overdue contracts to chase, components/DunningTasks),
 * 回款账龄 (receivables by age per project), 销售漏斗 (by channel, consultant or project), 来访画像 (who
 * visited), and for managers and administrators 短信记录 (the message gateway's log). The address keeps
 * the tab and the filters (project, period, grouping, status, stage, 只看我的); ?task= (a notification's
 * link) opens that task's dialog.
 */
export default function SalesReportsPage() {
  const t = useT();
  const { me } = useAuth();
  const access = salesAccess(me);
  const managers = hasAnyRole(me, kAdminRoles);
  const queryClient = useQueryClient();
  const projects = useProjectNames();
  const [params, setParams] = useSearchParams();

  const asked = params.get('tab');
  const tab: ReportTab = (kTabs as readonly string[]).includes(asked ?? '') && (asked !== 'messages' || managers) ? (asked as ReportTab) : 'dunning';
  const project = Number(params.get('project_id'));
  const projectId = Number.isInteger(project) && project > 0 ? project : undefined;
  const from = kDate.test(params.get('from') ?? '') ? params.get('from')! : undefined;
  const to = kDate.test(params.get('to') ?? '') ? params.get('to')! : undefined;
  const period: ReportQuery = { ...(projectId ? { project_id: projectId } : {}), ...(from && to ? { from, to } : {}) };
  const by: FunnelBy = (kFunnelBys as readonly string[]).includes(params.get('by') ?? '') ? (params.get('by') as FunnelBy) : 'channel';
  const status = params.get('status');
  const stage = Number(params.get('stage'));
  // A consultant sees their own contracts first; a manager everyone's in scope.
  const mineParam = params.get('mine');
  const linkedTask = Number(params.get('task'));
  const dunning: DunningFilters = {
    view: (kDunningStatuses as readonly string[]).includes(status ?? '') ? (status as DunningView) : 'active',
    stage: stage >= 1 && stage <= 3 ? stage : undefined,
    projectId,
    mine: mineParam === null ? !access.manage : mineParam === '1',
  };

  /** Sets (a value) or drops (undefined, null, '') address parameters. */
  const show = (change: Record<string, string | number | undefined | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value === undefined || value === null || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next, { replace: true });
  };
  const onProject = (id: number | null) => show({ project_id: id });
  const onPeriod = (nextFrom: string, nextTo: string) => show({ from: nextFrom, to: nextTo });

  const refresh = () => {
    const key = tab === 'dunning' ? collectionKeys.dunning : tab === 'messages' ? ['messages'] : ['sales-reports'];
    void queryClient.invalidateQueries({ queryKey: key });
  };

  const content = () => {
    switch (tab) {
      case 'collections':
        return <CollectionsReport projects={projects} projectId={projectId} onProject={onProject} />;
      case 'funnel':
        return <FunnelReport projects={projects} query={period} by={by} onBy={(next) => show({ by: next === 'channel' ? null : next })} onProject={onProject} onPeriod={onPeriod} />;
      case 'profile':
        return <VisitorProfileReport projects={projects} query={period} onProject={onProject} onPeriod={onPeriod} />;
      case 'messages':
        return <MessageLog purpose={params.get('purpose') ?? undefined} onPurpose={(purpose) => show({ purpose })} />;
      default:
        return (
          <DunningTasks
            projects={projects}
            filters={dunning}
            openTaskId={Number.isInteger(linkedTask) && linkedTask > 0 ? linkedTask : undefined}
            onOpened={() => show({ task: null })}
            onChange={(change) =>
              show({
                ...(change.view !== undefined ? { status: change.view === 'active' ? null : change.view } : {}),
                ...('stage' in change ? { stage: change.stage } : {}),
                ...('projectId' in change ? { project_id: change.projectId } : {}),
                ...(change.mine !== undefined ? { mine: change.mine === !access.manage ? null : change.mine ? '1' : '0' } : {}),
              })
            }
          />
        );
    }
  };

  return (
    <>
      <PageHeader title={t('salesReports.title')} description={t('salesReports.description')} onRefresh={refresh} />
      <Card variant="borderless" styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => show({ tab: key === 'dunning' ? null : key })}
          data-testid="reports-tabs"
          items={kTabs
            .filter((key) => key !== 'messages' || managers)
            .map((key) => ({ key, label: t(`salesReports.tab.${key}`) }))}
        />
        {content()}
      </Card>
    </>
  );
}
