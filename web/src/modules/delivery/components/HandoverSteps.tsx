import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Flex, Form, Input, InputNumber, Radio, Row, Typography, type TreeSelectProps } from 'antd';
import { CheckOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import type { Translate } from '../../../app/i18n/i18nContext';
import { FormErrorAlert } from '../../../shared/ui/FormErrorAlert';
import { ApiError } from '../../../shared/api/client';
import { useFormSubmit } from '../../../shared/hooks/useFormSubmit';
import { clearChangedFieldErrors } from '../../../shared/ui/apiErrors';
import { required, requiredText } from '../../../shared/ui/formRules';
import { formatYuan, yuanToFen } from '../../inventory/labels';
import { CategoryTreeSelect } from '../../service/components/CategoryTreeSelect';
import { useCategories } from '../../service/useCategories';
import { deliveryApi } from '../api';
import { handoverChanged, handoverKeys } from '../queries';
import { formatMinute, formatNumber, handoverStepLabel } from '../labels';
import { nextStepOf, stepErrorText } from '../errors';
import { kHandoverSteps, type Handover, type HandoverStep, type HandoverStepRecord, type StepInput } from '../types';

const num = (value: unknown) => (typeof value === 'number' ? value : null);
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** What a done step recorded, in words: who came, the fees and receipt, the defects, the meters and keys. */
export function stepDetail(t: Translate, record: HandoverStepRecord): string[] {
  const d = record.detail;
  const parts: string[] = [];
  switch (record.step) {
    case 'identity':
      parts.push(d.attendee === 'agent' ? t('detail.agent', { name: text(d.agent_name), poa: text(d.power_of_attorney) }) : t('detail.owner'));
      break;
    case 'fees':
      if (num(d.fees_cents) !== null) parts.push(t('detail.fees', { amount: formatYuan(num(d.fees_cents)) === '—' ? '¥0' : formatYuan(num(d.fees_cents)) }));
      if (text(d.receipt_no)) parts.push(t('detail.receipt', { no: text(d.receipt_no) }));
      break;
    case 'inspection': {
      const count = num(d.defects) ?? 0;
      parts.push(count ? t('detail.defects', { count }) : t('detail.noDefects'));
      break;
    }
    case 'keys':
      if (num(d.water_m3) !== null) parts.push(t('detail.water', { value: formatNumber(num(d.water_m3)!) }));
      if (num(d.electricity_kwh) !== null) parts.push(t('detail.electricity', { value: formatNumber(num(d.electricity_kwh)!) }));
      if (num(d.gas_m3) !== null) parts.push(t('detail.gas', { value: formatNumber(num(d.gas_m3)!) }));
      if (num(d.key_count) !== null) parts.push(t('detail.keys', { count: num(d.key_count)! }));
      break;
    default:
      break;
  }
  if (record.note) parts.push(record.note);
  return parts;
}

/** A step's number in its circle: done (a tick, green), due now (blue), later (grey). */
function StepMark({ index, state }: { index: number; state: 'done' | 'now' | 'later' }) {
  const colors = { done: ['#52c41a', '#fff'], now: ['#1f4fd1', '#fff'], later: ['#f0f2f5', '#8c94a3'] }[state];
  return (
    <span
      aria-hidden
      style={{
        flex: 'none',
        width: 28,
        height: 28,
        borderRadius: '50%',
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: colors[0],
        color: colors[1],
        fontWeight: 600,
        fontSize: 13,
      }}
    >
      {state === 'done' ? <CheckOutlined /> : index + 1}
    </span>
  );
}

/**
 * The six steps of a handover in their order: the done ones with who, when and what they recorded;
 * the step due now with its form (only that one: the others wait their turn); the later ones waiting.
 */
export function HandoverSteps({ handover, writable }: { handover: Handover; writable: boolean }) {
  const t = useT();
  const open = handover.status === 'booked' || handover.status === 'in_progress';
  return (
    <Flex vertical data-testid="handover-steps">
      {kHandoverSteps.map((step, index) => {
        const record = handover.steps.find((s) => s.step === step);
        const now = open && !record && handover.next_step === step;
        const state = record ? 'done' : now ? 'now' : 'later';
        return (
          <Flex
            key={step}
            gap={12}
            align="flex-start"
            style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }}
            data-testid={`step-${step}`}
            data-state={state}
          >
            <StepMark index={index} state={state} />
            <div style={{ flex: 1, minWidth: 0 }}>
              <Flex justify="space-between" gap={8} wrap>
                <Typography.Text strong style={{ fontSize: 15, color: state === 'later' ? '#8c94a3' : undefined }}>
                  {handoverStepLabel(t, step)}
                </Typography.Text>
                {record && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`step-by-${step}`}>
                    {t('handover.stepBy', { name: record.by_name, at: formatMinute(record.at) })}
                  </Typography.Text>
                )}
                {state === 'later' && open && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('handover.stepWaiting')}
                  </Typography.Text>
                )}
              </Flex>
              {record && (
                <Typography.Text style={{ display: 'block', fontSize: 13, overflowWrap: 'anywhere' }} data-testid={`step-detail-${step}`}>
                  {stepDetail(t, record).join(t('detail.separator'))}
                </Typography.Text>
              )}
              {now && writable && (
                <div style={{ marginTop: 8 }}>
                  <StepForm key={`${handover.id}-${step}`} handover={handover} step={step} />
                </div>
              )}
            </div>
          </Flex>
        );
      })}
    </Flex>
  );
}

