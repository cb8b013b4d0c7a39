import { useMemo, useState, type Key } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Empty, Flex, Row, Segmented, Spin, Table, Tag, Tooltip, Transfer, Typography, type TableColumnsType } from 'antd';
import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useT } from '../../../../app/i18n/useT';
import { useAuth } from '../../../../app/auth/useAuth';
import { PageHeader } from '../../../../shared/ui/PageHeader';
import { formatDateTime } from '../../../../shared/ui/formatTime';
import { useOrgUnits } from '../../../platform/useOrgUnits';
import { roleLabel } from '../../../platform/labels';
import { serviceApi } from '../../api';
import { serviceKeys } from '../../queries';
import { serviceAccess, worksTickets } from '../../access';
import { departmentLabel } from '../../labels';
import { kDepartments, type Department, type DepartmentMember } from '../../types';
import { useUsers } from '../../../platform/useUsers';
import { ErrorAlert } from '../../../../shared/ui/ErrorAlert';

interface Candidate {
  key: string;
  title: string;
  username: string;
  description: string;
  disabled: boolean;
}

/** Next in the rotation first: never assigned, then assigned longest ago (the server's order). */
const rotationOrder = (a: DepartmentMember, b: DepartmentMember) =>
  (a.last_assigned_at ?? '').localeCompare(b.last_assigned_at ?? '') || a.user_id - b.user_id;

/**
 * 系统管理 › 部门成员: who works in each department. 轮询分配 on a ticket picks, among the
 * department's members whose org unit contains the ticket's, the one assigned longest ago.
 */
export default function DepartmentMembersPage() {
  const t = useT();
  const { message } = App.useApp();
  const { me } = useAuth();
  const access = serviceAccess(me);
  const users = useUsers();
  const orgUnits = useOrgUnits();
  const [department, setDepartment] = useState<Department>('customer_relations');
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: serviceKeys.departmentMembers(department),
    queryFn: async ({ signal }) => (await serviceApi.departmentMembers(department, signal)).items,
  });
  const members = query.data ?? null;
  const [chosen, setChosen] = useState<string[]>([]);
  // The members the choice was last set from: a fresh answer (or another department) starts it again.
  const [chosenFrom, setChosenFrom] = useState<DepartmentMember[] | null>(null);
  if (members && members !== chosenFrom) {
    setChosenFrom(members);
    setChosen(members.map((m) => String(m.user_id)));
  }
  const [saveError, setSaveError] = useState<unknown>(null);
  const error = saveError ?? query.error;

  const reload = () => {
    setChosenFrom(null);
    setSaveError(null);
    void query.refetch();
  };

  const candidates = useMemo<Candidate[]>(() => {
    // Those who work tickets (not viewers or sales consultants only), and whoever is a member already.
    const memberIds = new Set((members ?? []).map((m) => m.user_id));
    const list: Candidate[] = users.users.filter((u) => worksTickets(u) || memberIds.has(u.id)).map((u) => ({
      key: String(u.id),
      title: u.display_name,
      username: u.username,
      description: [u.roles.map((r) => roleLabel(t, r)).join('、'), u.org_unit_id !== null ? orgUnits.byId.get(u.org_unit_id)?.name : ''].filter(Boolean).join(' · '),
      disabled: u.disabled,
    }));
    // A member the user list does not show (out of the caller's scope) still appears.
    for (const m of members ?? []) {
      if (!users.byId.has(m.user_id)) list.push({ key: String(m.user_id), title: m.display_name, username: m.username, description: '', disabled: false });
    }
    return list;
  }, [users.users, users.byId, members, orgUnits.byId, t]);

  const saved = members ? members.map((m) => String(m.user_id)) : [];
  const dirty = members !== null && (saved.length !== chosen.length || saved.some((key) => !chosen.includes(key)));

  const save = useMutation({
    mutationFn: () => serviceApi.setDepartmentMembers(department, chosen.map(Number)),
    onSuccess: (next) => {
      queryClient.setQueryData(serviceKeys.departmentMembers(department), next.items);
      setSaveError(null);
      message.success(t('members.saved', { department: departmentLabel(t, department), count: next.items.length }));
    },
    onError: setSaveError,
  });

  const rotation: TableColumnsType<DepartmentMember> = [
    { title: '#', key: 'order', width: 44, render: (_, __, index) => index + 1 },
    {
      title: t('members.member'),
      key: 'name',
      render: (_, m, index) => (
        <Flex gap={6} align="center" wrap>
          <Tooltip title={m.username}>
            <Typography.Text strong>{m.display_name}</Typography.Text>
          </Tooltip>
          {index === 0 && (
            <Tag color="green" style={{ marginInlineEnd: 0 }}>
              {t('members.next')}
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      title: t('members.lastAssigned'),
      dataIndex: 'last_assigned_at',
      key: 'last',
      width: 170,
      render: (at: string | null) => (at ? formatDateTime(at) : <Typography.Text type="secondary">{t('members.neverAssigned')}</Typography.Text>),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('members.title')}
        description={t('members.description')}
        onRefresh={reload}
      />
      <ErrorAlert error={error} testId="members-error" />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card
            variant="borderless"
            title={
              <Segmented<Department>
                value={department}
                onChange={(next) => {
                  setSaveError(null);
                  setDepartment(next);
                }}
                options={kDepartments.map((value) => ({ value, label: departmentLabel(t, value) }))}
                data-testid="member-departments"
              />
            }
            extra={
              dirty && (
                <Typography.Text type="warning" data-testid="members-dirty">
                  {t('members.unsaved')}
                </Typography.Text>
              )
            }
          >
            <Spin spinning={query.isFetching && !error}>
              <Transfer<Candidate>
                dataSource={candidates}
                targetKeys={chosen}
                onChange={(keys: Key[]) => setChosen(keys.map(String))}
                titles={[t('members.allUsers'), t('members.members')]}
                showSearch={{ placeholder: t('members.searchPlaceholder') }}
                filterOption={(input, item) => `${item.title} ${item.username} ${item.description}`.toLowerCase().includes(input.trim().toLowerCase())}
                render={(item) => (
                  <span data-testid={`member-candidate-${item.username}`}>
                    {item.title}
                    <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
                      {item.username}
                      {item.description && ` · ${item.description}`}
                    </Typography.Text>
                  </span>
                )}
                disabled={!access.config}
                styles={{ section: { flex: 1, width: 0, height: 420 } }}
                style={{ width: '100%' }}
                data-testid="member-transfer"
              />
            </Spin>
            <Flex gap={8} justify="flex-end" style={{ marginTop: 16 }}>
              <Button icon={<UndoOutlined />} disabled={!dirty} onClick={() => setChosen(saved)}>
                {t('common.reset')}
              </Button>
              <Button type="primary" icon={<SaveOutlined />} disabled={!dirty || !access.config} loading={save.isPending} onClick={() => save.mutate()} data-testid="members-save">
                {t('common.save')}
              </Button>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card variant="borderless" title={t('members.rotationTitle', { department: departmentLabel(t, department) })} style={{ height: '100%' }}>
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              {t('members.rotationHint')}
            </Typography.Paragraph>
            {members && members.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('members.empty')} />
            ) : (
              <Table<DepartmentMember>
                rowKey="user_id"
                size="small"
                columns={rotation}
                dataSource={[...(members ?? [])].sort(rotationOrder)}
                loading={members === null && !error}
                pagination={false}
                data-testid="member-rotation"
              />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
