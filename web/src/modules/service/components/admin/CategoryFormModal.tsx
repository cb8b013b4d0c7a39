import { useState } from 'react';
import { App, Form, Input, InputNumber, Select, TreeSelect } from 'antd';
import { useT } from '../../../../app/i18n/useT';
import { FormModal } from '../../../../shared/ui/FormModal';
import { serviceApi } from '../../api';
import { warrantyOptions } from '../../labels';
import type { TicketCategory, WarrantyType } from '../../types';
import { requiredText } from '../../../../shared/ui/formRules';

export interface CategoryTreeNode {
  value: number;
  title: string;
  children: CategoryTreeNode[];
}

export type CategoryModalTarget = { mode: 'create'; parentId: number | null } | { mode: 'edit'; category: TicketCategory };

interface Values {
  name: string;
  parent_id?: number | null;
  position?: number | null;
  warranty?: WarrantyType | null;
}

const kFields = ['name', 'parent_id', 'position', 'warranty'] as const;

/** New category (with its parent and warranty type) or a rename / reorder of one. */
export function CategoryFormModal({
  target,
  tree,
  onClose,
  onSaved,
}: {
  target: CategoryModalTarget;
  tree: CategoryTreeNode[];
  onClose: () => void;
  onSaved: (category: TicketCategory) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const editing = target.mode === 'edit' ? target.category : null;
  const [initial] = useState<Values>(() =>
    editing
      ? { name: editing.name, parent_id: editing.parent_id, position: editing.position, warranty: editing.warranty ?? null }
      : { name: '', parent_id: target.mode === 'create' ? target.parentId : null, position: null, warranty: null },
  );

  const save = async (values: Values) => {
    const name = values.name.trim();
    let saved: TicketCategory;
    if (editing) {
      saved = await serviceApi.updateCategory(editing.id, { name, ...(values.position != null ? { position: values.position } : {}) }, editing.version);
      message.success(t('serviceAdmin.categorySaved', { name: saved.name }));
    } else {
      saved = await serviceApi.createCategory({
        name,
        ...(values.parent_id != null ? { parent_id: values.parent_id } : {}),
        ...(values.position != null ? { position: values.position } : {}),
        ...(values.warranty ? { warranty: values.warranty } : {}),
      });
      message.success(t('serviceAdmin.categoryCreated', { name: saved.name }));
    }
    onSaved(saved);
  };

  return (
    <FormModal<Values>
      form={form}
      name="ticket_category"
      formFields={kFields}
      initialValues={initial}
      title={editing ? t('serviceAdmin.categoryEditTitle') : t('serviceAdmin.categoryCreateTitle')}
      okText={editing ? t('common.save') : t('common.create')}
      width={520}
      testId="category-modal"
      onSave={save}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('serviceAdmin.categoryName')} rules={requiredText(t('serviceAdmin.categoryNameRequired'))}>
        <Input maxLength={50} showCount data-testid="category-name" />
      </Form.Item>
      <Form.Item name="parent_id" label={t('serviceAdmin.categoryParent')}>
        <TreeSelect
          treeData={tree}
          allowClear
          showSearch
          treeNodeFilterProp="title"
          treeDefaultExpandAll
          disabled={!!editing}
          placeholder={t('serviceAdmin.categoryParentNone')}
        />
      </Form.Item>
      <Form.Item name="position" label={t('serviceAdmin.categoryPosition')}>
        <InputNumber min={0} step={10} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="warranty" label={t('serviceAdmin.categoryWarranty')}>
        <Select allowClear disabled={!!editing} options={warrantyOptions(t)} placeholder={t('serviceAdmin.categoryWarrantyNone')} data-testid="category-warranty" />
      </Form.Item>
    </FormModal>
  );
}
