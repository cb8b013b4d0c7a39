import { App, Col, DatePicker, Form, Input, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { FormModal } from '../../../shared/ui/FormModal';
import { OrgUnitTreeSelect } from '../../platform/components/OrgUnitTreeSelect';
import type { OrgTreeNode } from '../../platform/orgTree';
import { inventoryApi } from '../api';
import type { Project, ProjectInput } from '../types';
import { requiredText } from '../../../shared/ui/formRules';

interface ProjectFormValues {
  name: string;
  city?: string;
  address?: string;
  org_unit_id?: number;
  completion_date?: Dayjs | null;
}

const kProjectFormFields = ['name', 'city', 'address', 'org_unit_id', 'completion_date'] as const;

function inputOf(values: ProjectFormValues): ProjectInput {
  const text = (value: string | undefined) => value?.trim() || undefined;
  return {
    name: values.name.trim(),
    city: text(values.city),
    address: text(values.address),
    org_unit_id: values.org_unit_id,
    completion_date: values.completion_date ? values.completion_date.format('YYYY-MM-DD') : undefined,
  };
}

/** "新建楼盘": POST /projects; the server's reasons (a taken name, an org unit out of scope) land on the fields. */
export function ProjectFormModal({
  orgUnitId,
  tree,
  onClose,
  onSaved,
}: {
  orgUnitId?: number;
  tree: OrgTreeNode[];
  onClose: () => void;
  onSaved: (project: Project) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProjectFormValues>();

  const save = async (values: ProjectFormValues) => {
    try {
      const project = await inventoryApi.createProject(inputOf(values));
      message.success(t('project.createdMessage', { name: project.name }));
      onSaved(project);
    } catch (err) {
      // Project names are unique in the group: say so rather than a bare "taken".
      if (err instanceof ApiError && err.fields.name === 'taken') {
        throw new ApiError(err.status, err.code, err.message, { ...err.fields, name: 'project_name_taken' }, err.extra);
      }
      throw err;
    }
  };

  return (
    <FormModal<ProjectFormValues>
      form={form}
      name="project"
      formFields={kProjectFormFields}
      initialValues={{ org_unit_id: orgUnitId }}
      autoComplete="off"
      title={t('project.createTitle')}
      okText={t('common.create')}
      width={640}
      testId="project-modal"
      onSave={save}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item name="name" label={t('project.name')} rules={requiredText(t('project.nameRequired'))}>
            <Input placeholder={t('project.namePlaceholder')} maxLength={100} data-testid="project-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="city" label={t('project.city')}>
            <Input placeholder={t('project.cityPlaceholder')} maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item name="completion_date" label={t('project.completionDate')} extra={t('project.completionDateHint')}>
            <DatePicker style={{ width: '100%' }} placeholder={t('project.completionDatePlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="address" label={t('project.address')}>
            <Input placeholder={t('project.addressPlaceholder')} maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="org_unit_id" label={t('project.orgUnit')} extra={t('project.orgUnitHint')}>
            <OrgUnitTreeSelect tree={tree} placeholder={t('project.orgUnitPlaceholder')} allowClear />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
