import { useEffect, useMemo, useState, type Key, type ReactNode } from 'react';
import { Alert, Button, Card, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { ApartmentOutlined, BankOutlined, ClusterOutlined, EditOutlined, EnvironmentOutlined, HomeOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { TreeTable } from '../../../shared/ui/TreeTable';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { dateTimeColumn, actionsColumn } from '../../../shared/ui/tableColumns';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { useOrgUnits } from '../useOrgUnits';
import { parentIds, type OrgTreeNode } from '../orgTree';
import { kindLabel, kKindColors } from '../labels';
import { OrgUnitFormModal, type OrgUnitModalTarget } from '../components/OrgUnitFormModal';
import type { OrgUnitKind } from '../types';

const kKindIcons: Record<OrgUnitKind, ReactNode> = {
  group: <BankOutlined />,
  region: <ClusterOutlined />,
  city: <EnvironmentOutlined />,
  project: <HomeOutlined />,
};

export default function OrgUnitsPage() {
  const t = useT();
  const { units, byId, tree, loading, error, reload, upsert } = useOrgUnits();
  const { modal, openModal, closeModal } = useModalTarget<OrgUnitModalTarget>();
  const [expanded, setExpanded] = useState<readonly Key[]>([]);
  const allParents = useMemo(() => parentIds(tree), [tree]);

  // Open the whole tree once it first arrives; later the user's choice stands.
  const [seeded, setSeeded] = useState(false);
  useEffect(() => {
    if (!seeded && units.length) {
      setExpanded(allParents);
      setSeeded(true);
    }
  }, [seeded, units.length, allParents]);

  const columns: TableColumnsType<OrgTreeNode> = [
    {
      title: t('org.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, unit) => (
        <Space size={8}>
          <span style={{ color: '#5b6b8c' }}>{kKindIcons[unit.kind]}</span>
          <Typography.Text strong={unit.parent_id === null}>{name}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('org.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 140,
      render: (kind: OrgUnitKind) => <Tag color={kKindColors[kind]}>{kindLabel(t, kind)}</Tag>,
    },
    { title: t('common.id'), dataIndex: 'id', key: 'id', width: 90 },
    { title: t('common.version'), dataIndex: 'version', key: 'version', width: 90 },
    dateTimeColumn(t('common.updatedAt'), 'updated_at', 190),
    actionsColumn(t('common.actions'), 220, (unit) => (
      <Space size={0}>
        {unit.kind !== 'project' && (
          <Button
            type="link"
            size="small"
            icon={<PlusOutlined />}
            onClick={() => openModal({ mode: 'create', parentId: unit.id })}
          >
            {t('org.newChild')}
          </Button>
        )}
        <Button
          type="link"
          size="small"
          icon={<EditOutlined />}
          onClick={() => openModal({ mode: 'rename', unit: byId.get(unit.id) ?? unit })}
        >
          {t('org.rename')}
        </Button>
      </Space>
    )),
  ];

  const allOpen = expanded.length >= allParents.length && allParents.length > 0;

  return (
    <>
      <PageHeader
        title={t('org.title')}
        description={t('org.description')}
        onRefresh={() => void reload()}
        extra={
          <>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => openModal({ mode: 'create', parentId: tree[0]?.id ?? null })}
              data-testid="new-org-unit"
            >
              {t('org.new')}
            </Button>
          </>
        }
      />
      {!!error && (
        <Alert type="error" showIcon title={errorMessage(t, error)} style={{ marginBottom: 16 }} />
      )}
      <Card
        variant="borderless"
        title={
          <Space>
            <ApartmentOutlined />
            {t('org.count', { count: units.length })}
          </Space>
        }
        extra={
          <Button type="link" onClick={() => setExpanded(allOpen ? [] : allParents)}>
            {allOpen ? t('org.collapseAll') : t('org.expandAll')}
          </Button>
        }
        styles={{ body: { paddingTop: 0 } }}
      >
        <TreeTable<OrgTreeNode>
          rows={tree}
          columns={columns}
          loading={loading}
          expanded={expanded}
          onExpandedChange={setExpanded}
          emptyText={t('org.empty')}
          testId="org-unit-table"
        />
      </Card>
      {modal && (
        <OrgUnitFormModal
          key={modal.key}
          target={modal.target}
          tree={tree}
          byId={byId}
          onClose={closeModal}
          onSaved={(unit) => {
            upsert(unit);
            const parent = unit.parent_id;
            if (parent !== null) setExpanded((keys) => (keys.includes(parent) ? keys : [...keys, parent]));
          }}
        />
      )}
    </>
  );
}
