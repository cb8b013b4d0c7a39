import { useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Tooltip, Typography, type TableColumnsType } from 'antd';
import { EnvironmentOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { CursorTable } from '../../../shared/ui/CursorTable';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { useOrgUnits } from '../../platform/useOrgUnits';
import { orgPath } from '../../platform/orgTree';
import { inventoryApi } from '../api';
import { inventoryAccess } from '../access';
import { ProjectFormModal } from '../components/ProjectFormModal';
import type { Project } from '../types';

const kPageSize = 50;

const dash = <Typography.Text type="secondary">—</Typography.Text>;

/** /projects — the projects (楼盘) in the user's scope; a click opens the sales-control board. */
export default function ProjectsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { me } = useAuth();
  const access = inventoryAccess(me);
  const orgUnits = useOrgUnits();
  const { modal, openModal, closeModal } = useModalTarget<'create'>();
  const projects = useCursorList((cursor) => inventoryApi.listProjects({ limit: kPageSize, cursor }), []);

  const columns: TableColumnsType<Project> = [
    {
      title: t('project.name'),
      dataIndex: 'name',
      key: 'name',
      width: 200,
      render: (name: string) => (
        <Typography.Text strong style={{ color: '#1f4fd1' }}>
          {name}
        </Typography.Text>
      ),
    },
    { title: t('project.city'), dataIndex: 'city', key: 'city', width: 90, render: (city: string) => city || dash },
    {
      title: t('project.address'),
      dataIndex: 'address',
      key: 'address',
      ellipsis: true,
      render: (address: string) =>
        address ? (
          <span>
            <EnvironmentOutlined style={{ color: '#8c94a3', marginInlineEnd: 6 }} />
            {address}
          </span>
        ) : (
          dash
        ),
    },
    {
      title: t('project.orgUnit'),
      dataIndex: 'org_unit_id',
      key: 'org_unit_id',
      width: 150,
      render: (id: number) => {
        const unit = orgUnits.byId.get(id);
        if (!unit) return <Typography.Text type="secondary">{t('user.unknownOrgUnit', { id })}</Typography.Text>;
        return (
          <Tooltip title={orgPath(orgUnits.byId, id)}>
            <span>{unit.name}</span>
          </Tooltip>
        );
      },
    },
    {
      title: t('project.completionDate'),
      dataIndex: 'completion_date',
      key: 'completion_date',
      width: 120,
      render: (date: string | null) => date || <Typography.Text type="secondary">{t('project.notCompleted')}</Typography.Text>,
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'created_at',
      key: 'created_at',
      width: 110,
      render: (at: string) => (
        <Tooltip title={formatDateTime(at)}>
          <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at).slice(0, 10)}</span>
        </Tooltip>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('project.title')}
        description={t('project.description')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => void projects.reload()}>
              {t('common.refresh')}
            </Button>
            {access.manage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => openModal('create')} data-testid="new-project">
                {t('project.new')}
              </Button>
            )}
          </>
        }
      />
      {!!projects.error && <Alert type="error" showIcon title={errorMessage(t, projects.error)} style={{ marginBottom: 16 }} />}
      <Card variant="borderless">
        <CursorTable<Project>
          list={projects}
          columns={columns}
          scroll={{ x: 900 }}
          onRow={(project) => ({ onClick: () => navigate(`/projects/${project.id}`), style: { cursor: 'pointer' } })}
          locale={{ emptyText: t('project.empty') }}
          data-testid="project-table"
        />
      </Card>
      {modal && (
        <ProjectFormModal
          key={modal.key}
          orgUnitId={me?.org_unit_id ?? undefined}
          tree={orgUnits.tree}
          onClose={closeModal}
          onSaved={(project) => navigate(`/projects/${project.id}`)}
        />
      )}
    </>
  );
}
