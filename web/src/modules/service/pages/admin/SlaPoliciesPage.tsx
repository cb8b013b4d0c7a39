import { Button, Flex, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useT } from '../../../../app/i18n/useT';
import type { Translate } from '../../../../app/i18n/i18nContext';
import { useModalTarget } from '../../../../shared/hooks/useModalTarget';
import { serviceApi } from '../../api';
import { serviceKeys } from '../../queries';
import { gradeLabel, kindLabel } from '../../labels';
import type { SlaPolicy } from '../../types';
import { useCategories } from '../../useCategories';
import { useConfigList } from '../../useConfigList';
import { ConfigListPage, DeleteAction } from '../../components/admin/ConfigListPage';
import { SlaPolicyFormModal, type SlaPolicyModalTarget } from '../../components/admin/SlaPolicyFormModal';
import { actionsColumn } from '../../../../shared/ui/tableColumns';

/** "24 工作小时" / "4.5 工作小时" of minutes of working time. */
export function workingHours(t: Translate, minutes: number): string {
  const hours = Math.round((minutes / 60) * 100) / 100;
  return t('serviceAdmin.slaHours', { hours });
}

/** How specific a policy is (category, then grade, then kind), for the order shown. */
const specificity = (p: SlaPolicy) => (p.category_id !== null ? 4 : 0) + (p.grade ? 2 : 0) + (p.kind ? 1 : 0);

/** 系统管理 › SLA 策略: response and resolution limits in working hours. */
export default function SlaPoliciesPage() {
  const t = useT();
  const categories = useCategories();
  const { modal, openModal, closeModal } = useModalTarget<SlaPolicyModalTarget>();
  const policies = useConfigList<SlaPolicy>({
    queryKey: serviceKeys.slaPolicies,
    read: async (signal) => (await serviceApi.slaPolicies(signal)).items,
    destroy: (policy) => serviceApi.deleteSlaPolicy(policy.id),
    deleted: (policy) => t('serviceAdmin.slaDeleted', { name: policy.name }),
  });

  const scope = (label: string, value: string) => (
    <Tag key={label} style={{ marginInlineEnd: 0 }}>
      {label}：{value}
    </Tag>
  );

  const columns: TableColumnsType<SlaPolicy> = [
    { title: t('serviceAdmin.slaName'), dataIndex: 'name', key: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    {
      title: t('serviceAdmin.slaAppliesTo'),
      key: 'scope',
      render: (_, p) => {
        const parts = [
          p.category_id !== null && scope(t('serviceAdmin.ruleCategory'), categories.path(p.category_id) || t('serviceAdmin.unknownCategory')),
          p.grade && scope(t('serviceAdmin.ruleGrade'), gradeLabel(t, p.grade)),
          p.kind && scope(t('serviceAdmin.ruleKind'), kindLabel(t, p.kind)),
        ].filter(Boolean);
        return parts.length ? (
          <Flex gap={4} wrap>
            {parts}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('serviceAdmin.slaDefault')}</Typography.Text>
        );
      },
    },
    { title: t('serviceAdmin.slaResponse'), dataIndex: 'response_minutes', key: 'response', width: 150, render: (m: number) => workingHours(t, m) },
    { title: t('serviceAdmin.slaResolve'), dataIndex: 'resolve_minutes', key: 'resolve', width: 150, render: (m: number) => workingHours(t, m) },
    actionsColumn(t('common.actions'), 170, (p) => (
      <Space size={0}>
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => openModal({ mode: 'edit', policy: p })} data-testid={`sla-edit-${p.id}`}>
          {t('common.edit')}
        </Button>
        <DeleteAction confirm={t('serviceAdmin.slaDeleteConfirm', { name: p.name })} onConfirm={() => policies.remove(p)} testId={`sla-delete-${p.id}`} />
      </Space>
    )),
  ];

  return (
    <ConfigListPage<SlaPolicy>
      title={t('serviceAdmin.slaTitle')}
      description={t('serviceAdmin.slaDescription')}
      newLabel={t('serviceAdmin.slaNew')}
      newTestId="new-sla"
      onNew={() => openModal({ mode: 'create' })}
      list={policies}
      columns={columns}
      order={(a, b) => specificity(a) - specificity(b) || a.id - b.id}
      emptyText={t('serviceAdmin.slaEmpty')}
      tableTestId="sla-table"
    >
      {modal && <SlaPolicyFormModal key={modal.key} target={modal.target} categories={categories.tree} onClose={closeModal} onSaved={policies.replace} />}
    </ConfigListPage>
  );
}
