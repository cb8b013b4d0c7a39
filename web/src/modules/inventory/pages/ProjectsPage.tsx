import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Typography, type TableColumnsType } from 'antd';
import { EnvironmentOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { CursorTable } from '../../../shared/ui/CursorTable';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { useOrgUnits } from '../../platform/useOrgUnits';
import { OrgUnitName } from '../../platform/components/OrgUnitName';
import { dateColumn } from '../../../shared/ui/tableColumns';
import { inventoryApi } from '../api';
import { projectKeys } from '../queries';
import { inventoryAccess } from '../access';
import { ProjectFormModal } from '../components/ProjectFormModal';
import type { Project } from '../types';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';

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
  const queryClient = useQueryClient();
  const projects = useCursorList(projectKeys.list, (cursor, signal) => inventoryApi.listProjects({ limit: kPageSize, cursor }, signal));

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
      render: (id: number) => <OrgUnitName id={id} byId={orgUnits.byId} />,
    },
    {
      title: t('project.completionDate'),
      dataIndex: 'completion_date',
      key: 'completion_date',
      width: 120,
      render: (date: string | null) => date || <Typography.Text type="secondary">{t('project.notCompleted')}</Typography.Text>,
    },
    dateColumn(t('common.createdAt'), 'created_at', 110),
  ];

  return (
    <>
      <PageHeader
        title={t('project.title')}
        description={t('project.description')}
        onRefresh={() => void projects.reload()}
        extra={
          <>
            {access.manage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => openModal('create')} data-testid="new-project">
                {t('project.new')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={projects.error} />
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
          onSaved={(project) => {
            void queryClient.invalidateQueries({ queryKey: projectKeys.all });
            navigate(`/projects/${project.id}`);
          }}
        />
      )}
    </>
  );
}
