import type { HTMLAttributes, ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Card, Flex, Grid, Spin, Tabs, Typography, type TableColumnsType } from 'antd';
import { GiftOutlined, UserAddOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { CursorListFooter, CursorTable } from '../../../shared/ui/CursorTable';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { dateColumn } from '../../../shared/ui/tableColumns';
import { useProjectNames } from '../../inventory/queries';
import { salesApi } from '../api';
import { referralKeys } from '../queries';
import { salesAccess } from '../access';
import { formatDay, formatMoney, referralStatusLabel } from '../labels';
import { kReferralStatuses, type Referral, type ReferralQuery, type ReferralStatus as Status } from '../types';
import { ProjectFilter } from '../components/ProjectFilter';
import { ReferralContract, ReferralPerson, ReferralStatus } from '../components/ReferralCells';
import { ReferralModal } from '../components/ReferralModal';
import { PayReferralModal } from '../components/PayReferralModal';

const kPageSize = 50;

type ReferralTab = 'all' | Status;

const tabOf = (value: string | null): ReferralTab => ((kReferralStatuses as readonly string[]).includes(value ?? '') ? (value as Status) : 'all');

/**
 * /sales/referrals — 老带新: the referrals in scope, newest first, by status (全部, 待签约, 待发放,
 * 已发放) and project; the address keeps both. Who may write registers a referral here; a manager
 * pays an earned reward (发放). On a phone the rows are cards.
 */
export default function ReferralsPage() {
  const t = useT();
  const { me } = useAuth();
  const access = salesAccess(me);
  const narrow = !Grid.useBreakpoint().md;
  const projects = useProjectNames();
  const [params, setParams] = useSearchParams();
  const tab = tabOf(params.get('status'));
  const projectParam = Number(params.get('project_id'));
  const projectId = Number.isInteger(projectParam) && projectParam > 0 ? projectParam : undefined;
  const register = useModalTarget<true>();
  const pay = useModalTarget<Referral>();

  const show = (change: { status?: ReferralTab; project_id?: number | null }) => {
    const next = new URLSearchParams(params);
    if (change.status !== undefined) {
      if (change.status === 'all') next.delete('status');
      else next.set('status', change.status);
    }
    if (change.project_id !== undefined) {
      if (change.project_id) next.set('project_id', String(change.project_id));
      else next.delete('project_id');
    }
    setParams(next, { replace: true });
  };

  const query: ReferralQuery = { ...(tab !== 'all' ? { status: tab } : {}), ...(projectId ? { project_id: projectId } : {}), limit: kPageSize };
  const list = useCursorList(referralKeys.list(query), (cursor, signal) => salesApi.listReferrals({ ...query, cursor }, signal));

  const payButton = (referral: Referral) =>
    access.manage && referral.status === 'earned' ? (
      <Button type="primary" size="small" icon={<GiftOutlined />} onClick={() => pay.openModal(referral)} data-testid={`pay-${referral.id}`}>
        {t('referral.pay')}
      </Button>
    ) : null;

  const columns: TableColumnsType<Referral> = [
    {
      title: t('referral.referrer'),
      key: 'referrer',
      width: 120,
      render: (_, r) => <ReferralPerson id={r.referrer_id} name={r.referrer_name} testId={`referrer-${r.id}`} />,
    },
    {
      title: t('referral.referee'),
      key: 'referee',
      width: 120,
      render: (_, r) => <ReferralPerson id={r.referee_id} name={r.referee_name} testId={`referee-${r.id}`} />,
    },
    { title: t('referral.project'), dataIndex: 'project_name', key: 'project', width: 140, ellipsis: true },
    { title: t('referral.consultant'), dataIndex: 'consultant_name', key: 'consultant', width: 110 },
    {
      title: t('referral.reward'),
      dataIndex: 'reward_cents',
      key: 'reward',
      width: 100,
      align: 'right',
      render: (cents: number, r) => <span data-testid={`reward-${r.id}`}>{formatMoney(cents)}</span>,
    },
    { title: t('referral.status'), key: 'status', width: 120, render: (_, r) => <ReferralStatus referral={r} testId={`referral-status-${r.id}`} /> },
    { title: t('referral.contract'), key: 'contract', width: 170, render: (_, r) => <ReferralContract referral={r} testId={`referral-contract-${r.id}`} /> },
    dateColumn(t('referral.createdAt'), 'created_at', 110),
    ...(access.manage ? [{ title: t('common.actions'), key: 'actions', width: 90, render: (_: unknown, r: Referral) => payButton(r) }] : []),
  ];

  const empty = tab === 'all' ? t('referral.empty') : t('referral.emptyStatus', { status: referralStatusLabel(t, tab) });

  return (
    <>
      <PageHeader
        title={t('referral.listTitle')}
        description={t('referral.listDescription')}
        onRefresh={() => void list.reload()}
        extra={
          access.write && (
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => register.openModal(true)} data-testid="referral-register">
              {t('referral.register')}
            </Button>
          )
        }
      />
      <ErrorAlert error={list.error} />
      <Card variant="borderless" styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => show({ status: key as ReferralTab })}
          data-testid="referral-tabs"
          items={[
            { key: 'all', label: t('referral.tab.all') },
            ...kReferralStatuses.map((status) => ({ key: status, label: referralStatusLabel(t, status) })),
          ]}
        />
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <ProjectFilter projects={projects} value={projectId} onChange={(project_id) => show({ project_id })} />
        </Flex>
        {narrow ? (
          <Spin spinning={list.loading}>
            {list.items.length === 0 && !list.loading ? (
              <Typography.Text type="secondary">{empty}</Typography.Text>
            ) : (
              <Flex vertical data-testid="referral-cards">
                {list.items.map((r, index) => (
                  <ReferralCard key={r.id} referral={r} first={index === 0} action={payButton(r)} />
                ))}
              </Flex>
            )}
            <CursorListFooter list={list} pageSize={kPageSize} />
          </Spin>
        ) : (
          <CursorTable<Referral>
            list={list}
            pageSize={kPageSize}
            columns={columns}
            scroll={{ x: 1080 }}
            onRow={(r) => ({ 'data-testid': `referral-row-${r.id}` }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: empty }}
            data-testid="referral-table"
          />
        )}
      </Card>
      {register.modal && <ReferralModal key={register.modal.key} projectId={projectId} onClose={register.closeModal} />}
      {pay.modal && <PayReferralModal key={pay.modal.key} referral={pay.modal.target} onClose={pay.closeModal} />}
    </>
  );
}

