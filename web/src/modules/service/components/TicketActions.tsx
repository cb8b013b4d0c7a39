import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Modal, Rate, Select } from 'antd';
import { useT } from '../../../app/i18n/useT';
import type { Translate } from '../../../app/i18n/i18nContext';
import { ApiError } from '../../../shared/api/client';
import { errorMessage, reasonText } from '../../../shared/ui/apiErrors';
import { serviceApi } from '../api';
import { departmentOptions, kAllowedActions, responsibilityOptions, ticketActionLabel, ticketStatusLabel } from '../labels';
import type { Ticket, TicketAction, TicketActionInput } from '../types';

/** Actions that go through without asking anything. */
const kDirect: readonly TicketAction[] = ['start', 'resume'];

/** A failed action in words: 409s get sentences of their own. */
function actionError(t: Translate, err: unknown, ticket: Ticket, action: TicketAction): string {
  if (err instanceof ApiError && err.code === 'invalid_transition') {
    return t('ticket.invalidTransition', { action: ticketActionLabel(t, action), status: ticketStatusLabel(t, ticket.status) });
  }
  if (err instanceof ApiError && err.code === 'version_conflict') return t('ticket.versionConflict');
  return errorMessage(t, err);
}

/**
 * The buttons of what the ticket's status allows, each opening a short form when it needs input;
 * sent with If-Match so a ticket changed meanwhile answers 409 and is read again.
 */
export function TicketActions({ ticket, onChanged, onStale }: { ticket: Ticket; onChanged: (next: Ticket) => void; onStale: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState<TicketAction | null>(null);
  const [busy, setBusy] = useState<TicketAction | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [form] = Form.useForm<TicketActionInput>();
  const allowed = kAllowedActions[ticket.status] ?? ['comment'];

  const run = async (action: TicketAction, body: TicketActionInput) => {
    setBusy(action);
    setFailure(null);
    try {
      const next = await serviceApi.act(ticket.id, action, body, ticket.version);
      onChanged(next);
      setOpen(null);
      void message.success(t('ticket.actionDone', { action: ticketActionLabel(t, action), status: ticketStatusLabel(t, next.status) }));
    } catch (err) {
      const text = actionError(t, err, ticket, action);
      setFailure(text);
      if (err instanceof ApiError && (err.code === 'version_conflict' || err.code === 'invalid_transition')) onStale();
      if (err instanceof ApiError && Object.keys(err.fields).length) {
        form.setFields(Object.entries(err.fields).map(([name, reason]) => ({ name: name as keyof TicketActionInput, errors: [reasonText(t, reason)] })));
      }
    } finally {
      setBusy(null);
    }
  };

  const begin = (action: TicketAction) => {
    setFailure(null);
    if (kDirect.includes(action)) {
      void run(action, {});
      return;
    }
    form.resetFields();
    form.setFieldsValue(action === 'assign' ? { department: ticket.department } : action === 'resolve' ? { responsibility: 'none' } : {});
    setOpen(action);
  };

  const confirm = async () => {
    if (!open) return;
    let values: TicketActionInput;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const body: TicketActionInput = {};
    for (const [key, value] of Object.entries(values) as [keyof TicketActionInput, unknown][]) {
      if (value === undefined || value === null || value === '') continue;
      (body as Record<string, unknown>)[key] = typeof value === 'string' ? value.trim() : value;
    }
    await run(open, body);
  };

  const required = (text: string) => [{ required: true, whitespace: true, message: text }];
  const fields = () => {
    switch (open) {
      case 'assign':
        return (
          <>
            <Form.Item name="department" label={t('ticket.department')} rules={[{ required: true, message: t('ticket.departmentRequired') }]}>
              <Select options={departmentOptions(t)} data-testid="action-department" />
            </Form.Item>
            <Form.Item name="assignee_id" label={t('ticket.assigneeId')} extra={t('ticket.assigneeHint')}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="action-assignee" />
            </Form.Item>
          </>
        );
      case 'hold':
      case 'reopen':
      case 'cancel':
        return (
          <Form.Item name="reason" label={t('ticket.reason')} rules={required(t('ticket.reasonRequired'))}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="action-reason" />
          </Form.Item>
        );
      case 'resolve':
        return (
          <>
            <Form.Item name="resolution" label={t('ticket.resolution')} rules={required(t('ticket.resolutionRequired'))}>
              <Input.TextArea rows={4} maxLength={5000} data-testid="action-resolution" />
            </Form.Item>
            <Form.Item name="responsibility" label={t('ticket.responsibility')} rules={[{ required: true, message: t('ticket.responsibilityRequired') }]}>
              <Select options={responsibilityOptions(t)} data-testid="action-responsibility" />
            </Form.Item>
          </>
        );
      case 'callback':
        return (
          <>
            <Form.Item name="satisfaction" label={t('ticket.satisfaction')} rules={[{ required: true, message: t('ticket.satisfactionRequired') }]} extra={t('ticket.satisfactionHint')}>
              <Rate count={5} data-testid="action-satisfaction" />
            </Form.Item>
            <Form.Item name="comment" label={t('ticket.callbackComment')}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="action-comment" />
            </Form.Item>
          </>
        );
      case 'comment':
        return (
          <Form.Item name="text" label={t('ticket.commentText')} rules={required(t('ticket.commentRequired'))}>
            <Input.TextArea rows={4} maxLength={5000} data-testid="action-text" />
          </Form.Item>
        );
      default:
        return null;
    }
  };

  return (
    <>
      {failure && !open && <Alert type="warning" showIcon title={failure} closable onClose={() => setFailure(null)} style={{ marginBottom: 12 }} data-testid="action-error" />}
      <Flex gap={8} wrap data-testid="ticket-actions">
        {allowed.map((action) => (
          <Button
            key={action}
            type={action === 'comment' || action === 'cancel' ? 'default' : 'primary'}
            danger={action === 'cancel'}
            ghost={action !== 'comment' && action !== 'cancel' && action !== allowed[0]}
            loading={busy === action && !open}
            onClick={() => begin(action)}
            data-testid={`action-${action}`}
          >
            {ticketActionLabel(t, action)}
          </Button>
        ))}
      </Flex>
      <Modal
        open={open !== null}
        title={open ? t('ticket.actionTitle', { action: ticketActionLabel(t, open), id: ticket.id }) : ''}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        confirmLoading={busy !== null}
        onOk={() => void confirm()}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="action-error" />}
        <Form form={form} layout="vertical" preserve={false}>
          {fields()}
        </Form>
      </Modal>
    </>
  );
}
