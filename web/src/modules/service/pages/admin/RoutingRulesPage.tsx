import { useState } from 'react';
import { App, Button, Flex, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, CheckCircleOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { useT } from '../../../../app/i18n/useT';
import { errorMessage } from '../../../../shared/ui/apiErrors';
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
import { RoutingRuleFormModal, routingRuleInput, type RoutingRuleModalTarget } from '../../components/admin/RoutingRuleFormModal';
import { actionsColumn } from '../../../../shared/ui/tableColumns';
import { useOrgUnits } from '../../../platform/useOrgUnits';
import { OrgUnitName } from '../../../platform/components/OrgUnitName';

/** The order the server tries the rules in: by position, then id. */
const byPosition = (a: RoutingRule, b: RoutingRule) => a.position - b.position || a.id - b.id;

/** The step between positions when the rules are numbered again (10, 20, 30…). */
const kPositionStep = 10;

/**
 * 系统管理 › 分派规则: the rules new tickets are matched against, in order; each may be edited,
 * moved up or down (the rules are numbered again 10, 20, 30… where they need it), turned off and on,
 * or deleted.
 */
export default function RoutingRulesPage() {
  const t = useT();
  const { message } = App.useApp();
  const categories = useCategories();
  const projects = useProjectNames();
  const orgUnits = useOrgUnits();
  const { modal, openModal, closeModal } = useModalTarget<RoutingRuleModalTarget>();
  // The rule being moved or switched (its buttons spin, the others wait).
  const [busy, setBusy] = useState<number | null>(null);
  const rules = useConfigList<RoutingRule>({
    queryKey: serviceKeys.routingRules,
    read: async (signal) => (await serviceApi.routingRules(signal)).items,
    destroy: (rule) => serviceApi.deleteRoutingRule(rule.id),
    deleted: (rule) => t('serviceAdmin.ruleDeleted', { name: rule.name }),
  });

  const sorted = [...rules.items].sort(byPosition);

  /** PUTs each rule whose position differs from `positions`, one after another; reads the list again on failure. */
  const renumber = async (ruleId: number, positions: Map<number, number>) => {
    setBusy(ruleId);
    try {
      for (const rule of sorted) {
        const position = positions.get(rule.id);
        if (position === undefined || position === rule.position) continue;
        rules.replace(await serviceApi.updateRoutingRule(rule.id, routingRuleInput(rule, { position })));
      }
      message.success(t('serviceAdmin.ruleMoved'));
    } catch (err) {
      message.error(errorMessage(t, err));
      void rules.reload();
    } finally {
      setBusy(null);
    }
  };

  /**
   * Moves the rule one place up (-1) or down (+1): swaps positions with its neighbour when they
   * differ, otherwise numbers every rule again in the new order.
   */
  const move = (rule: RoutingRule, by: -1 | 1) => {
    const index = sorted.findIndex((r) => r.id === rule.id);
    const other = sorted[index + by];
    if (!other) return;
    const order = [...sorted];
    order[index] = other;
    order[index + by] = rule;
    const swap = other.position !== rule.position;
    const positions = swap
      ? new Map([
          [rule.id, other.position],
          [other.id, rule.position],
        ])
      : new Map(order.map((r, i) => [r.id, (i + 1) * kPositionStep]));
    void renumber(rule.id, positions);
  };

  const toggle = async (rule: RoutingRule) => {
    setBusy(rule.id);
    try {
      const saved = await serviceApi.updateRoutingRule(rule.id, routingRuleInput(rule, { active: !rule.active }));
      rules.replace(saved);
      message.success(t(saved.active ? 'serviceAdmin.ruleEnabled' : 'serviceAdmin.ruleDisabled', { name: saved.name }));
    } catch (err) {
      message.error(errorMessage(t, err));
      void rules.reload();
    } finally {
      setBusy(null);
    }
  };

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
          rule.category_id !== null && condition(t('serviceAdmin.ruleCategory'), categories.path(rule.category_id) || t('serviceAdmin.unknownCategory')),
          rule.grade && condition(t('serviceAdmin.ruleGrade'), gradeLabel(t, rule.grade)),
          rule.project_id !== null && condition(t('serviceAdmin.ruleProject'), projects.get(rule.project_id) ?? t('serviceAdmin.unknownProject')),
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
    {
      title: t('serviceAdmin.ruleOrgUnit'),
      dataIndex: 'org_unit_id',
      key: 'org_unit',
      width: 150,
      render: (id: number | null) =>
        id === null ? <Typography.Text type="secondary">{t('serviceAdmin.ruleOrgUnitDefault')}</Typography.Text> : orgUnits.byId.has(id) ? (
          <OrgUnitName id={id} byId={orgUnits.byId} />
        ) : (
          <Typography.Text type="secondary">{t('serviceAdmin.unknownOrgUnit')}</Typography.Text>
        ),
    },
    actionsColumn(t('common.actions'), 300, (rule) => {
      const index = sorted.findIndex((r) => r.id === rule.id);
      const waiting = busy !== null;
      return (
        <Space size={0} wrap>
          <Tooltip title={t('serviceAdmin.ruleMoveUp')}>
            <Button
              type="text"
              size="small"
              icon={<ArrowUpOutlined />}
              aria-label={t('serviceAdmin.ruleMoveUp')}
              disabled={index <= 0 || waiting}
              onClick={() => move(rule, -1)}
              data-testid={`rule-up-${rule.id}`}
            />
          </Tooltip>
          <Tooltip title={t('serviceAdmin.ruleMoveDown')}>
            <Button
              type="text"
              size="small"
              icon={<ArrowDownOutlined />}
              aria-label={t('serviceAdmin.ruleMoveDown')}
              disabled={index < 0 || index >= sorted.length - 1 || waiting}
              onClick={() => move(rule, 1)}
              data-testid={`rule-down-${rule.id}`}
            />
          </Tooltip>
          <Button type="link" size="small" icon={<EditOutlined />} disabled={waiting} onClick={() => openModal({ mode: 'edit', rule })} data-testid={`rule-edit-${rule.id}`}>
            {t('common.edit')}
          </Button>
          <Button
            type="link"
            size="small"
            icon={rule.active ? <StopOutlined /> : <CheckCircleOutlined />}
            loading={busy === rule.id}
            disabled={waiting && busy !== rule.id}
            onClick={() => void toggle(rule)}
            data-testid={`rule-toggle-${rule.id}`}
          >
            {rule.active ? t('serviceAdmin.ruleDisable') : t('serviceAdmin.ruleEnable')}
          </Button>
          <DeleteAction confirm={t('serviceAdmin.ruleDeleteConfirm', { name: rule.name })} onConfirm={() => rules.remove(rule)} testId={`rule-delete-${rule.id}`} />
        </Space>
      );
    }),
  ];

  const nextPosition = rules.items.reduce((max, r) => Math.max(max, r.position), 0) + kPositionStep;
  return (
    <ConfigListPage<RoutingRule>
      title={t('serviceAdmin.rulesTitle')}
      description={t('serviceAdmin.rulesDescription')}
      newLabel={t('serviceAdmin.ruleNew')}
      newTestId="new-rule"
      onNew={() => openModal({ mode: 'create' })}
      list={rules}
      columns={columns}
      order={byPosition}
      emptyText={t('serviceAdmin.rulesEmpty')}
      tableTestId="rule-table"
    >
      {modal && (
        <RoutingRuleFormModal
          key={modal.key}
          target={modal.target}
          categories={categories.tree}
          projects={projects}
          orgTree={orgUnits.tree}
          nextPosition={nextPosition}
          onClose={closeModal}
          onSaved={rules.replace}
        />
      )}
    </ConfigListPage>
  );
}
