import { useState } from 'react';
import { App, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useT } from '../../../../app/i18n/useT';
import { FormModal } from '../../../../shared/ui/FormModal';
import { TicketScopeFields } from '../CategoryTreeSelect';
import { unitStatusOptions } from '../../../inventory/labels';
import type { UnitStatus } from '../../../inventory/types';
import { serviceApi } from '../../api';
import { departmentOptions } from '../../labels';
import type { CategoryNode } from '../../useCategories';
import type { Department, RoutingRule, RoutingRuleInput, TicketGrade, TicketKind } from '../../types';
import { required, requiredText } from '../../../../shared/ui/formRules';
import { OrgUnitTreeSelect } from '../../../platform/components/OrgUnitTreeSelect';
import type { OrgTreeNode } from '../../../platform/orgTree';

/** The dialog's purpose: a new rule, or a change to one (the same form, filled in). */
export type RoutingRuleModalTarget = { mode: 'create' } | { mode: 'edit'; rule: RoutingRule };

/**
 * The body of a PUT (or POST) that keeps everything of `rule` but what `change` says: PUT replaces
 * the whole rule, so every condition it has goes along.
 */
export function routingRuleInput(rule: RoutingRule, change: Partial<RoutingRuleInput> = {}): RoutingRuleInput {
  const body: RoutingRuleInput = { name: rule.name, position: rule.position, department: rule.department, active: rule.active };
  if (rule.kind) body.kind = rule.kind;
  if (rule.category_id !== null) body.category_id = rule.category_id;
  if (rule.grade) body.grade = rule.grade;
  if (rule.project_id !== null) body.project_id = rule.project_id;
  if (rule.unit_status) body.unit_status = rule.unit_status;
  if (rule.org_unit_id !== null) body.org_unit_id = rule.org_unit_id;
  return { ...body, ...change };
}

interface Values {
  name: string;
  position?: number | null;
  kind?: TicketKind | null;
  category_id?: number | null;
  grade?: TicketGrade | null;
  project_id?: number | null;
  unit_status?: UnitStatus | null;
  department?: Department;
  org_unit_id?: number | null;
  active: boolean;
}

const kFields = ['name', 'position', 'kind', 'category_id', 'grade', 'project_id', 'unit_status', 'department', 'org_unit_id', 'active'] as const;

/**
 * A new routing rule, or a change to one: its conditions (each empty one matches anything), the
 * department it picks and, optionally, the org unit that works the ticket.
 */
export function RoutingRuleFormModal({
  target,
  categories,
  projects,
  orgTree,
  nextPosition,
  onClose,
  onSaved,
}: {
  target: RoutingRuleModalTarget;
  categories: CategoryNode[];
  projects: Map<number, string>;
  orgTree: OrgTreeNode[];
  nextPosition: number;
  onClose: () => void;
  onSaved: (rule: RoutingRule) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const editing = target.mode === 'edit' ? target.rule : null;
  const [initial] = useState<Values>(() =>
    editing
      ? {
          name: editing.name,
          position: editing.position,
          kind: editing.kind,
          category_id: editing.category_id,
          grade: editing.grade,
          project_id: editing.project_id,
          unit_status: editing.unit_status,
          department: editing.department,
          org_unit_id: editing.org_unit_id,
          active: editing.active,
        }
      : { name: '', position: nextPosition, active: true },
  );

  const save = async (values: Values) => {
    const body: RoutingRuleInput = { name: values.name.trim(), department: values.department!, active: values.active };
    if (values.position != null) body.position = values.position;
    if (values.kind) body.kind = values.kind;
    if (values.category_id != null) body.category_id = values.category_id;
    if (values.grade) body.grade = values.grade;
    if (values.project_id != null) body.project_id = values.project_id;
    if (values.unit_status) body.unit_status = values.unit_status;
    if (values.org_unit_id != null) body.org_unit_id = values.org_unit_id;
    if (editing) {
      const saved = await serviceApi.updateRoutingRule(editing.id, body);
      message.success(t('serviceAdmin.ruleSaved', { name: saved.name }));
      onSaved(saved);
      return;
    }
    const saved = await serviceApi.createRoutingRule(body);
    message.success(t('serviceAdmin.ruleCreated', { name: saved.name }));
    onSaved(saved);
  };

  const any = t('serviceAdmin.ruleAny');
  return (
    <FormModal<Values>
      form={form}
      name="routing_rule"
      formFields={kFields}
      initialValues={initial}
      title={editing ? t('serviceAdmin.ruleEditTitle') : t('serviceAdmin.ruleCreateTitle')}
      okText={editing ? t('common.save') : t('common.create')}
      width={560}
      testId="routing-rule-modal"
      onSave={save}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('serviceAdmin.ruleName')} rules={requiredText(t('serviceAdmin.ruleNameRequired'))}>
        <Input maxLength={100} data-testid="rule-name" />
      </Form.Item>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
        <TicketScopeFields categories={categories} />
        <Form.Item name="project_id" label={t('serviceAdmin.ruleProject')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={[...projects].map(([value, label]) => ({ value, label }))}
            placeholder={any}
          />
        </Form.Item>
        <Form.Item name="unit_status" label={t('serviceAdmin.ruleUnitStatus')}>
          <Select allowClear options={unitStatusOptions(t)} placeholder={any} />
        </Form.Item>
        <Form.Item name="position" label={t('serviceAdmin.rulePosition')}>
          <InputNumber min={0} step={10} style={{ width: '100%' }} />
        </Form.Item>
      </div>
      <Form.Item name="department" label={t('serviceAdmin.ruleDepartment')} rules={required(t('serviceAdmin.ruleDepartmentRequired'))}>
        <Select options={departmentOptions(t)} data-testid="rule-department" />
      </Form.Item>
      <Form.Item name="org_unit_id" label={t('serviceAdmin.ruleOrgUnit')} extra={t('serviceAdmin.ruleOrgUnitHint')}>
        <OrgUnitTreeSelect tree={orgTree} allowClear placeholder={t('serviceAdmin.ruleOrgUnitDefault')} data-testid="rule-org-unit" />
      </Form.Item>
      <Form.Item name="active" label={t('serviceAdmin.ruleActive')} valuePropName="checked">
        <Switch data-testid="rule-active" />
      </Form.Item>
    </FormModal>
  );
}