interface DefectValues {
  location: string;
  /** The category's path by name ("空鼓开裂/墙面开裂"), as the server finds it. */
  category?: string;
  description: string;
}

/**
 * A ticket category chosen in the service module's tree, as a form control whose value is the
 * category's path by name ("渗漏/卫生间渗漏"): what a defect sends.
 */
function CategoryPathSelect({ value, onChange, ...props }: { value?: string; onChange?: (path: string | undefined) => void } & Omit<TreeSelectProps<number>, 'value' | 'onChange' | 'treeData'>) {
  const categories = useCategories();
  const paths = useMemo(() => {
    const pathOf = (id: number) => {
      const names: string[] = [];
      for (let c = categories.byId.get(id), guard = 0; c && guard < 10; guard += 1) {
        names.unshift(c.name);
        c = c.parent_id === null ? undefined : categories.byId.get(c.parent_id);
      }
      return names.join('/');
    };
    return new Map([...categories.byId.keys()].map((id) => [id, pathOf(id)]));
  }, [categories.byId]);
  const chosen = value ? [...paths].find(([, path]) => path === value)?.[0] : undefined;
  return <CategoryTreeSelect tree={categories.tree} value={chosen} onChange={(id?: number) => onChange?.(id ? paths.get(id) : undefined)} {...props} />;
}

interface StepValues {
  note?: string;
  attendee?: 'owner' | 'agent';
  agent_name?: string;
  power_of_attorney?: string;
  fees_yuan?: number | null;
  receipt_no?: string;
  defects?: DefectValues[];
  water_m3?: number | null;
  electricity_kwh?: number | null;
  gas_m3?: number | null;
  key_count?: number | null;
}

const kStepFields = ['note', 'attendee', 'agent_name', 'power_of_attorney', 'fees_yuan', 'receipt_no', 'defects', 'water_m3', 'electricity_kwh', 'gas_m3', 'key_count'];

/** Where a server field of a step goes on its form: fees in yuan, a defect's members on its row. */
function stepField(field: string): (string | number)[] | string | null {
  if (field === 'fees_cents') return 'fees_yuan';
  const defect = /^defects\[(\d+)\]\.(\w+)$/.exec(field);
  if (defect) return ['defects', Number(defect[1]), defect[2]];
  return field;
}

/**
 * The form of the step due now, its first field focused and Enter submitting: 收楼通知 and 资料签收 a
 * note; 身份核验 who came (an agent with their name and 委托书 number); 缴费 the amount in yuan and the
 * receipt; 验房 the defects, each a repair ticket; 交钥匙 the meter readings and the keys.
 */
