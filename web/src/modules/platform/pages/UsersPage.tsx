import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Card, Flex, Input, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { userApi } from '../api';
import { useOrgUnits } from '../useOrgUnits';
import { orgPath } from '../orgTree';
import { kRoleColors, roleLabel } from '../labels';
import { UserFormModal, type UserModalTarget } from '../components/UserFormModal';
import { OrgUnitTreeSelect } from '../components/OrgUnitTreeSelect';
import type { User, UserQuery } from '../types';

const kPageSize = 50;

export default function UsersPage() {
  const t = useT();
  const orgUnits = useOrgUnits();
  const [filters, setFilters] = useState<UserQuery>({});
  const [users, setUsers] = useState<User[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // A fresh key per opening mounts a fresh form.
  const [modal, setModal] = useState<{ key: number; target: UserModalTarget } | null>(null);
  const openModal = (target: UserModalTarget) => setModal({ key: Date.now(), target });
  const generation = useRef(0);

  /** Loads the first page for the filters, or the next page when `after` is given. */
  const load = useCallback(async (query: UserQuery, after: string | null) => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const page = await userApi.list({ ...query, limit: kPageSize, cursor: after });
      if (mine !== generation.current) return;
      setUsers((list) => (after ? [...list, ...page.items] : page.items));
      setCursor(page.next_cursor);
      setError(null);
    } catch (err) {
      if (mine === generation.current) setError(err);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(filters, null);
  }, [filters, load]);

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
      width: 100,
      render: (disabled: boolean) =>
        disabled ? (
          <Badge status="default" text={t('user.statusDisabled')} />
        ) : (
          <Badge status="success" text={t('user.statusActive')} />
        ),
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'created_at',
      key: 'created_at',
      width: 180,
      render: (value: string) => formatDateTime(value),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, user) => (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => openModal({ mode: 'edit', user })}>
          {t('common.edit')}
        </Button>
      ),
    },
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
      {!!error && <Alert type="error" showIcon title={errorMessage(t, error)} style={{ marginBottom: 16 }} />}
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
          <Button icon={<ReloadOutlined />} onClick={() => void load(filters, null)} style={{ marginLeft: 'auto' }}>
            {t('common.refresh')}
          </Button>
        </Flex>
        <Table<User>
          rowKey="id"
          columns={columns}
          dataSource={users}
          loading={loading}
          pagination={false}
          size="middle"
          locale={{ emptyText: t('user.empty') }}
          data-testid="user-table"
        />
        <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">{t('common.loadedCount', { count: users.length })}</Typography.Text>
          <Space>
            {cursor ? (
              <Button onClick={() => void load(filters, cursor)} loading={loading} data-testid="load-more">
                {t('common.loadMore')}
              </Button>
            ) : (
              users.length > 0 && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
            )}
          </Space>
        </Flex>
      </Card>
      {modal && (
        <UserFormModal
          key={modal.key}
          target={modal.target}
          tree={orgUnits.tree}
          onClose={() => setModal(null)}
          onSaved={(user, created) =>
            setUsers((list) => (created ? [user, ...list] : list.map((item) => (item.id === user.id ? user : item))))
          }
        />
      )}
    </>
  );
}
