import { useEffect, useState, type HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Card, Flex, Grid, Input, Select, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { PageHeader, RefreshButton } from '../../../shared/ui/PageHeader';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { CursorListFooter } from '../../../shared/ui/CursorTable';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { useDebouncedValue } from '../../../shared/hooks/useDebouncedValue';
import { useParamsPatch } from '../../../shared/hooks/useParamsPatch';
import { kMembersPageSize } from '../api';
import { useClubSettings, useMembers } from '../queries';
import { formatPoints } from '../labels';
import type { ClubMember, MemberFilters, MembersPage as MembersAnswer } from '../types';
import { TierTag } from '../components/Tags';
import { ClubRatesCard } from '../components/ClubRatesCard';

const kSearchDelayMs = 250;

/** The points that expire next, with their day; 无 when none. */
function Expiring({ member }: { member: ClubMember }) {
  const t = useT();
  if (!member.expiring_at || member.expiring_points <= 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span style={{ whiteSpace: 'nowrap' }} data-testid={`member-expiring-${member.id}`}>
      {t('club.expiringValue', { points: formatPoints(member.expiring_points), date: formatDateTime(member.expiring_at).slice(0, 10) })}
    </span>
  );
}

/**
 * /club/members?tier=&q= — 会员: the members enrolled in the user's units, newest first, and how many
 * match (共 N 位): number, customer, tier, balance, the points that expire next, the points of the
 * last twelve months; filtered by tier and by the start of a member number; a page at a time. Each
 * row leads to the member's page; on a phone the rows are cards. Customers are enrolled from their
 * page (万客会 card). Above the list, 会员与非会员: the members' rates against the other owners'.
 */
export default function MembersPage() {
  const t = useT();
  const navigate = useNavigate();
  const narrow = !Grid.useBreakpoint().md;
  const settings = useClubSettings();
  const [params, patch] = useParamsPatch();
  const tier = params.get('tier') ?? '';
  const [typed, setTyped] = useState(() => params.get('q') ?? '');
  const q = useDebouncedValue(typed.trim(), kSearchDelayMs);
  useEffect(() => {
    if ((params.get('q') ?? '') !== q) patch({ q });
    // Only the settled search goes to the address.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);
  const filters: MemberFilters = { tier: tier || undefined, q: q || undefined };
  const members = useMembers(filters);
  const first = members.pages[0] as MembersAnswer | undefined;
  const total = first?.total;

  const name = (member: ClubMember) => (
    <Link to={`/club/members/${member.id}`} onClick={(event) => event.stopPropagation()} data-testid={`member-link-${member.id}`}>
      <Typography.Text strong style={{ color: '#1f4fd1' }}>
        {member.customer_name}
      </Typography.Text>
    </Link>
  );

  const columns: TableColumnsType<ClubMember> = [
    {
      title: t('club.customer'),
      key: 'customer',
      width: 170,
      render: (_, member) => (
        <div>
          {name(member)}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {member.customer_phone}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('club.memberNo'), dataIndex: 'member_no', key: 'member_no', width: 150 },
    { title: t('club.tier'), key: 'tier', width: 100, render: (_, member) => <TierTag code={member.tier} name={member.tier_name} testId={`member-tier-${member.id}`} /> },
    {
      title: t('club.balance'),
      key: 'balance',
      width: 110,
      align: 'right',
      render: (_, member) => (
        <Typography.Text strong data-testid={`member-balance-${member.id}`}>
          {formatPoints(member.balance)}
        </Typography.Text>
      ),
    },
    { title: t('club.expiring'), key: 'expiring', width: 190, render: (_, member) => <Expiring member={member} /> },
    { title: t('club.earned12m'), key: 'earned', width: 120, align: 'right', render: (_, member) => formatPoints(member.earned_12m) },
    { title: t('club.company'), dataIndex: 'org_unit_name', key: 'company', width: 130, ellipsis: true },
    { title: t('club.joinedAt'), key: 'joined', width: 110, render: (_, member) => formatDateTime(member.joined_at).slice(0, 10) },
  ];

  return (
    <>
      <PageHeader title={t('clubMembers.title')} description={t('clubMembers.description')} />
      <ClubRatesCard />
      <ErrorAlert error={members.error} />
      <Card variant="borderless">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Select<string>
            aria-label={t('club.tier')}
            value={tier}
            onChange={(value) => patch({ tier: value })}
            style={{ width: 140 }}
            options={[{ value: '', label: t('clubMembers.allTiers') }, ...(settings.data?.tiers ?? []).map((x) => ({ value: x.code, label: x.name }))]}
            data-testid="members-tier"
          />
          <Input
            allowClear
            prefix={<SearchOutlined style={{ color: '#8c94a3' }} />}
            placeholder={t('clubMembers.searchPlaceholder')}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            maxLength={40}
            style={{ width: 260, maxWidth: '100%' }}
            data-testid="members-search"
          />
          {total !== undefined && (
            <Typography.Text type="secondary" data-testid="members-total" data-total={total}>
              {t('clubMembers.total', { count: formatPoints(total) })}
            </Typography.Text>
          )}
          <RefreshButton onRefresh={() => void members.reload()} style={{ marginLeft: 'auto' }} />
        </Flex>
        {narrow ? (
          <Spin spinning={members.loading && members.items.length === 0}>
            {members.items.length === 0 && !members.loading ? (
              <Typography.Text type="secondary">{tier || q ? t('clubMembers.noMatch') : t('clubMembers.empty')}</Typography.Text>
            ) : (
              <Flex vertical data-testid="member-cards">
                {members.items.map((member, index) => (
                  <div key={member.id} style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`member-row-${member.id}`}>
                    <Flex justify="space-between" align="center" gap={8}>
                      <Flex gap={8} align="center" style={{ minWidth: 0 }}>
                        {name(member)}
                        <TierTag code={member.tier} name={member.tier_name} />
                      </Flex>
                      <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                        {t('club.points', { points: formatPoints(member.balance) })}
                      </Typography.Text>
                    </Flex>
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
                      {member.member_no} · {member.org_unit_name}
                    </Typography.Text>
                    {member.expiring_at && member.expiring_points > 0 && (
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        {t('club.expiring')}：<Expiring member={member} />
                      </Typography.Text>
                    )}
                  </div>
                ))}
              </Flex>
            )}
          </Spin>
        ) : (
          <Table<ClubMember>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={members.items}
            loading={members.loading}
            pagination={false}
            scroll={{ x: 1080 }}
            onRow={(member) => ({ onClick: () => navigate(`/club/members/${member.id}`), style: { cursor: 'pointer' }, 'data-testid': `member-row-${member.id}` }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: tier || q ? t('clubMembers.noMatch') : t('clubMembers.empty') }}
            data-testid="members-table"
          />
        )}
        <CursorListFooter list={members} pageSize={kMembersPageSize} />
      </Card>
    </>
  );
}
