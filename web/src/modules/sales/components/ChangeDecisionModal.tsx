import { useState } from 'react';
import { Alert, App, type ButtonProps, Form, Input, Modal, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { FormErrorAlert } from '../../../shared/ui/FormErrorAlert';
import { clearChangedFieldErrors } from '../../../shared/ui/apiErrors';
import { requiredText } from '../../../shared/ui/formRules';
import { useFormSubmit } from '../../../shared/hooks/useFormSubmit';
import { salesApi } from '../api';
import { changeDecided, dealKeys } from '../queries';
import { changeKindLabel, formatMoney } from '../labels';
import { changeErrorText } from '../errors';
import type { ChangeOrder } from '../types';
import { buyersText } from './ChangeCells';

interface DecisionValues {
  note?: string;
}

/** What an approval will do, in a sentence: "退房后合同作废，房源将恢复待售…". */
function effectText(t: ReturnType<typeof useT>, change: ChangeOrder): string {
  switch (change.kind) {
    case 'change_unit':
      return t('approvals.effect.change_unit', { code: change.new_unit_code ?? '—' });
    case 'rename':
      return t('approvals.effect.rename', { buyers: buyersText(t, change.buyers) });
    case 'discount':
      return t('approvals.effect.discount', { amount: formatMoney(change.discount_cents) });
    default:
      return t('approvals.effect.cancel');
  }
}

/**
 * 批准 (saying what will happen, with an optional note) or 驳回 (a note required) of a change order.
 * A change decided meanwhile (409 change_closed) refreshes the queue. Mount it once per opening.
 */
export function ChangeDecisionModal({
  change,
  approve,
  onDecided,
  onClose,
}: {
  change: ChangeOrder;
  approve: boolean;
  onDecided: (change: ChangeOrder) => void;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(true);
  const [form] = Form.useForm<DecisionValues>();
  const { saving, error, submit, settle } = useFormSubmit<DecisionValues>(form, ['note']);
  const kind = changeKindLabel(t, change.kind);

  const save = () =>
    void submit(async (values) => {
      try {
        const note = values.note?.trim() || undefined;
        const decided = approve ? await salesApi.approveChange(change.id, note) : await salesApi.rejectChange(change.id, note);
        void message.success(t(approve ? 'approvals.approved' : 'approvals.rejected', { kind, no: decided.contract_no }));
        changeDecided(queryClient, decided);
        onDecided(decided);
        setOpen(false);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'change_closed') {
          void queryClient.invalidateQueries({ queryKey: dealKeys.changeOrders });
          void queryClient.invalidateQueries({ queryKey: dealKeys.contract(change.contract_id) });
        }
        throw err;
      }
    });

  return (
    <Modal
      open={open}
      title={t(approve ? 'approvals.approveTitle' : 'approvals.rejectTitle', { kind, no: change.contract_no })}
      okText={t(approve ? 'approvals.approve' : 'approvals.reject')}
      okButtonProps={{ danger: !approve, 'data-testid': 'decision-submit' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={save}
      onCancel={() => setOpen(false)}
      afterClose={onClose}
      width={520}
      data-testid={approve ? 'approve-modal' : 'reject-modal'}
    >
      <FormErrorAlert error={error && { ...error, message: changeErrorText(t, error.cause) }} />
      {approve && <Alert type={change.kind === 'cancel' ? 'warning' : 'info'} showIcon title={effectText(t, change)} style={{ marginBottom: 12 }} data-testid="decision-effect" />}
      <Typography.Paragraph type="secondary" style={{ overflowWrap: 'anywhere' }}>
        {t('approvals.requestReason', { reason: change.reason })}
      </Typography.Paragraph>
      <Form<DecisionValues>
        form={form}
        name="decision"
        layout="vertical"
        autoComplete="off"
        onValuesChange={(changed) => {
          clearChangedFieldErrors(form, changed);
          settle();
        }}
      >
        <Form.Item
          name="note"
          label={t(approve ? 'approvals.approveNote' : 'approvals.rejectNote')}
          rules={[...(approve ? [] : requiredText(t('approvals.rejectNoteRequired'))), { max: 500, message: t('reason.too_long') }]}
        >
          <Input.TextArea rows={3} maxLength={500} autoFocus={!approve} placeholder={t('approvals.notePlaceholder')} data-testid="decision-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
