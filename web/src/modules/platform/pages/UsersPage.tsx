import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Flex, Input, Popconfirm, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, LockOutlined, PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { PageHeader, RefreshButton } from '../../../shared/ui/PageHeader';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { dateTimeColumn, actionsColumn } from '../../../shared/ui/tableColumns';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { CursorTable } from '../../../shared/ui/CursorTable';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { userApi } from '../api';
import { userKeys } from '../queries';
import { useOrgUnits } from '../useOrgUnits';
import { orgPath } from '../orgTree';
import { kRoleColors, roleLabel } from '../labels';
import { UserFormModal, type UserModalTarget } from '../components/UserFormModal';
import { OrgUnitTreeSelect } from '../components/OrgUnitTreeSelect';
import type { User, UserQuery } from '../types';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';

const kPageSize = 50;

export default function UsersPage() {
  const t = useT();
  const orgUnits = useOrgUnits();
  const [filters, setFilters] = useState<UserQuery>({});
  const { modal, openModal, closeModal } = useModalTarget<UserModalTarget>();
  const users = useCursorList(userKeys.list(filters), (cursor, signal) => userApi.list({ ...filters, limit: kPageSize, cursor }, signal));
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  /** Unlocks an account locked by failed logins; the failed-login count starts again. */
  const unlock = async (user: User) => {
    try {
      const saved = await userApi.update(user.id, { locked: false }, user.version);
      users.setItems((list) => list.map((item) => (item.id === saved.id ? saved : item)));
      void message.success(t('user.unlocked', { name: user.display_name || user.username }));
    } catch (err) {
      void message.error(errorMessage(t, err));
    }
  };

  const orgName = (id: number | null) => {
    if (id === null) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
    const unit = orgUnits.byId.get(id);
    if (!unit) return t('user.unknownOrgUnit', { id });
    return (
      <Tooltip title={orgPath(orgUnits.byId, id)}>
        <span>{unit.name}</span>
      </Tooltip>
    );
  };

  const columns: TableColumnsType<User> = [
    {
      title: t('user.username'),
      dataIndex: 'username',
      key: 'username',
      width: 180,
      render: (username: string) => <Typography.Text strong>{username}</Typography.Text>,
    },
    { title: t('user.displayName'), dataIndex: 'display_name', key: 'display_name', width: 200 },
    {
      title: t('user.roles'),
      dataIndex: 'roles',
      key: 'roles',
      width: 220,
      render: (roles: string[]) => (
        <Flex gap={4} wrap>
          {roles.map((role) => (
            <Tag key={role} color={kRoleColors[role]} style={{ marginInlineEnd: 0 }}>
              {roleLabel(t, role)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { title: t('user.orgUnit'), dataIndex: 'org_unit_id', key: 'org_unit_id', render: orgName },
    {
      title: t('user.status'),
      dataIndex: 'disabled',
      key: 'disabled',
      width: 120,
      render: (disabled: boolean, user) =>
        disabled ? (
          <Badge status="default" text={t('user.statusDisabled')} />
        ) : user.locked ? (
          <Tooltip title={t('user.lockedHint')}>
            <Tag color="red" icon={<LockOutlined />} data-testid="user-locked">
              {t('user.statusLocked')}
            </Tag>
          </Tooltip>
        ) : (
          <Badge status="success" text={t('user.statusActive')} />
        ),
    },
    dateTimeColumn(t('common.createdAt'), 'created_at', 180),
    actionsColumn(t('common.actions'), 160, (user) => (
      <Flex gap={4}>
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => openModal({ mode: 'edit', user })}>
          {t('common.edit')}
        </Button>
        {user.locked && (
          <Popconfirm title={t('user.unlockConfirm', { name: user.display_name || user.username })} onConfirm={() => void unlock(user)}>
            <Button type="link" size="small" icon={<UnlockOutlined />} data-testid="user-unlock">
              {t('user.unlock')}
            </Button>
          </Popconfirm>
        )}
      </Flex>
    )),
  ];

  return (
    <>
      <PageHeader
        title={t('user.title')}
        description={t('user.description')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => openModal({ mode: 'create', orgUnitId: filters.org_unit_id })}
            data-testid="new-user"
          >
            {t('user.new')}
          </Button>
        }
      />
      <ErrorAlert error={users.error} />
      <Card variant="borderless">
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('user.searchPlaceholder')}
            enterButton={t('common.search')}
            style={{ width: 320 }}
            onSearch={(q) => setFilters((current) => ({ ...current, q: q.trim() || undefined }))}
            data-testid="user-search"
          />
          <OrgUnitTreeSelect
            tree={orgUnits.tree}
            allowClear
            placeholder={t('user.filterOrgUnit')}
            style={{ width: 260 }}
            onChange={(value) => setFilters((current) => ({ ...current, org_unit_id: value ?? undefined }))}
          />
          <RefreshButton onRefresh={() => void users.reload()} style={{ marginLeft: 'auto' }} />
        </Flex>
        <CursorTable<User>
          list={users}
          columns={columns}
          locale={{ emptyText: t('user.empty') }}
          data-testid="user-table"
        />
      </Card>
      {modal && (
        <UserFormModal
          key={modal.key}
          target={modal.target}
          tree={orgUnits.tree}
          onClose={closeModal}
          onSaved={(user, created) => {
            users.setItems((list) => (created ? [user, ...list] : list.map((item) => (item.id === user.id ? user : item))));
            void queryClient.invalidateQueries({ queryKey: userKeys.everyone });
          }}
        />
      )}
    </>
  );
}