/** A referral on a phone: who referred whom, the status on the right; the project, consultant, reward and contract under it. */
function ReferralCard({ referral: r, first, action }: { referral: Referral; first: boolean; action: ReactNode }) {
  const t = useT();
  return (
    <div style={{ padding: '12px 0', borderTop: first ? undefined : '1px solid #f0f2f5' }} data-testid={`referral-row-${r.id}`}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <div style={{ minWidth: 0 }}>
          <ReferralPerson id={r.referrer_id} name={r.referrer_name} testId={`referrer-${r.id}`} />
          <Typography.Text type="secondary"> → </Typography.Text>
          <ReferralPerson id={r.referee_id} name={r.referee_name} testId={`referee-${r.id}`} />
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {r.project_name} · {r.consultant_name} · {formatDay(r.created_at)}
          </Typography.Text>
        </div>
        <ReferralStatus referral={r} testId={`referral-status-${r.id}`} />
      </Flex>
      <Flex align="center" gap={12} wrap style={{ marginTop: 6 }}>
        <span>
          <Typography.Text type="secondary">{t('referral.reward')} </Typography.Text>
          <Typography.Text strong data-testid={`reward-${r.id}`}>
            {formatMoney(r.reward_cents)}
          </Typography.Text>
        </span>
        <ReferralContract referral={r} testId={`referral-contract-${r.id}`} />
        {action && <span style={{ marginLeft: 'auto' }}>{action}</span>}
      </Flex>
    </div>
  );
}
