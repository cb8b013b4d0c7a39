import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, Modal, Radio, Select } from 'antd';
import { useT } from '../../../app/i18n/useT';
import type { Translate } from '../../../app/i18n/i18nContext';
import { ApiError } from '../../../shared/api/client';
import { applyFieldErrors, errorMessage } from '../../../shared/ui/apiErrors';
import { serviceApi } from '../api';
import { departmentOptions, kAllowedActions, responsibilityOptions, ticketActionLabel, ticketStatusLabel } from '../labels';
import type { Ticket, TicketAction, TicketActionInput } from '../types';
import { useStandardAnswers } from '../useStandardAnswers';
import type { Users } from '../../platform/useUsers';
import { worksTickets } from '../access';
import { CallbackFields } from './CallbackFields';
import { StandardAnswerSuggestions, useAnswerInsertion } from './StandardAnswerSuggestions';
import { required, requiredText } from '../../../shared/ui/formRules';

/** 派单: to the department only, to a person picked here, or round-robin among the department's members. */
type AssignMode = 'department' | 'person' | 'round_robin';
type ActionValues = TicketActionInput & { mode?: AssignMode };

/** The form fields of each action, where the server's field reasons land. */
const kActionFields: Record<TicketAction, readonly string[]> = {
  assign: ['department', 'mode', 'assignee_id'],
  start: [],
  hold: ['reason'],
  resume: [],
  resolve: ['resolution', 'responsibility'],
  callback: ['satisfaction', 'comment'],
  reopen: ['reason'],
  cancel: ['reason'],
  comment: ['text'],
};

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
export function TicketActions({ ticket, users, onChanged, onStale }: { ticket: Ticket; users: Users; onChanged: (next: Ticket) => void; onStale: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState<TicketAction | null>(null);
  const [busy, setBusy] = useState<TicketAction | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [form] = Form.useForm<ActionValues>();
  const mode = Form.useWatch('mode', form);
  const allowed = kAllowedActions[ticket.status] ?? ['comment'];
  // Text the customer reads (处理结果) and notes get the standard answers as suggestions.
  const writing = open === 'resolve' || open === 'comment';
  const answers = useStandardAnswers(ticket, writing);
  const insertion = useAnswerInsertion(form, open === 'comment' ? 'text' : 'resolution', answers);

  const run = async (action: TicketAction, body: TicketActionInput) => {
    setBusy(action);
    setFailure(null);
    try {
      const next = await serviceApi.act(ticket.id, action, body, ticket.version);
      onChanged(next);
      setOpen(null);
      void message.success(t('ticket.actionDone', { action: ticketActionLabel(t, action), status: ticketStatusLabel(t, next.status) }));
    } catch (err) {
      // Reasons land on their fields; a field the form does not show is named in the banner.
      const round = action === 'assign' && body.round_robin;
      const elsewhere = open ? applyFieldErrors(form, err, t, kActionFields[action], round ? { assignee_id: 'mode' } : undefined) : [];
      setFailure([actionError(t, err, ticket, action), ...elsewhere].join('；'));
      if (err instanceof ApiError && (err.code === 'version_conflict' || err.code === 'invalid_transition')) onStale();
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
    insertion.reset();
    form.setFieldsValue(action === 'assign' ? { department: ticket.department, mode: 'department' } : action === 'resolve' ? { responsibility: 'none' } : {});
    setOpen(action);
  };

  const confirm = async () => {
    if (!open) return;
    let values: ActionValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const { mode: how, ...fields } = values;
    const body: TicketActionInput = {};
    for (const [key, value] of Object.entries(fields) as [keyof TicketActionInput, unknown][]) {
      if (value === undefined || value === null || value === '') continue;
      (body as Record<string, unknown>)[key] = typeof value === 'string' ? value.trim() : value;
    }
    if (open === 'assign' && how !== 'person') delete body.assignee_id;
    if (open === 'assign' && how === 'round_robin') body.round_robin = true;
    await run(open, body);
  };

  const fields = () => {
    switch (open) {
      case 'assign':
        return (
          <>
            <Form.Item name="department" label={t('ticket.department')} rules={required(t('ticket.departmentRequired'))}>
              <Select options={departmentOptions(t)} data-testid="action-department" />
            </Form.Item>
            <Form.Item name="mode" label={t('ticket.assignMode')} extra={mode === 'round_robin' ? t('ticket.roundRobinHint') : mode === 'department' ? t('ticket.assigneeHint') : undefined}>
              <Radio.Group optionType="button" buttonStyle="solid" data-testid="action-assign-mode">
                <Radio.Button value="department">{t('ticket.assignToDepartment')}</Radio.Button>
                <Radio.Button value="person">{t('ticket.assignToPerson')}</Radio.Button>
                <Radio.Button value="round_robin">{t('ticket.roundRobin')}</Radio.Button>
              </Radio.Group>
            </Form.Item>
            {mode === 'person' && (
              <Form.Item name="assignee_id" label={t('ticket.assignee')} rules={required(t('ticket.assigneeRequired'))}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={users.optionsOf(worksTickets)}
                  placeholder={t('ticket.assigneePlaceholder')}
                  notFoundContent={t('ticket.assigneeNone')}
                  data-testid="action-assignee"
                />
              </Form.Item>
            )}
          </>
        );
      case 'hold':
      case 'reopen':
      case 'cancel':
        return (
          <Form.Item name="reason" label={t('ticket.reason')} rules={requiredText(t('ticket.reasonRequired'))}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="action-reason" />
          </Form.Item>
        );
      case 'resolve':
        return (
          <>
            <Form.Item name="resolution" label={t('ticket.resolution')} rules={requiredText(t('ticket.resolutionRequired'))}>
              <Input.TextArea rows={4} maxLength={5000} {...insertion.textAreaProps} data-testid="action-resolution" />
            </Form.Item>
            <StandardAnswerSuggestions answers={answers} onInsert={insertion.insert} />
            <Form.Item name="responsibility" label={t('ticket.responsibility')} rules={required(t('ticket.responsibilityRequired'))}>
              <Select options={responsibilityOptions(t)} data-testid="action-responsibility" />
            </Form.Item>
          </>
        );
      case 'callback':
        return <CallbackFields />;
      case 'comment':
        return (
          <>
            <Form.Item name="text" label={t('ticket.commentText')} rules={requiredText(t('ticket.commentRequired'))}>
              <Input.TextArea rows={4} maxLength={5000} {...insertion.textAreaProps} data-testid="action-text" />
            </Form.Item>
            <StandardAnswerSuggestions answers={answers} onInsert={insertion.insert} />
          </>
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
