import { Alert, App, Form, Input, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { FormModal } from '../../../shared/ui/FormModal';
import { customerApi } from '../api';
import type { Customer } from '../types';

interface Values {
  confirm_name: string;
}

const kFields = ['confirm_name'] as const;

/**
 * "删除个人信息": erases the customer's personal data under 个人信息保护法 (DELETE /customers/{id}).
 * Business records stay. Typing the customer's name confirms it.
 */
export function AnonymizeModal({
  customer,
  onClose,
  onErased,
}: {
  customer: Customer;
  onClose: () => void;
  onErased: (anonymized: Customer) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();

  const save = async () => {
    const erased = await customerApi.anonymize(customer.id);
    message.success(t('customer.erasedMessage'));
    onErased(erased);
  };

  return (
    <FormModal<Values>
      form={form}
      name="anonymize"
      formFields={kFields}
      initialValues={{ confirm_name: '' }}
      title={t('customer.eraseTitle')}
      okText={t('customer.eraseConfirm')}
      okDanger
      width={600}
      testId="erase-modal"
      onSave={save}
      onClose={onClose}
    >
      <Alert
        type="error"
        showIcon
        title={t('customer.eraseWarning')}
        description={
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
            <li>{t('customer.eraseLaw')}</li>
            <li>{t('customer.eraseWhat')}</li>
            <li>{t('customer.eraseKept')}</li>
            <li>{t('customer.eraseAudit')}</li>
          </ul>
        }
        style={{ marginBottom: 16 }}
      />
      <Form.Item
        name="confirm_name"
        label={
          <span>
            {t('customer.eraseTypeName')} <Typography.Text code>{customer.name}</Typography.Text>
          </span>
        }
        rules={[
          {
            validator: async (_, value: string | undefined) => {
              if ((value ?? '').trim() !== customer.name) throw new Error(t('customer.eraseNameMismatch'));
            },
          },
        ]}
      >
        <Input placeholder={customer.name} autoComplete="off" data-testid="erase-confirm-name" />
      </Form.Item>
    </FormModal>
  );
}
