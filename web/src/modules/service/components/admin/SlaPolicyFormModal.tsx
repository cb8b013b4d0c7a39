import { useState } from 'react';
import { App, Form, Input, InputNumber } from 'antd';
import { useT } from '../../../../app/i18n/useT';
import { FormModal } from '../../../../shared/ui/FormModal';
import { TicketScopeFields } from '../CategoryTreeSelect';
import { serviceApi } from '../../api';
import type { CategoryNode } from '../../useCategories';
import type { SlaPolicy, SlaPolicyInput, TicketGrade, TicketKind } from '../../types';
import { required, requiredText } from '../../../../shared/ui/formRules';

interface Values {
  name: string;
  kind?: TicketKind | null;
  grade?: TicketGrade | null;
  category_id?: number | null;
  response_hours?: number | null;
  resolve_hours?: number | null;
}

const kFields = ['name', 'kind', 'grade', 'category_id', 'response_hours', 'resolve_hours'] as const;

// The server counts minutes; people think in working hours.
const kFieldResolver: Record<string, string> = { response_minutes: 'response_hours', resolve_minutes: 'resolve_hours' };

/** The dialog's purpose: a new policy, or a change to one (the same form, filled in). */
export type SlaPolicyModalTarget = { mode: 'create' } | { mode: 'edit'; policy: SlaPolicy };

/** A new SLA policy, or a change to one: what it applies to, and its limits in working hours. */
export function SlaPolicyFormModal({
  target,
  categories,
  onClose,
  onSaved,
}: {
  target: SlaPolicyModalTarget;
  categories: CategoryNode[];
  onClose: () => void;
  onSaved: (policy: SlaPolicy) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const editing = target.mode === 'edit' ? target.policy : null;
  const [initial] = useState<Values>(() =>
    editing
      ? {
          name: editing.name,
          kind: editing.kind,
          grade: editing.grade,
          category_id: editing.category_id,
          response_hours: Math.round((editing.response_minutes / 60) * 100) / 100,
          resolve_hours: Math.round((editing.resolve_minutes / 60) * 100) / 100,
        }
      : { name: '' },
  );

  const save = async (values: Values) => {
    const body: SlaPolicyInput = {
      name: values.name.trim(),
      response_minutes: Math.round((values.response_hours ?? 0) * 60),
      resolve_minutes: Math.round((values.resolve_hours ?? 0) * 60),
    };
    if (values.kind) body.kind = values.kind;
    if (values.grade) body.grade = values.grade;
    if (values.category_id != null) body.category_id = values.category_id;
    if (editing) {
      const saved = await serviceApi.updateSlaPolicy(editing.id, body);
      message.success(t('serviceAdmin.slaSaved', { name: saved.name }));
      onSaved(saved);
      return;
    }
    const saved = await serviceApi.createSlaPolicy(body);
    message.success(t('serviceAdmin.slaCreated', { name: saved.name }));
    onSaved(saved);
  };

  const hours = (name: 'response_hours' | 'resolve_hours', label: string, testId: string) => (
    <Form.Item name={name} label={label} rules={required(t('serviceAdmin.slaHoursRequired'))}>
      <InputNumber
        min={0.5}
        step={0.5}
        max={2000}
        formatter={(value) => `${value ?? ''}`.replace(/\.0$/, '')}
        suffix={t('serviceAdmin.slaHoursUnit')}
        style={{ width: '100%' }}
        data-testid={testId}
      />
    </Form.Item>
  );
  return (
    <FormModal<Values>
      form={form}
      name="sla_policy"
      formFields={kFields}
      fieldResolver={kFieldResolver}
      initialValues={initial}
      title={editing ? t('serviceAdmin.slaEditTitle') : t('serviceAdmin.slaCreateTitle')}
      okText={editing ? t('common.save') : t('common.create')}
      width={560}
      testId="sla-modal"
      onSave={save}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('serviceAdmin.slaName')} rules={requiredText(t('serviceAdmin.slaNameRequired'))}>
        <Input maxLength={100} data-testid="sla-name" />
      </Form.Item>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', columnGap: 16 }}>
        <TicketScopeFields categories={categories} />
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
        {hours('response_hours', t('serviceAdmin.slaResponse'), 'sla-response')}
        {hours('resolve_hours', t('serviceAdmin.slaResolve'), 'sla-resolve')}
      </div>
    </FormModal>
  );
}
