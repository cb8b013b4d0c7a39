import { useState } from 'react';
import { App, Form, Input, Select } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { orgUnitApi } from '../api';
import { kindOptions, nextKind } from '../labels';
import type { OrgTreeNode } from '../orgTree';
import { OrgUnitTreeSelect } from './OrgUnitTreeSelect';
import type { OrgUnit, OrgUnitKind } from '../types';
import { FormModal } from '../../../shared/ui/FormModal';
import { useEditedRecord } from '../../../shared/hooks/useEditedRecord';
import { required, requiredText } from '../../../shared/ui/formRules';

interface Values {
  name: string;
  kind: OrgUnitKind;
  parent_id: number | null;
}

export type OrgUnitModalTarget =
  | { mode: 'create'; parentId: number | null }
  | { mode: 'rename'; unit: OrgUnit };

const kFields = ['name', 'kind', 'parent_id'] as const;

function initialValues(target: OrgUnitModalTarget, byId: Map<number, OrgUnit>): Values {
  if (target.mode === 'rename') {
    return { name: target.unit.name, kind: target.unit.kind, parent_id: target.unit.parent_id };
  }
  const parent = target.parentId === null ? undefined : byId.get(target.parentId);
  return { name: '', parent_id: parent?.id ?? null, kind: nextKind(parent?.kind) };
}

/**
 * Creates an org unit (name, kind, parent) or renames one (PATCH with If-Match).
 * Mount it once per opening (give it a fresh key); it calls onClose after its close animation.
 */
export function OrgUnitFormModal({
  target,
  tree,
  byId,
  onClose,
  onSaved,
}: {
  target: OrgUnitModalTarget;
  tree: OrgTreeNode[];
  byId: Map<number, OrgUnit>;
  onClose: () => void;
  onSaved: (unit: OrgUnit) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [initial] = useState(() => initialValues(target, byId));
  const { record: editing, reload: reloadEditing } = useEditedRecord(
    target.mode === 'rename' ? target.unit : null,
    orgUnitApi.get,
    (fresh) => {
      form.setFieldsValue({ name: fresh.name });
      onSaved(fresh);
    },
  );

  const save = async (values: Values) => {
    let saved: OrgUnit;
    if (editing) {
      saved = await orgUnitApi.update(editing.id, { name: values.name.trim() }, editing.version);
      message.success(t('org.savedMessage', { name: saved.name }));
    } else {
      saved = await orgUnitApi.create({ name: values.name.trim(), kind: values.kind, parent_id: values.parent_id ?? null });
      message.success(t('org.createdMessage', { name: saved.name }));
    }
    onSaved(saved);
  };

  return (
    <FormModal<Values>
      form={form}
      name="org_unit"
      formFields={kFields}
      initialValues={initial}
      title={editing ? t('org.editTitle') : t('org.createTitle')}
      okText={editing ? t('common.save') : t('common.create')}
      width={520}
      testId="org-unit-modal"
      onSave={save}
      onReload={reloadEditing}
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label={t('org.name')}
        rules={requiredText(t('org.nameRequired'))}
      >
        <Input placeholder={t('org.namePlaceholder')} maxLength={100} showCount data-testid="org-name" />
      </Form.Item>
      <Form.Item name="parent_id" label={t('org.parent')}>
        <OrgUnitTreeSelect
          tree={tree}
          allowClear
          disabled={!!editing}
          placeholder={t('org.parentNone')}
          onChange={(value) => {
            const parent = value === undefined || value === null ? undefined : byId.get(value);
            form.setFieldValue('kind', nextKind(parent?.kind));
          }}
          data-testid="org-parent"
        />
      </Form.Item>
      <Form.Item name="kind" label={t('org.kind')} rules={required(t('org.kindRequired'))}>
        <Select options={kindOptions(t)} disabled={!!editing} data-testid="org-kind" />
      </Form.Item>
    </FormModal>
  );
}
