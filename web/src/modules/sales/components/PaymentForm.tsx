import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Flex, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { FormErrorAlert } from '../../../shared/ui/FormErrorAlert';
import { clearChangedFieldErrors } from '../../../shared/ui/apiErrors';
import { required } from '../../../shared/ui/formRules';
import { useFormSubmit } from '../../../shared/hooks/useFormSubmit';
import { yuanToFen } from '../../inventory/labels';
import { salesApi } from '../api';
import { contractChanged } from '../queries';
import { formatMoney, paymentMethodOptions } from '../labels';
import type { Contract, PaymentMethod } from '../types';
import { MoneyInput } from './MoneyInput';

interface PaymentValues {
  amount_yuan: number;
  paid_on: Dayjs;
  method: PaymentMethod;
}

const kFields = ['amount_yuan', 'paid_on', 'method'];

/** What the earliest line not paid in full still asks for (the likely payment), in fen; 0 when all is paid. */
export function nextDue(contract: Contract): number {
  const line = contract.payment_plan.find((l) => l.paid_cents < l.amount_cents);
  return line ? line.amount_cents - line.paid_cents : 0;
}

/**
 * 登记回款: an amount received (what the next line asks for, to begin with), the day and how; the
 * server settles the earliest lines and answers a receipt number, shown here until the next one.
 */
export function PaymentForm({ contract }: { contract: Contract }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PaymentValues>();
  const { saving, error, submit, settle } = useFormSubmit<PaymentValues>(form, kFields, { amount_cents: 'amount_yuan' });
  const [receipt, setReceipt] = useState<{ no: string; amount: number } | null>(null);
  const balance = contract.total_cents - contract.paid_cents;

  const save = () =>
    void submit(async (values) => {
      const payment = await salesApi.recordPayment(contract.id, {
        amount_cents: yuanToFen(values.amount_yuan) ?? 0,
        paid_on: values.paid_on.format('YYYY-MM-DD'),
        method: values.method,
      });
      void message.success(t('payment.recorded', { receipt: payment.receipt_no }));
      setReceipt({ no: payment.receipt_no, amount: payment.amount_cents });
      contractChanged(queryClient, payment.contract);
      const next = nextDue(payment.contract);
      form.setFieldsValue({ amount_yuan: next ? next / 100 : undefined });
    });

  return (
    <div data-testid="payment-form">
      {receipt && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setReceipt(null) }}
          title={t('payment.receipt', { receipt: receipt.no, amount: formatMoney(receipt.amount) })}
          style={{ marginBottom: 12 }}
          data-testid="payment-receipt"
        />
      )}
      <FormErrorAlert error={error} />
      {balance <= 0 ? (
        <Alert type="success" showIcon title={t('payment.allPaid')} data-testid="payment-all-paid" />
      ) : (
        <Form<PaymentValues>
          form={form}
          name="payment"
          layout="vertical"
          autoComplete="off"
          initialValues={{ amount_yuan: nextDue(contract) / 100 || undefined, paid_on: dayjs(), method: 'bank_transfer' }}
          onValuesChange={(changed) => {
            clearChangedFieldErrors(form, changed);
            settle();
          }}
        >
          <Form.Item
            name="amount_yuan"
            label={t('payment.amount')}
            extra={t('payment.balance', { amount: formatMoney(balance) })}
            rules={[
              ...required(t('payment.amountRequired')),
              { validator: (_, value: number | null) => ((yuanToFen(value) ?? 0) > balance ? Promise.reject(new Error(t('reason.exceeds_balance'))) : Promise.resolve()) },
            ]}
          >
            <MoneyInput min={0.01} data-testid="payment-amount" />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="paid_on" label={t('payment.paidOn')} rules={required(t('payment.paidOnRequired'))} style={{ flex: '1 1 150px' }}>
              <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(day) => day.isAfter(dayjs().endOf('day'))} data-testid="payment-date" />
            </Form.Item>
            <Form.Item name="method" label={t('payment.method')} rules={required(t('payment.methodRequired'))} style={{ flex: '1 1 150px' }}>
              <Select<PaymentMethod> options={paymentMethodOptions(t)} data-testid="payment-method" />
            </Form.Item>
          </Flex>
          <Flex justify="flex-end">
            <Button type="primary" loading={saving} onClick={save} data-testid="payment-submit">
              {t('payment.submit')}
            </Button>
          </Flex>
        </Form>
      )}
    </div>
  );
}
