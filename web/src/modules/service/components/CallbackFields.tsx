import { Alert, Form, Input, Rate } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { required } from '../../../shared/ui/formRules';

/** 1–2 stars reopen the ticket; 3–5 close it (the server's rule, ticket.cpp). */
export const reopensTicket = (satisfaction: number | null | undefined) => !!satisfaction && satisfaction <= 2;

/**
 * The fields of a call-back (回访): satisfaction 1–5 and what the customer said. Rating 1 or 2
 * says plainly that the ticket will be reopened.
 */
export function CallbackFields() {
  const t = useT();
  const satisfaction = Form.useWatch<number | undefined>('satisfaction');
  const tips = [t('callback.rate1'), t('callback.rate2'), t('callback.rate3'), t('callback.rate4'), t('callback.rate5')];
  return (
    <>
      <Form.Item name="satisfaction" label={t('ticket.satisfaction')} rules={required(t('ticket.satisfactionRequired'))} extra={t('ticket.satisfactionHint')}>
        <Rate count={5} tooltips={tips} data-testid="action-satisfaction" />
      </Form.Item>
      {reopensTicket(satisfaction) && <Alert type="warning" showIcon title={t('callback.reopenWarning')} style={{ marginBottom: 16 }} data-testid="callback-reopen-warning" />}
      <Form.Item name="comment" label={t('ticket.callbackComment')}>
        <Input.TextArea rows={3} maxLength={2000} placeholder={t('callback.commentPlaceholder')} data-testid="action-comment" />
      </Form.Item>
    </>
  );
}
