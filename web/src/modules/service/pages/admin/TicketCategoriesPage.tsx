import { useMemo, useState, type Key } from 'react';
import { App, Button, Card, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined, StopOutlined, CheckCircleOutlined, TagsOutlined } from '@ant-design/icons';
import { useT } from '../../../../app/i18n/useT';
import { PageHeader } from '../../../../shared/ui/PageHeader';
import { TreeTable } from '../../../../shared/ui/TreeTable';
import { useModalTarget } from '../../../../shared/hooks/useModalTarget';
import { errorMessage } from '../../../../shared/ui/apiErrors';
import { serviceApi } from '../../api';
import { warrantyLabel } from '../../labels';
import { useCategoryList } from '../../useCategories';
import type { TicketCategory } from '../../types';
import { CategoryFormModal, type CategoryModalTarget, type CategoryTreeNode } from '../../components/admin/CategoryFormModal';
import { ErrorAlert } from '../../../../shared/ui/ErrorAlert';
import { actionsColumn } from '../../../../shared/ui/tableColumns';

interface Row extends TicketCategory {
  children?: Row[];
}

function byPosition(a: TicketCategory, b: TicketCategory) {
  return a.position - b.position || a.id - b.id;
}

/** 系统管理 › 工单分类: the category tree, with warranty types; add, rename, reorder, retire. */
export default function TicketCategoriesPage() {
  const t = useT();
  const { message } = App.useApp();
  const { items, loading, error, reload, upsert } = useCategoryList();
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);
  const { modal, openModal, closeModal } = useModalTarget<CategoryModalTarget>();

  const { rows, selectTree, parents } = useMemo(() => {
    const sorted = [...items].sort(byPosition);
    const nodes = new Map<number, Row>(sorted.map((c) => [c.id, { ...c }]));
    const roots: Row[] = [];
    for (const c of sorted) {
      const node = nodes.get(c.id)!;
      const parent = c.parent_id === null ? undefined : nodes.get(c.parent_id);
      if (parent) (parent.children ??= []).push(node);
      else roots.push(node);
    }
    const toSelect = (list: Row[]): CategoryTreeNode[] =>
      list.filter((r) => r.active).map((r) => ({ value: r.id, title: r.name, children: toSelect(r.children ?? []) }));
    return { rows: roots, selectTree: toSelect(roots), parents: sorted.filter((c) => nodes.get(c.id)?.children).map((c) => c.id) };
  }, [items]);

  const toggle = async (category: TicketCategory) => {
    try {
      const saved = await serviceApi.updateCategory(category.id, { active: !category.active }, category.version);
      upsert(saved);
      message.success(t('serviceAdmin.categorySaved', { name: saved.name }));
    } catch (err) {
      message.error(errorMessage(t, err));
      void reload();
    }
  };

  const columns: TableColumnsType<Row> = [
    {
      title: t('serviceAdmin.categoryName'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, row) => (
        <Typography.Text strong={row.parent_id === null} type={row.active ? undefined : 'secondary'} delete={!row.active}>
          {name}
        </Typography.Text>
      ),
    },
    {
      title: t('serviceAdmin.categoryWarranty'),
      dataIndex: 'warranty',
      key: 'warranty',
      width: 160,
      render: (warranty: string | null | undefined) => (warranty ? <Tag color="cyan">{warrantyLabel(t, warranty)}</Tag> : <Typography.Text type="secondary">—</Typography.Text>),
    },
    { title: t('serviceAdmin.categoryPosition'), dataIndex: 'position', key: 'position', width: 90 },
    {
      title: t('serviceAdmin.categoryActive'),
      dataIndex: 'active',
      key: 'active',
      width: 100,
      render: (active: boolean) => (active ? <Tag color="green">{t('serviceAdmin.categoryEnabled')}</Tag> : <Tag>{t('serviceAdmin.categoryDisabled')}</Tag>),
    },
    actionsColumn(t('common.actions'), 300, (row) => (
      <Space size={0}>
        {row.active && (
          <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => openModal({ mode: 'create', parentId: row.id })}>
            {t('serviceAdmin.categoryNewChild')}
          </Button>
        )}
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => openModal({ mode: 'edit', category: row })}>
          {t('common.edit')}
        </Button>
        <Button
          type="link"
          size="small"
          danger={row.active}
          icon={row.active ? <StopOutlined /> : <CheckCircleOutlined />}
          onClick={() => void toggle(row)}
          data-testid={`category-toggle-${row.id}`}
        >
          {row.active ? t('serviceAdmin.categoryDisable') : t('serviceAdmin.categoryEnable')}
        </Button>
      </Space>
    )),
  ];

  return (
    <>
      <PageHeader
        title={t('serviceAdmin.categoriesTitle')}
        description={t('serviceAdmin.categoriesDescription')}
        onRefresh={() => void reload()}
        extra={
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openModal({ mode: 'create', parentId: null })} data-testid="new-category">
              {t('serviceAdmin.categoryNew')}
            </Button>
          </>
        }
      />
      <ErrorAlert error={error} />
      <Card
        variant="borderless"
        title={
          <Space>
            <TagsOutlined />
            {t('serviceAdmin.categoryCount', { count: items.length })}
          </Space>
        }
        styles={{ body: { paddingTop: 0 } }}
      >
        <TreeTable<Row>
          rows={rows}
          columns={columns}
          loading={loading}
          expanded={expanded ?? parents}
          onExpandedChange={setExpanded}
          emptyText={t('serviceAdmin.categoriesEmpty')}
          testId="category-table"
        />
      </Card>
      {modal && (
        <CategoryFormModal
          key={modal.key}
          target={modal.target}
          tree={selectTree}
          onClose={closeModal}
          onSaved={(category) => {
            upsert(category);
            const parent = category.parent_id;
            if (parent !== null) setExpanded((keys) => ((keys ?? parents).includes(parent) ? keys : [...(keys ?? parents), parent]));
          }}
        />
      )}
    </>
  );
}
