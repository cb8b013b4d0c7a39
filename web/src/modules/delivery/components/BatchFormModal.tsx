import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { FormModal } from '../../../shared/ui/FormModal';
import { required, requiredText } from '../../../shared/ui/formRules';
import { deliveryApi } from '../api';
import { batchChanged } from '../queries';
import { batchErrorText } from '../errors';
import { ProjectSelect } from './ProjectSelect';
import { UnitPicker } from './UnitPicker';

interface BatchValues {
  project_id?: number;
  name: string;
  planned_on?: Dayjs;
  unit_ids: number[];
}

const kFields = ['project_id', 'name', 'planned_on', 'unit_ids'] as const;

/**
 * 新建交付批次: the project, a name, the planned day and its units chosen by code (UnitPicker). A
 * unit already in another batch is refused by name. Opens the new batch. Mount it once per opening.
 */
export function BatchFormModal({ projectId, onClose }: { projectId?: number; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<BatchValues>();
  const project = Form.useWatch('project_id', form);

  // Another project: the units chosen were the other project's.
  useEffect(() => {
    if ((form.getFieldValue('unit_ids') ?? []).length) form.setFieldValue('unit_ids', []);
  }, [project, form]);

  return (
    <FormModal<BatchValues>
      form={form}
      name="delivery-batch"
      formFields={kFields}
      fieldResolver={(field) => (field.startsWith('unit_ids') ? 'unit_ids' : field)}
      errorText={(cause) => batchErrorText(t, cause)}
      initialValues={{ project_id: projectId, name: '', unit_ids: [] }}
      autoComplete="off"
      title={t('batch.createTitle')}
      okText={t('common.create')}
      width={640}
      testId="batch-modal"
      onSave={async (values) => {
        const batch = await deliveryApi.createBatch({
          project_id: values.project_id!,
          name: values.name.trim(),
          planned_on: values.planned_on!.format('YYYY-MM-DD'),
          unit_ids: values.unit_ids,
        });
        batchChanged(queryClient, batch);
        void message.success(t('batch.created', { name: batch.name }));
        navigate(`/delivery/batches/${batch.id}`);
      }}
      onClose={onClose}
    >
      <Form.Item name="project_id" label={t('batch.project')} rules={required(t('batch.projectRequired'))}>
        <ProjectSelect autoFocus placeholder={t('batch.filterProject')} data-testid="batch-project" />
      </Form.Item>
      <Form.Item name="name" label={t('batch.name')} rules={[...requiredText(t('batch.nameRequired')), { max: 100, message: t('reason.too_long') }]}>
        <Input maxLength={100} placeholder={t('batch.namePlaceholder')} data-testid="batch-name" />
      </Form.Item>
      <Form.Item name="planned_on" label={t('batch.plannedOn')} rules={required(t('batch.plannedRequired'))}>
        <DatePicker style={{ width: '100%', maxWidth: 240 }} data-testid="batch-planned" />
      </Form.Item>
      <Form.Item name="unit_ids" label={t('batch.unitsLabel')} rules={[{ required: true, type: 'array', min: 1, message: t('batch.unitsRequired') }]}>
        <UnitPicker projectId={project} />
      </Form.Item>
    </FormModal>
  );
}
