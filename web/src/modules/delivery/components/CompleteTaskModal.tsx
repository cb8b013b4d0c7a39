import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { FormModal } from '../../../shared/ui/FormModal';
import { ApiError } from '../../../shared/api/client';
import { deliveryApi } from '../api';
import { taskChanged } from '../queries';
import { stepTitle, teamLabel } from '../labels';
import { completeErrorText } from '../errors';
import type { JourneyTask } from '../types';

interface CompleteValues {
  evidence: string;
  note: string;
}

/**
 * 完成 a journey task: what was done, with its evidence (留证: a call's recording number, a signed
 * receipt, photos' place) and a note. A task done without evidence loses the audit's process points,
 * which the dialog says. `onDone` gets the task as the server answers it. Mount it once per opening.
 */
export function CompleteTaskModal({ task, onDone, onClose }: { task: JourneyTask; onDone?: (task: JourneyTask) => void; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CompleteValues>();
  return (
    <FormModal<CompleteValues>
      form={form}
      name="complete-task"
      formFields={['evidence', 'note']}
      errorText={(cause) => completeErrorText(t, cause)}
      initialValues={{ evidence: '', note: '' }}
      autoComplete="off"
      title={t('task.completeTitle', { name: task.name })}
      okText={t('task.complete')}
      width={520}
      testId="complete-task-modal"
      onSave={async (values) => {
        try {
          const done = await deliveryApi.completeTask(task.id, { evidence: values.evidence.trim(), note: values.note.trim() });
          onDone?.(done);
          taskChanged(queryClient, done);
          void message.success(t('task.completed', { name: done.name, customer: done.customer_name }));
        } catch (err) {
          // Done by someone else meanwhile: the list shows it as it is now.
          if (err instanceof ApiError && err.code === 'invalid_transition') taskChanged(queryClient, task);
          throw err;
        }
      }}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }} data-testid="complete-task-summary">
        {t('task.completeSummary', {
          customer: task.customer_name,
          unit: task.unit_code,
          step: stepTitle(t, task.step, task.step_name),
          team: teamLabel(t, task.team),
          due: task.due_on,
        })}
      </Typography.Paragraph>
      <Form.Item name="evidence" label={t('task.evidence')} rules={[{ max: 1000, message: t('reason.too_long') }]} extra={t('task.evidenceHint')}>
        <Input.TextArea rows={2} maxLength={1000} autoFocus placeholder={t('task.evidencePlaceholder')} data-testid="complete-task-evidence" />
      </Form.Item>
      <Form.Item name="note" label={t('task.note')} rules={[{ max: 1000, message: t('reason.too_long') }]}>
        <Input.TextArea rows={2} maxLength={1000} placeholder={t('task.notePlaceholder')} data-testid="complete-task-note" />
      </Form.Item>
      {task.state === 'missed' && <Alert type="warning" showIcon title={t('task.lateWarning')} />}
    </FormModal>
  );
}
