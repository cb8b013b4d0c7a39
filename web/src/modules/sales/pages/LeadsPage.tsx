import { useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Card, Flex, Select, Tabs, Typography, type TableColumnsType } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import type { MessageKey } from '../../../app/i18n/messages';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { CursorTable } from '../../../shared/ui/CursorTable';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { dateColumn } from '../../../shared/ui/tableColumns';
import { useProjectNames } from '../../inventory/queries';
import { salesApi } from '../api';
import { leadKeys } from '../queries';
import { salesAccess } from '../access';
import { leadStatusOptions } from '../labels';
import { kLeadStatuses, type Lead, type LeadQuery, type LeadStatus } from '../types';
import { IntentTag, LeadCustomer, NextFollowUp, Protection } from '../components/LeadCells';
import { ClaimButton } from '../components/ClaimButton';
import { ProjectFilter } from '../components/ProjectFilter';

const kPageSize = 50;

/** 我的客户 (mine), 今日跟进 (a follow-up due by tonight), 公客池 (protection lapsed), 全部. */
const kTabs = ['mine', 'due', 'pool', 'all'] as const;
type LeadTab = (typeof kTabs)[number];

const kTabLabels: Record<LeadTab, MessageKey> = { mine: 'lead.tab.mine', due: 'lead.tab.due', pool: 'lead.tab.pool', all: 'lead.tab.all' };

const tabOf = (value: string | null): LeadTab => (kTabs as readonly string[]).includes(value ?? '') ? (value as LeadTab) : 'mine';

function queryOf(tab: LeadTab, projectId: number | undefined, status: LeadStatus | undefined): LeadQuery {
  return {
    ...(tab === 'mine' ? { mine: true } : tab === 'due' ? { due: true } : tab === 'pool' ? { pool: true } : {}),
    ...(projectId ? { project_id: projectId } : {}),
    ...(tab === 'all' && status ? { status } : {}),
    limit: kPageSize,
  };
}

/**
 * /sales/leads — a consultant's customers (判客 leads): their own, those to follow up today, the
 * shared pool to claim from, or all in scope; the address keeps the tab and the project. Each row
 * opens the lead.
 */
export default function LeadsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { me } = useAuth();
  const access = salesAccess(me);
  const projects = useProjectNames();
  const [params, setParams] = useSearchParams();
  const tab = tabOf(params.get('tab'));
  const projectParam = Number(params.get('project_id'));
  const projectId = Number.isInteger(projectParam) && projectParam > 0 ? projectParam : undefined;
  const statusParam = params.get('status');
  const status = (kLeadStatuses as readonly string[]).includes(statusParam ?? '') ? (statusParam as LeadStatus) : undefined;
  const now = Date.now();

  const show = (change: { tab?: LeadTab; project_id?: number | null; status?: LeadStatus | null }) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value === undefined) continue;
      if (value === null || (key === 'tab' && value === 'mine')) next.delete(key);
      else next.set(key, String(value));
    }
    if (change.tab && change.tab !== 'all') next.delete('status');
    setParams(next, { replace: true });
  };

  const query = queryOf(tab, projectId, status);
  const leads = useCursorList(leadKeys.list(query), (cursor, signal) => salesApi.listLeads({ ...query, cursor }, signal));

  const columns: TableColumnsType<Lead> = [
    { title: t('lead.customer'), key: 'customer', width: 150, render: (_, lead) => <LeadCustomer lead={lead} testId={`lead-link-${lead.id}`} /> },
    { title: t('lead.project'), dataIndex: 'project_name', key: 'project', width: 150, ellipsis: true },
    { title: t('lead.intent'), dataIndex: 'intent', key: 'intent', width: 90, render: (_, lead) => <IntentTag intent={lead.intent} testId={`lead-intent-${lead.id}`} /> },
    { title: t('lead.consultant'), dataIndex: 'consultant_name', key: 'consultant', width: 110 },
    { title: t('lead.protection'), key: 'protection', width: 150, render: (_, lead) => <Protection lead={lead} testId={`lead-protection-${lead.id}`} /> },
    {
      title: t('lead.nextFollowUp'),
      dataIndex: 'next_follow_up_at',
      key: 'next',
      width: 150,
      render: (at: string | null, lead) => <NextFollowUp at={at} now={now} testId={`lead-next-${lead.id}`} />,
    },
    { title: t('lead.visits'), dataIndex: 'visits', key: 'visits', width: 80, align: 'right' },
    dateColumn(t('lead.registeredAt'), 'registered_at', 110),
    ...(tab === 'pool' && access.write
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            fixed: 'right' as const,
            render: (_: unknown, lead: Lead) => (
              <ClaimButton lead={lead} size="small" type="primary" ghost data-testid={`claim-${lead.id}`} onClaimed={() => void leads.reload()} />
            ),
          },
        ]
      : []),
  ];

  const empty: Record<LeadTab, string> = {
    mine: t('lead.emptyMine'),
    due: t('lead.emptyDue'),
    pool: t('lead.emptyPool'),
    all: t('lead.emptyAll'),
  };

  return (
    <>
      <PageHeader
        title={t('lead.listTitle')}
        description={t('lead.listDescription')}
        onRefresh={() => void leads.reload()}
        extra={
          access.write && (
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => navigate('/sales/register')} data-testid="go-register">
              {t('register.title')}
            </Button>
          )
        }
      />
      <ErrorAlert error={leads.error} />
      <Card variant="borderless" styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => show({ tab: key as LeadTab })}
          data-testid="lead-tabs"
          items={kTabs.map((key) => ({ key, label: t(kTabLabels[key]) }))}
        />
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <ProjectFilter projects={projects} value={projectId} onChange={(project_id) => show({ project_id })} />
          {tab === 'all' && (
            <Select<LeadStatus>
              allowClear
              aria-label={t('lead.status')}
              placeholder={t('lead.filterStatus')}
              style={{ width: 140, maxWidth: '100%' }}
              value={status}
              onChange={(value) => show({ status: value ?? null })}
              options={leadStatusOptions(t)}
              data-testid="filter-status"
            />
          )}
          {tab === 'pool' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('lead.poolHint')}
            </Typography.Text>
          )}
        </Flex>
        <CursorTable<Lead>
          list={leads}
          pageSize={kPageSize}
          columns={columns}
          scroll={{ x: 1080 }}
          locale={{ emptyText: empty[tab] }}
          data-testid="lead-table"
        />
      </Card>
    </>
  );
}
