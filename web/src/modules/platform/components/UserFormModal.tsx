import { useState } from 'react';
import { App, Form, Input, Select, Switch, Tag } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { userApi } from '../api';
import { kRoleColors, roleOptions } from '../labels';
import type { OrgTreeNode } from '../orgTree';
import { OrgUnitTreeSelect } from './OrgUnitTreeSelect';
import type { Role, User, UserPatch } from '../types';
import { FormModal } from '../../../shared/ui/FormModal';
import { useEditedRecord } from '../../../shared/hooks/useEditedRecord';
import { required, requiredText } from '../../../shared/ui/formRules';

interface Values {
  username: string;
  password: string;
  display_name: string;
  roles: Role[];
  org_unit_id: number;
  disabled: boolean;
}

export type UserModalTarget = { mode: 'create'; orgUnitId?: number } | { mode: 'edit'; user: User };

const kFields = ['username', 'password', 'display_name', 'roles', 'org_unit_id', 'disabled'] as const;

/** The changed fields only, so a PATCH never rewrites what the user did not touch. */
function diff(user: User, values: Values): UserPatch {
  const patch: UserPatch = {};
  if (values.display_name.trim() !== user.display_name) patch.display_name = values.display_name.trim();
  const roles = [...values.roles].sort();
  if (roles.join(',') !== [...user.roles].sort().join(',')) patch.roles = values.roles;
  if (values.org_unit_id !== user.org_unit_id) patch.org_unit_id = values.org_unit_id;
  if (values.disabled !== user.disabled) patch.disabled = values.disabled;
  if (values.password) patch.password = values.password;
  return patch;
}

function valuesOf(user: User): Partial<Values> {
  return {
    display_name: user.display_name,
    roles: user.roles,
    org_unit_id: user.org_unit_id ?? undefined,
    disabled: user.disabled,
    password: '',
  };
}

/**
 * "新建用户" (POST) and "编辑用户" (PATCH with If-Match; a stale version offers a reload).
 * Mount it once per opening (give it a fresh key); it calls onClose after its close animation.
 */
export function UserFormModal({
  target,
  tree,
  onClose,
  onSaved,
}: {
  target: UserModalTarget;
  tree: OrgTreeNode[];
  onClose: () => void;
  onSaved: (user: User, created: boolean) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [initial] = useState<Partial<Values>>(() =>
    target.mode === 'edit' ? valuesOf(target.user) : { roles: [], org_unit_id: target.orgUnitId, disabled: false },
  );
  const { record: editing, reload: reloadEditing } = useEditedRecord(
    target.mode === 'edit' ? target.user : null,
    userApi.get,
    (fresh) => {
      form.setFieldsValue(valuesOf(fresh));
      onSaved(fresh, false);
    },
  );

  const save = async (values: Values) => {
    if (editing) {
      const patch = diff(editing, values);
      const saved = Object.keys(patch).length ? await userApi.update(editing.id, patch, editing.version) : editing;
      message.success(t('user.savedMessage', { name: saved.display_name || saved.username }));
      onSaved(saved, false);
    } else {
      const saved = await userApi.create({
        username: values.username.trim(),
        password: values.password,
        display_name: values.display_name.trim(),
        roles: values.roles,
        org_unit_id: values.org_unit_id,
      });
      message.success(t('user.createdMessage', { name: saved.display_name || saved.username }));
      onSaved(saved, true);
    }
  };

  const creating = !editing;

  return (
    <FormModal<Values>
      form={form}
      name="user"
      formFields={kFields}
      initialValues={initial}
      autoComplete="off"
      title={creating ? t('user.createTitle') : t('user.editTitle', { username: editing?.username ?? '' })}
      okText={creating ? t('common.create') : t('common.save')}
      width={560}
      testId="user-modal"
      onSave={save}
      onReload={reloadEditing}
      onClose={onClose}
    >
      {creating && (
        <Form.Item
          name="username"
          label={t('user.username')}
          rules={requiredText(t('user.usernameRequired'))}
        >
          <Input placeholder={t('user.usernamePlaceholder')} maxLength={64} autoComplete="off" data-testid="user-username" />
        </Form.Item>
      )}
      <Form.Item
        name="display_name"
        label={t('user.displayName')}
        rules={requiredText(t('user.displayNameRequired'))}
      >
        <Input placeholder={t('user.displayNamePlaceholder')} maxLength={100} data-testid="user-display-name" />
      </Form.Item>
      <Form.Item
        name="password"
        label={creating ? t('user.password') : t('user.newPassword')}
        extra={creating ? undefined : t('user.newPasswordHint')}
        rules={creating ? [{ required: true, message: t('user.passwordRequired') }] : []}
      >
        <Input.Password autoComplete="new-password" data-testid="user-password" />
      </Form.Item>
      <Form.Item
        name="roles"
        label={t('user.roles')}
        rules={[{ required: true, type: 'array', min: 1, message: t('user.rolesRequired') }]}
      >
        <Select
          mode="multiple"
          placeholder={t('user.rolesPlaceholder')}
          options={roleOptions(t)}
          tagRender={({ label, value, closable, onClose: close }) => (
            <Tag color={kRoleColors[value as string]} closable={closable} onClose={close} style={{ marginInlineEnd: 4 }}>
              {label}
            </Tag>
          )}
          data-testid="user-roles"
        />
      </Form.Item>
      <Form.Item
        name="org_unit_id"
        label={t('user.orgUnit')}
        rules={required(t('user.orgUnitRequired'))}
      >
        <OrgUnitTreeSelect
          tree={tree}
          placeholder={t('user.orgUnitPlaceholder')}
          data-testid="user-org-unit"
        />
      </Form.Item>
      {!creating && (
        <Form.Item name="disabled" label={t('user.disabled')} valuePropName="checked">
          <Switch data-testid="user-disabled" />
        </Form.Item>
      )}
    </FormModal>
  );
}
