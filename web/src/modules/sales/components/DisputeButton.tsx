import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, type ButtonProps, Form, Input, Modal, Typography } from 'antd';
import { FlagOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { FormErrorAlert } from '../../../shared/ui/FormErrorAlert';
import { useFormSubmit } from '../../../shared/hooks/useFormSubmit';
import { clearChangedFieldErrors } from '../../../shared/ui/apiErrors';
import { requiredText } from '../../../shared/ui/formRules';
import { salesApi } from '../api';
import { disputeErrorText } from '../errors';
import { disputeChanged } from '../queries';
import type { Dispute, Lead } from '../types';

/**
 * 申请判客: a consultant claims a lead another consultant holds, with a reason, for a manager to
 * decide (on 变更审批 › 判客争议). The server's refusals (one's own lead, one waiting already, a lead
 * won) are said in words. `onFiled` gets the pending dispute.
 */
export function DisputeButton({ lead, onFiled, ...props }: { lead: Lead; onFiled: (dispute: Dispute) => void } & Omit<ButtonProps, 'onClick'>) {
  const t = useT();
  const [opened, setOpened] = useState(0);
  return (
    <>
      <Button icon={<FlagOutlined />} {...props} onClick={() => setOpened((n) => n + 1)}>
        {t('dispute.open')}
      </Button>
      {opened > 0 && <DisputeModal key={opened} lead={lead} onFiled={onFiled} onClose={() => setOpened(0)} />}
    </>
  );
}

interface DisputeValues {
  reason: string;
}

/** The reason of a dispute (required). Mount it once per opening. */
function DisputeModal({ lead, onFiled, onClose }: { lead: Lead; onFiled: (dispute: Dispute) => void; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(true);
  const [form] = Form.useForm<DisputeValues>();
  const { saving, error, submit, settle } = useFormSubmit<DisputeValues>(form, ['reason']);

  const save = () =>
    void submit(async (values) => {
      const dispute = await salesApi.disputeLead(lead.id, values.reason.trim());
      void message.success(t('dispute.filed'));
      disputeChanged(queryClient, dispute);
      onFiled(dispute);
      setOpen(false);
    });

  return (
    <Modal
      open={open}
      title={t('dispute.title', { name: lead.customer_name })}
      okText={t('dispute.submit')}
      okButtonProps={{ 'data-testid': 'dispute-submit' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={save}
      onCancel={() => setOpen(false)}
      afterClose={onClose}
      width={520}
      data-testid="dispute-modal"
    >
      {/* The refusals name no field of the form (lead_id own_lead is the lead's): the sentence says it all. */}
      <FormErrorAlert error={error && { ...error, message: disputeErrorText(t, error.cause), details: [] }} />
      <Typography.Paragraph type="secondary">{t('dispute.intro', { holder: lead.consultant_name })}</Typography.Paragraph>
      <Form<DisputeValues>
        form={form}
        name="lead-dispute"
        layout="vertical"
        autoComplete="off"
        onValuesChange={(changed) => {
          clearChangedFieldErrors(form, changed);
          settle();
        }}
      >
        <Form.Item
          name="reason"
          label={t('dispute.reason')}
          rules={[...requiredText(t('dispute.reasonRequired')), { max: 1000, message: t('reason.too_long') }]}
        >
          <Input.TextArea rows={4} maxLength={1000} autoFocus placeholder={t('dispute.reasonPlaceholder')} data-testid="dispute-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Said on the lead page once a dispute is filed. */
export function DisputeFiled() {
  const t = useT();
  return <Alert type="success" showIcon title={t('dispute.filed')} style={{ marginTop: 12 }} data-testid="dispute-filed" />;
}
