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

interface Values {
  name: string;
  position?: number | null;
  kind?: TicketKind | null;
  category_id?: number | null;
  grade?: TicketGrade | null;
  project_id?: number | null;
  unit_status?: UnitStatus | null;
  department?: Department;
  active: boolean;
}

const kFields = ['name', 'position', 'kind', 'category_id', 'grade', 'project_id', 'unit_status', 'department', 'active'] as const;

/** A new routing rule: its conditions (each empty one matches anything) and the department it picks. */
export function RoutingRuleFormModal({
  categories,
  projects,
  nextPosition,
  onClose,
  onSaved,
}: {
  categories: CategoryNode[];
  projects: Map<number, string>;
  nextPosition: number;
  onClose: () => void;
  onSaved: (rule: RoutingRule) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [initial] = useState<Values>({ name: '', position: nextPosition, active: true });

  const save = async (values: Values) => {
    const body: RoutingRuleInput = { name: values.name.trim(), department: values.department!, active: values.active };
    if (values.position != null) body.position = values.position;
    if (values.kind) body.kind = values.kind;
    if (values.category_id != null) body.category_id = values.category_id;
    if (values.grade) body.grade = values.grade;
    if (values.project_id != null) body.project_id = values.project_id;
    if (values.unit_status) body.unit_status = values.unit_status;
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
      title={t('serviceAdmin.ruleCreateTitle')}
      okText={t('common.create')}
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
      <Form.Item name="active" label={t('serviceAdmin.ruleActive')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
