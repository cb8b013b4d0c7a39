import { Alert, Form, Input } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { FormModal } from '../../../shared/ui/FormModal';
import { customerApi } from '../api';
import type { Customer } from '../types';

interface Values {
  reason: string;
}

const kFields = ['reason'] as const;
const kReasonMaxChars = 200;

/**
 * "查看完整信息": asks why, then reveals the phones and ID number (POST /reveal). The server audits
 * it (personal_data.revealed) with the reason; the dialog says so.
 */
export function RevealModal({
  customer,
  reasonRequired,
  onClose,
  onRevealed,
}: {
  customer: Customer;
  /** Staff who normally see personal data masked must give a reason. */
  reasonRequired: boolean;
  onClose: () => void;
  onRevealed: (unmasked: Customer) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();

  const save = async (values: Values) => {
    onRevealed(await customerApi.reveal(customer.id, values.reason.trim()));
  };

  return (
    <FormModal<Values>
      form={form}
      name="reveal"
      formFields={kFields}
      initialValues={{ reason: '' }}
      title={t('customer.revealTitle', { name: customer.name })}
      okText={t('customer.revealConfirm')}
      width={520}
      testId="reveal-modal"
      onSave={save}
      onClose={onClose}
    >
      <Alert type="warning" showIcon title={t('customer.revealAudited')} description={t('customer.revealAuditedDetail')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="reason"
        label={t('customer.revealReason')}
        rules={reasonRequired ? [{ required: true, whitespace: true, message: t('customer.revealReasonRequired') }] : []}
      >
        <Input.TextArea
          rows={3}
          maxLength={kReasonMaxChars}
          showCount
          placeholder={t('customer.revealReasonPlaceholder')}
          autoFocus
          data-testid="reveal-reason"
        />
      </Form.Item>
    </FormModal>
  );
}
