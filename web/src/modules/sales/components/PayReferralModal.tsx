import { useState } from 'react';
import { Alert, App, type ButtonProps, Form, Input, Modal, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { FormErrorAlert } from '../../../shared/ui/FormErrorAlert';
import { clearChangedFieldErrors } from '../../../shared/ui/apiErrors';
import { useFormSubmit } from '../../../shared/hooks/useFormSubmit';
import { salesApi } from '../api';
import { referralChanged, referralKeys } from '../queries';
import { formatMoney } from '../labels';
import { referralErrorText } from '../errors';
import type { Referral } from '../types';

interface PayValues {
  note?: string;
}

/**
 * 发放 of an earned referral reward (a manager's), saying to whom, how much and why, with an
 * optional note; the lists read again (paid, it leaves 待发放). A reward paid or unearned meanwhile
 * (409 invalid_transition) refreshes them too.
 * Mount it once per opening.
 */
export function PayReferralModal({ referral, onPaid, onClose }: { referral: Referral; onPaid?: (referral: Referral) => void; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(true);
  const [form] = Form.useForm<PayValues>();
  const { saving, error, submit, settle } = useFormSubmit<PayValues>(form, ['note']);
  const amount = formatMoney(referral.reward_cents);

  const save = () =>
    void submit(async (values) => {
      try {
        const paid = await salesApi.payReferral(referral.id, values.note?.trim() || undefined);
        void message.success(t('referral.paid', { referrer: paid.referrer_name, amount: formatMoney(paid.reward_cents) }));
        referralChanged(queryClient, paid);
        onPaid?.(paid);
        setOpen(false);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'invalid_transition') void queryClient.invalidateQueries({ queryKey: referralKeys.all });
        throw err;
      }
    });

  return (
    <Modal
      open={open}
      title={t('referral.payTitle')}
      okText={t('referral.payOk')}
      okButtonProps={{ 'data-testid': 'pay-submit' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={save}
      onCancel={() => setOpen(false)}
      afterClose={onClose}
      width={480}
      data-testid="pay-modal"
    >
      <FormErrorAlert error={error && { ...error, message: referralErrorText(t, error.cause) }} />
      <Alert
        type="info"
        showIcon
        title={t('referral.payWhat', { referrer: referral.referrer_name, amount })}
        description={t('referral.payWhy', { referee: referral.referee_name, contract: referral.contract_no ?? '—', consultant: referral.consultant_name })}
        style={{ marginBottom: 12 }}
        data-testid="pay-what"
      />
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
        {referral.project_name}
      </Typography.Text>
      <Form<PayValues>
        form={form}
        name="pay-referral"
        layout="vertical"
        autoComplete="off"
        onValuesChange={(changed) => {
          clearChangedFieldErrors(form, changed);
          settle();
        }}
      >
        <Form.Item name="note" label={t('referral.payNote')} rules={[{ max: 500, message: t('reason.too_long') }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('referral.payNotePlaceholder')} data-testid="pay-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
