import { Flex, Tag, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../../app/i18n/useT';
import { useModalTarget } from '../../../../shared/hooks/useModalTarget';
import { unitStatusLabel } from '../../../inventory/labels';
import { serviceApi } from '../../api';
import { serviceKeys } from '../../queries';
import { departmentLabel, gradeLabel, kindLabel } from '../../labels';
import type { RoutingRule } from '../../types';
import { useCategories } from '../../useCategories';
import { useProjectNames } from '../../../inventory/queries';
import { useConfigList } from '../../useConfigList';
import { ConfigListPage, DeleteAction } from '../../components/admin/ConfigListPage';
import { RoutingRuleFormModal } from '../../components/admin/RoutingRuleFormModal';
import { actionsColumn } from '../../../../shared/ui/tableColumns';

/** 系统管理 › 分派规则: the rules new tickets are matched against, in order. */
export default function RoutingRulesPage() {
  const t = useT();
  const categories = useCategories();
  const projects = useProjectNames();
  const { modal, openModal, closeModal } = useModalTarget<true>();
  const rules = useConfigList<RoutingRule>({
    queryKey: serviceKeys.routingRules,
    read: async (signal) => (await serviceApi.routingRules(signal)).items,
    destroy: (rule) => serviceApi.deleteRoutingRule(rule.id),
    deleted: (rule) => t('serviceAdmin.ruleDeleted', { name: rule.name }),
  });

  const condition = (label: string, value: string) => (
    <Tag key={label} style={{ marginInlineEnd: 0 }}>
      {label}：{value}
    </Tag>
  );

  const columns: TableColumnsType<RoutingRule> = [
    { title: t('serviceAdmin.rulePosition'), dataIndex: 'position', key: 'position', width: 80 },
    {
      title: t('serviceAdmin.ruleName'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, rule) => (
        <Typography.Text strong type={rule.active ? undefined : 'secondary'}>
          {name}
          {!rule.active && <Tag style={{ marginInlineStart: 8 }}>{t('serviceAdmin.ruleInactive')}</Tag>}
        </Typography.Text>
      ),
    },
    {
      title: t('serviceAdmin.ruleConditions'),
      key: 'conditions',
      render: (_, rule) => {
        const parts = [
          rule.kind && condition(t('serviceAdmin.ruleKind'), kindLabel(t, rule.kind)),
          rule.category_id !== null && condition(t('serviceAdmin.ruleCategory'), categories.path(rule.category_id) || `#${rule.category_id}`),
          rule.grade && condition(t('serviceAdmin.ruleGrade'), gradeLabel(t, rule.grade)),
          rule.project_id !== null && condition(t('serviceAdmin.ruleProject'), projects.get(rule.project_id) ?? `#${rule.project_id}`),
          rule.unit_status && condition(t('serviceAdmin.ruleUnitStatus'), unitStatusLabel(t, rule.unit_status)),
        ].filter(Boolean);
        return parts.length ? (
          <Flex gap={4} wrap>
            {parts}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('serviceAdmin.ruleAny')}</Typography.Text>
        );
      },
    },
    {
      title: t('serviceAdmin.ruleDepartment'),
      dataIndex: 'department',
      key: 'department',
      width: 130,
      render: (department: string) => <Tag color="blue">{departmentLabel(t, department)}</Tag>,
    },
    actionsColumn(t('common.actions'), 100, (rule) => <DeleteAction confirm={t('serviceAdmin.ruleDeleteConfirm', { name: rule.name })} onConfirm={() => rules.remove(rule)} testId={`rule-delete-${rule.id}`} />),
  ];

  const nextPosition = rules.items.reduce((max, r) => Math.max(max, r.position), 0) + 10;
  return (
    <ConfigListPage<RoutingRule>
      title={t('serviceAdmin.rulesTitle')}
      description={t('serviceAdmin.rulesDescription')}
      newLabel={t('serviceAdmin.ruleNew')}
      newTestId="new-rule"
      onNew={() => openModal(true)}
      list={rules}
      columns={columns}
      order={(a, b) => a.position - b.position || a.id - b.id}
      emptyText={t('serviceAdmin.rulesEmpty')}
      tableTestId="rule-table"
    >
      {modal && (
        <RoutingRuleFormModal
          key={modal.key}
          categories={categories.tree}
          projects={projects}
          nextPosition={nextPosition}
          onClose={closeModal}
          onSaved={rules.add}
        />
      )}
    </ConfigListPage>
  );
}
