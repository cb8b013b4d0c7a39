import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { FormModal } from '../../../shared/ui/FormModal';
import { yuanToFen } from '../../inventory/labels';
import { serviceApi } from '../api';
import { chargeToOptions, workOrderActionLabel, workOrderStatusLabel } from '../labels';
import type { ChargeTo, Ticket, WorkOrder, WorkOrderAction, WorkOrderActionInput } from '../types';
import { required, requiredText } from '../../../shared/ui/formRules';

const kTimeFormat = 'YYYY-MM-DD HH:mm';

interface CreateValues {
  contractor: string;
  appointment_at?: Dayjs | null;
  plan: string;
}

const kCreateFields = ['contractor', 'appointment_at', 'plan'] as const;

/** 派工: a contractor, an appointment and the repair plan; a major ticket's plan waits for engineering. */
export function WorkOrderCreateModal({ ticket, onClose, onSaved }: { ticket: Ticket; onClose: () => void; onSaved: (order: WorkOrder) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const [initial] = useState<CreateValues>({ contractor: '', plan: '' });

  const save = async (values: CreateValues) => {
    const saved = await serviceApi.createWorkOrder(ticket.id, {
      contractor: values.contractor.trim(),
      plan: values.plan.trim(),
      appointment_at: values.appointment_at!.toISOString(),
    });
    message.success(t('workOrder.created', { id: saved.id, status: workOrderStatusLabel(t, saved.status) }));
    onSaved(saved);
  };

  return (
    <FormModal<CreateValues>
      form={form}
      name="work_order"
      formFields={kCreateFields}
      initialValues={initial}
      title={t('workOrder.createTitle', { id: ticket.id })}
      okText={t('workOrder.dispatch')}
      width={600}
      testId="work-order-modal"
      onSave={save}
      onClose={onClose}
    >
      {ticket.grade === 'major' && <Alert type="info" showIcon title={t('workOrder.needsApproval')} style={{ marginBottom: 16 }} data-testid="work-order-approval-note" />}
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 220px', columnGap: 16 }}>
        <Form.Item name="contractor" label={t('workOrder.contractor')} rules={requiredText(t('workOrder.contractorRequired'))}>
          <Input maxLength={100} placeholder={t('workOrder.contractorPlaceholder')} data-testid="work-order-contractor" />
        </Form.Item>
        <Form.Item name="appointment_at" label={t('workOrder.appointment')} rules={required(t('workOrder.appointmentRequired'))}>
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={kTimeFormat} style={{ width: '100%' }} placeholder={t('workOrder.appointmentPlaceholder')} data-testid="work-order-appointment" />
        </Form.Item>
      </div>
      <Form.Item name="plan" label={t('workOrder.plan')} rules={requiredText(t('workOrder.planRequired'))}>
        <Input.TextArea rows={4} maxLength={5000} placeholder={t('workOrder.planPlaceholder')} data-testid="work-order-plan" />
      </Form.Item>
    </FormModal>
  );
}

interface ActionValues {
  note?: string;
  appointment_at?: Dayjs | null;
  cost_yuan?: number | null;
  charge_to?: ChargeTo;
}

const kActionFields = ['note', 'appointment_at', 'cost_yuan', 'charge_to'] as const;
// The server counts fen; people type yuan.
const kFieldResolver: Record<string, string> = { cost_fen: 'cost_yuan' };

/** Who pays by default: within the statutory warranty the contractor, after it the owner. */
function defaultChargeTo(ticket: Ticket): ChargeTo | undefined {
  if (!ticket.warranty) return undefined;
  return ticket.warranty.in_warranty ? 'contractor' : 'owner';
}

/**
 * One step of a work order (审批 / 上门 / 验收 / 验收不通过 / 取消) with what it asks: acceptance
 * takes the cost in yuan (sent in fen) and who pays; a failed acceptance a reason and a new appointment.
 */
export function WorkOrderActionModal({
  ticket,
  order,
  action,
  onClose,
  onSaved,
  onStale,
}: {
  ticket: Ticket;
  order: WorkOrder;
  action: WorkOrderAction;
  onClose: () => void;
  onSaved: (order: WorkOrder) => void;
  /** The order changed underneath (409): the list is read again. */
  onStale: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const [initial] = useState<ActionValues>(action === 'accept' ? { charge_to: defaultChargeTo(ticket) } : {});
  const label = workOrderActionLabel(t, action);

  const save = async (values: ActionValues) => {
    const body: WorkOrderActionInput = {};
    const note = values.note?.trim();
    if (note) body.note = note;
    if (action === 'reject' && values.appointment_at) body.appointment_at = values.appointment_at.toISOString();
    if (action === 'accept') {
      body.cost_fen = yuanToFen(values.cost_yuan) ?? 0;
      body.charge_to = values.charge_to;
    }
    try {
      const saved = await serviceApi.actOnWorkOrder(order.id, action, body);
      message.success(t('workOrder.actionDone', { action: label, status: workOrderStatusLabel(t, saved.status) }));
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) onStale();
      throw err;
    }
  };

  const noteLabel = action === 'reject' ? t('workOrder.rejectReason') : action === 'cancel' ? t('workOrder.cancelReason') : t('workOrder.note');
  return (
    <FormModal<ActionValues>
      form={form}
      name={`work_order_${action}`}
      formFields={kActionFields}
      fieldResolver={kFieldResolver}
      initialValues={initial}
      title={t('workOrder.actionTitle', { action: label, id: order.id })}
      okText={label}
      okDanger={action === 'cancel' || action === 'reject'}
      width={action === 'accept' || action === 'reject' ? 560 : 480}
      testId={`work-order-${action}-modal`}
      onSave={save}
      onClose={onClose}
    >
      {action === 'approve' && <Alert type="info" showIcon title={t('workOrder.approveNote')} style={{ marginBottom: 16 }} />}
      {action === 'accept' && (
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          <Form.Item name="cost_yuan" label={t('workOrder.cost')} extra={t('workOrder.costHint')}>
            <InputNumber min={0} max={100_000_000} precision={2} step={100} prefix="¥" suffix={t('workOrder.yuan')} style={{ width: '100%' }} data-testid="work-order-cost" />
          </Form.Item>
          <Form.Item name="charge_to" label={t('workOrder.chargeTo')} rules={required(t('workOrder.chargeToRequired'))} extra={ticket.warranty ? (ticket.warranty.in_warranty ? t('ticket.inWarranty') : t('ticket.outOfWarranty')) : undefined}>
            <Select options={chargeToOptions(t)} data-testid="work-order-charge-to" />
          </Form.Item>
        </div>
      )}
      {action === 'reject' && (
        <Form.Item name="appointment_at" label={t('workOrder.newAppointment')} rules={required(t('workOrder.appointmentRequired'))}>
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={kTimeFormat} style={{ width: '100%' }} placeholder={t('workOrder.appointmentPlaceholder')} data-testid="work-order-appointment" />
        </Form.Item>
      )}
      <Form.Item name="note" label={noteLabel} rules={action === 'reject' ? [{ required: true, whitespace: true, message: t('workOrder.rejectReasonRequired') }] : undefined}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="work-order-note" />
      </Form.Item>
    </FormModal>
  );
}