function StepForm({ handover, step }: { handover: Handover; step: HandoverStep }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<StepValues>();
  const { saving, error, submit, settle } = useFormSubmit<StepValues>(form, kStepFields, stepField);
  const attendee = Form.useWatch('attendee', form);
  const defects = Form.useWatch('defects', form) ?? [];
  const first = useRef<HTMLDivElement>(null);

  // The step's first field (or its button) takes the focus: the desk goes on with the keyboard.
  useEffect(() => {
    const target = first.current?.querySelector<HTMLElement>('input:not([type=hidden]), textarea, button');
    target?.focus();
  }, []);

  const bodyOf = (values: StepValues): StepInput => {
    const note = values.note?.trim() ? { note: values.note.trim() } : {};
    switch (step) {
      case 'identity':
        return values.attendee === 'agent'
          ? { ...note, attendee: 'agent', agent_name: values.agent_name?.trim(), power_of_attorney: values.power_of_attorney?.trim() }
          : { ...note, attendee: 'owner' };
      case 'fees':
        return { ...note, fees_cents: yuanToFen(values.fees_yuan), ...(values.receipt_no?.trim() ? { receipt_no: values.receipt_no.trim() } : {}) };
      case 'inspection':
        return {
          ...note,
          defects: (values.defects ?? []).map((d) => ({
            location: d.location.trim(),
            description: d.description.trim(),
            ...(d.category ? { category: d.category } : {}),
          })),
        };
      case 'keys': {
        const body: StepInput = { ...note };
        if (typeof values.water_m3 === 'number') body.water_m3 = values.water_m3;
        if (typeof values.electricity_kwh === 'number') body.electricity_kwh = values.electricity_kwh;
        if (typeof values.gas_m3 === 'number') body.gas_m3 = values.gas_m3;
        if (typeof values.key_count === 'number') body.key_count = values.key_count;
        return body;
      }
      default:
        return note;
    }
  };

  const save = () =>
    void submit(async (values) => {
      try {
        const after = await deliveryApi.step(handover.id, step, bodyOf(values));
        handoverChanged(queryClient, after);
        void message.success(step === 'keys' ? t('handover.delivered', { code: after.unit_code }) : t('handover.stepSaved', { step: handoverStepLabel(t, step) }));
      } catch (err) {
        // Done meanwhile at another desk, or the handover closed: read it again.
        if (nextStepOf(err) || (err instanceof ApiError && err.code === 'invalid_transition')) {
          void queryClient.invalidateQueries({ queryKey: handoverKeys.detail(handover.id) });
        }
        throw err;
      }
    });

  const submitText: Record<HandoverStep, string> = {
    notice: t('step.noticeSubmit'),
    identity: t('step.identitySubmit'),
    fees: t('step.feesSubmit'),
    documents: t('step.documentsSubmit'),
    inspection: defects.length ? t('step.inspectionSubmitTickets', { count: defects.length }) : t('step.inspectionSubmit'),
    keys: t('step.keysSubmit'),
  };
  const hint = (words: string) => (
    <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 12 }}>
      {words}
    </Typography.Paragraph>
  );
  const meter = (name: keyof StepValues, label: string, testId: string, rules = true): ReactNode => (
    <Col xs={12} md={6}>
      <Form.Item name={name} label={label} rules={rules ? required(t('reason.required')) : undefined}>
        <InputNumber min={0} step={0.1} precision={2} style={{ width: '100%' }} data-testid={testId} />
      </Form.Item>
    </Col>
  );

  return (
    <div ref={first} data-testid={`step-form-${step}`}>
      <FormErrorAlert error={error && { ...error, message: stepErrorText(t, error.cause) }} />
      <Form<StepValues>
        form={form}
        name={`handover-${step}`}
        layout="vertical"
        autoComplete="off"
        initialValues={{ attendee: 'owner', defects: [] }}
        onFinish={save}
        onValuesChange={(changed) => {
          clearChangedFieldErrors(form, changed);
          settle();
        }}
      >
        {step === 'notice' && hint(t('step.noticeHint'))}
        {step === 'documents' && hint(t('step.documentsHint'))}
        {step === 'identity' && (
          <>
            <Form.Item name="attendee" label={t('step.attendee')} rules={required(t('step.attendeeRequired'))}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={[
                  { value: 'owner', label: t('step.attendeeOwner') },
                  { value: 'agent', label: t('step.attendeeAgent') },
                ]}
                data-testid="step-attendee"
              />
            </Form.Item>
            {attendee === 'agent' && (
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item name="agent_name" label={t('step.agentName')} rules={[...requiredText(t('step.agentNameRequired')), { max: 100, message: t('reason.too_long') }]}>
                    <Input maxLength={100} data-testid="step-agent-name" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="power_of_attorney" label={t('step.poa')} rules={[...requiredText(t('step.poaRequired')), { max: 100, message: t('reason.too_long') }]}>
                    <Input maxLength={100} data-testid="step-poa" />
                  </Form.Item>
                </Col>
              </Row>
            )}
          </>
        )}
        {step === 'fees' && (
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="fees_yuan" label={t('step.feesAmount')} rules={required(t('reason.required'))}>
                <InputNumber min={0} precision={2} step={100} style={{ width: '100%' }} data-testid="step-fees" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="receipt_no" label={t('step.feesReceipt')} rules={[{ max: 60, message: t('reason.too_long') }]}>
                <Input maxLength={60} data-testid="step-receipt" />
              </Form.Item>
            </Col>
          </Row>
        )}
        {step === 'inspection' && (
          <>
            {hint(t('step.inspectionHint'))}
            <Form.List name="defects">
              {(fields, { add, remove }) => (
                <Flex vertical gap={8} style={{ marginBottom: 12 }}>
                  {fields.map((field, index) => (
                    <div key={field.key} style={{ border: '1px solid #f0f2f5', borderRadius: 8, padding: '8px 12px 0' }} data-testid={`defect-${index}`}>
                      <Flex justify="space-between" align="center" style={{ marginBottom: 4 }}>
                        <Typography.Text strong>{t('step.defectN', { n: index + 1 })}</Typography.Text>
                        <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('step.removeDefect')} onClick={() => remove(field.name)} data-testid={`defect-remove-${index}`} />
                      </Flex>
                      <Row gutter={12}>
                        <Col xs={24} md={8}>
                          <Form.Item name={[field.name, 'location']} label={t('finding.location')} rules={[...requiredText(t('finding.locationRequired')), { max: 100, message: t('reason.too_long') }]}>
                            <Input autoFocus maxLength={100} placeholder={t('finding.locationPlaceholder')} data-testid={`defect-location-${index}`} />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={8}>
                          <Form.Item name={[field.name, 'category']} label={t('finding.category')}>
                            <CategoryPathSelect placeholder={t('finding.categoryPlaceholder')} aria-label={t('finding.category')} data-testid={`defect-category-${index}`} />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={8}>
                          <Form.Item name={[field.name, 'description']} label={t('finding.description')} rules={[...requiredText(t('finding.descriptionRequired')), { max: 2000, message: t('reason.too_long') }]}>
                            <Input maxLength={2000} data-testid={`defect-description-${index}`} />
                          </Form.Item>
                        </Col>
                      </Row>
                    </div>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ location: '', description: '' })} style={{ alignSelf: 'flex-start' }} data-testid="defect-add">
                    {t('step.addDefect')}
                  </Button>
                </Flex>
              )}
            </Form.List>
          </>
        )}
        {step === 'keys' && (
          <Row gutter={12}>
            {meter('water_m3', t('step.water'), 'step-water')}
            {meter('electricity_kwh', t('step.electricity'), 'step-electricity')}
            {meter('gas_m3', t('step.gas'), 'step-gas', false)}
            <Col xs={12} md={6}>
              <Form.Item name="key_count" label={t('step.keyCount')} rules={required(t('reason.required'))}>
                <InputNumber min={0} max={50} precision={0} style={{ width: '100%' }} data-testid="step-key-count" />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item name="note" label={t('step.note')} rules={[{ max: 1000, message: t('reason.too_long') }]}>
          <Input maxLength={1000} placeholder={t('step.notePlaceholder')} data-testid="step-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="step-submit">
          {submitText[step]}
        </Button>
      </Form>
    </div>
  );
}
