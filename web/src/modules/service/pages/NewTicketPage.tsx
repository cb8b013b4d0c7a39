import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Empty, Flex, Form, Input, List, Radio, Row, Select, Spin, Typography, type InputRef } from 'antd';
import { CheckCircleFilled, PhoneOutlined, SearchOutlined, UserAddOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { useUntabbableClear } from '../../../shared/hooks/useUntabbableClear';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { FormErrorAlert } from '../../../shared/ui/FormErrorAlert';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { useFormSubmit } from '../../../shared/hooks/useFormSubmit';
import { useDebouncedValue } from '../../../shared/hooks/useDebouncedValue';
import { customerChanged, customerKeys, useCustomerSearch } from '../../customers/queries';
import { customerApi } from '../../customers/api';
import { CustomerFormModal } from '../../customers/components/CustomerFormModal';
import { useOrgUnits } from '../../platform/useOrgUnits';
import { searchable } from '../../customers/search';
import type { Customer } from '../../customers/types';
import { CustomerAvatar } from '../../customers/components/CustomerAvatar';
import { CustomerLine, PhoneText } from '../../customers/components/CustomerCells';
import { customerUnitsQuery, useCustomerUnits } from '../../inventory/queries';
import { serviceApi } from '../api';
import { ticketChanged } from '../queries';
import { channelOptions, gradeOptions, kindLabel } from '../labels';
import { kTicketKinds, type TicketChannel, type TicketGrade, type TicketKind } from '../types';
import { useCategories } from '../useCategories';
import { CategoryTreeSelect } from '../components/CategoryTreeSelect';
import { required } from '../../../shared/ui/formRules';
import { serviceAccess } from '../access';
import { registerUnsavedIntake } from '../telephony';

/** What 来电弹屏 put in the address: the caller's number and, when known, the customer. */
interface PoppedCall {
  callId: string | null;
  caller: string;
  customerId: number | null;
}

function poppedCall(params: URLSearchParams): PoppedCall | null {
  const caller = params.get('caller')?.trim() ?? '';
  const id = Number(params.get('customer_id'));
  const customerId = Number.isInteger(id) && id > 0 ? id : null;
  if (!caller && customerId === null) return null;
  return { callId: params.get('call_id'), caller, customerId };
}

const kSearchDelayMs = 250;

interface TicketFormValues {
  kind: TicketKind;
  unit_id?: number;
  channel: TicketChannel;
  category_id?: number;
  grade: TicketGrade;
  title: string;
  description?: string;
}

const kFormFields = ['kind', 'unit_id', 'channel', 'category_id', 'grade', 'title', 'description'];

/**
 * /tickets/new — 来电受理: find the caller (phone digits or name, arrows + Enter), then kind
 * (number keys 1–5), title and description; Ctrl+Enter opens the ticket. Works without a mouse: the
 * clear buttons (×) are no Tab stops, so Tab goes from field to field without dropping a value.
 * Those who may not file tickets (no record.write) are told so instead of given a form that fails.
 *
 * 来电弹屏 opens it as /tickets/new?caller=…&call_id=…[&customer_id=…]: a known caller comes
 * chosen with the focus on the ticket's title, an unknown one opens 新建客户 with the number filled
 * in. Each call gets a fresh form (a second call while the page is open starts over).
 */
export default function NewTicketPage() {
  const t = useT();
  const { me } = useAuth();
  if (me && !serviceAccess(me).write) {
    return (
      <>
        <PageHeader title={t('ticket.incomingCall')} />
        <Alert type="info" showIcon title={t('ticket.mayNotFile')} data-testid="may-not-file" />
      </>
    );
  }
  return <PoppableTicketForm />;
}

function PoppableTicketForm() {
  const [params] = useSearchParams();
  const call = poppedCall(params);
  const key = call ? `${call.callId ?? ''}|${call.caller}|${call.customerId ?? ''}` : 'manual';
  return <NewTicketForm key={key} call={call} />;
}

/** 新建客户 from the intake; the org units load only when it opens. */
function NewCustomerModal({ phone, orgUnitId, onClose, onSaved }: { phone: string; orgUnitId?: number; onClose: () => void; onSaved: (customer: Customer) => void }) {
  const orgUnits = useOrgUnits();
  return <CustomerFormModal target={{ mode: 'create', orgUnitId, phone }} tree={orgUnits.tree} onClose={onClose} onSaved={(customer) => onSaved(customer)} />;
}

function NewTicketForm({ call }: { call: PoppedCall | null }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const categories = useCategories();
  const [form] = Form.useForm<TicketFormValues>();
  const { saving, error, submit, settle } = useFormSubmit<TicketFormValues>(form, kFormFields, { customer_id: 'unit_id', project_id: 'unit_id' });

  const untabbableClear = useUntabbableClear();
  const searchRef = useRef<InputRef>(null);
  const kindRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<InputRef>(null);
  const { me } = useAuth();
  const [typed, setTyped] = useState(call?.customerId ? '' : (call?.caller ?? ''));
  const query = useDebouncedValue(typed.trim(), kSearchDelayMs);
  const search = useCustomerSearch(query, 10);
  const { found, searching, error: searchError } = search;
  const [active, setActive] = useState(0);
  // New results start at their first row.
  const [activeIn, setActiveIn] = useState(found);
  if (activeIn !== found) {
    setActiveIn(found);
    setActive(0);
  }
  const [customer, setCustomer] = useState<Customer | null>(null);
  const queryClient = useQueryClient();
  const unitsQuery = useCustomerUnits(customer?.id);
  const units = unitsQuery.data;
  // What was typed when the caller was picked: the results hide until the agent searches again.
  const [pickedWith, setPickedWith] = useState<string | null>(null);
  // Where the focus goes once the picked customer has enabled the form.
  const focusNext = useRef<'kind' | 'title' | null>(null);
  // 新建客户 (a fresh key each opening); opened by itself for an unknown caller.
  const [creating, setCreating] = useState<{ key: number; phone: string } | null>(() =>
    call && call.customerId === null && call.caller ? { key: 1, phone: call.caller } : null,
  );
  const [callProblem, setCallProblem] = useState<unknown>(null);
  const createdCaller = useRef(false);

  // A call that pops while a title or description is typed here asks before it replaces them.
  useEffect(() => {
    registerUnsavedIntake(() => Boolean(form.getFieldValue('title')?.trim() || form.getFieldValue('description')?.trim()));
    return () => registerUnsavedIntake(null);
  }, [form]);

  useEffect(() => {
    if (!call?.customerId) searchRef.current?.focus();
    // Only when the page opens (each call remounts it).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const target = focusNext.current;
    if (!customer || !target) return;
    focusNext.current = null;
    if (target === 'title') titleRef.current?.focus();
    else kindRef.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
  }, [customer]);

  const pick = (chosen: Customer, then: 'kind' | 'title' | null = 'kind', searchedWith: string = typed) => {
    setCustomer(chosen);
    setPickedWith(searchedWith);
    form.setFieldValue('unit_id', undefined);
    // The caller's first home is the likely one.
    queryClient.fetchQuery(customerUnitsQuery(chosen.id)).then(
      (items) => {
        if (items.length) form.setFieldValue('unit_id', items[0].id);
      },
      () => undefined,
    );
    // The agent goes on with the kind (number keys), then Tab to the title; a popped call starts
    // at the title (the kind is complaint unless changed).
    focusNext.current = then;
  };

  // A popped call of a known customer: read the customer and choose them.
  useEffect(() => {
    const id = call?.customerId;
    if (!id) return undefined;
    let live = true;
    queryClient.fetchQuery({ queryKey: customerKeys.detail(id), queryFn: () => customerApi.get(id) }).then(
      (found) => {
        if (live) pick(found, 'title', '');
      },
      (err: unknown) => {
        if (live) {
          setCallProblem(err);
          searchRef.current?.focus();
        }
      },
    );
    return () => {
      live = false;
    };
    // Once per call (each call remounts the form).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && found.length) {
      event.preventDefault();
      setActive((index) => (index + 1) % found.length);
    } else if (event.key === 'ArrowUp' && found.length) {
      event.preventDefault();
      setActive((index) => (index - 1 + found.length) % found.length);
    } else if (event.key === 'Enter' && !event.ctrlKey && found[active]) {
      event.preventDefault();
      pick(found[active]);
    }
  };

  const onKindKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = Number(event.key) - 1;
    if (Number.isInteger(index) && index >= 0 && index < kTicketKinds.length) {
      event.preventDefault();
      form.setFieldValue('kind', kTicketKinds[index]);
      kindRef.current?.querySelectorAll<HTMLInputElement>('input[type="radio"]')[index]?.focus();
    }
  };

  const save = () => {
    if (!customer) {
      void message.warning(t('ticket.pickCustomerFirst'));
      searchRef.current?.focus();
      return;
    }
    void submit(async (values) => {
      const unit = units?.find((u) => u.id === values.unit_id);
      const created = await serviceApi.create({
        kind: values.kind,
        channel: values.channel,
        customer_id: customer.id,
        unit_id: unit?.id,
        project_id: unit?.project_id,
        category_id: values.category_id,
        grade: values.grade,
        title: values.title.trim(),
        description: values.description?.trim() || undefined,
      });
      void message.success(t('ticket.created', { id: created.id }));
      ticketChanged(queryClient, created);
      navigate(`/tickets/${created.id}`);
    });
  };

  const onPageKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
  };

  const showList = !customer || typed !== pickedWith;
  return (
    <div ref={untabbableClear} onKeyDown={onPageKey} data-testid="incoming-call">
      <PageHeader title={t('ticket.incomingCall')} description={t('ticket.incomingCallDescription')} />
      {call?.caller && (
        <Alert
          type={call.customerId && !callProblem ? 'success' : 'warning'}
          showIcon
          icon={<PhoneOutlined />}
          style={{ marginBottom: 16 }}
          title={t('ticket.callFrom', { caller: call.caller })}
          description={
            callProblem
              ? t('ticket.customerLoadFailed', { reason: errorMessage(t, callProblem) })
              : call.customerId
                ? t('ticket.callFromKnown')
                : t('ticket.callFromUnknown')
          }
          data-testid="call-banner"
          data-caller={call.caller}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card
            variant="borderless"
            title={<><PhoneOutlined /> {t('ticket.caller')}</>}
            extra={
              <Button
                size="small"
                type="link"
                icon={<UserAddOutlined />}
                tabIndex={-1}
                onClick={() => setCreating({ key: Date.now(), phone: call?.customerId ? '' : (call?.caller ?? '') })}
                data-testid="intake-new-customer"
              >
                {t('ticket.newCustomer')}
              </Button>
            }
          >
            <Input
              ref={searchRef}
              size="large"
              allowClear
              prefix={<SearchOutlined />}
              placeholder={t('ticket.callerSearchPlaceholder')}
              aria-label={t('ticket.callerSearch')}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              onKeyDown={onSearchKey}
              data-testid="caller-search"
            />
            {customer && (
              <Flex align="center" gap={10} style={{ marginTop: 16, padding: 12, background: '#f0f5ff', borderRadius: 8 }} data-testid="picked-customer">
                <CheckCircleFilled style={{ color: '#389e0d' }} />
                <CustomerAvatar customer={customer} size={32} />
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong>{customer.name}</Typography.Text>
                  <div>{customer.phone && <PhoneText phone={customer.phone} />}</div>
                </div>
              </Flex>
            )}
            {showList && (
              <div style={{ marginTop: 12 }}>
                {searching ? (
                  <Flex justify="center" style={{ padding: 16 }}>
                    <Spin size="small" />
                  </Flex>
                ) : found.length ? (
                  <List
                    size="small"
                    dataSource={found}
                    data-testid="caller-results"
                    renderItem={(c, index) => (
                      <List.Item
                        key={c.id}
                        onClick={() => pick(c)}
                        onMouseEnter={() => setActive(index)}
                        data-testid={`caller-option-${c.id}`}
                        aria-selected={index === active}
                        style={{ cursor: 'pointer', paddingInline: 8, borderRadius: 6, background: index === active ? '#e6f0ff' : undefined }}
                      >
                        <CustomerLine customer={c} nameWidth={56} style={{ width: '100%' }} />
                      </List.Item>
                    )}
                  />
                ) : (
                  <Typography.Text type="secondary" style={{ display: 'block', padding: '8px 4px' }}>
                    {searchError ? errorMessage(t, searchError) : searchable(query) ? t('customer.searchEmpty') : t('customer.searchTooShort')}
                  </Typography.Text>
                )}
              </div>
            )}
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 16, marginBottom: 0 }}>
              {t('ticket.keyboardHint')}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card variant="borderless" title={t('ticket.newTitle')}>
            <FormErrorAlert error={error} />
            <Form<TicketFormValues>
              form={form}
              layout="vertical"
              requiredMark
              initialValues={{ kind: 'complaint', channel: 'hotline', grade: 'general' }}
              onFieldsChange={settle}
              disabled={!customer}
            >
              <div ref={kindRef} onKeyDown={onKindKey}>
                <Form.Item name="kind" label={t('ticket.kindWithKeys')} rules={required(t('ticket.kindRequired'))}>
                  <Radio.Group
                    optionType="button"
                    buttonStyle="solid"
                    data-testid="ticket-kind"
                    options={kTicketKinds.map((value, index) => ({ value, label: `${index + 1} ${kindLabel(t, value)}` }))}
                  />
                </Form.Item>
              </div>
              <Form.Item name="title" label={t('ticket.titleField')} rules={[{ required: true, whitespace: true, message: t('ticket.titleRequired') }, { max: 200, message: t('reason.too_long') }]}>
                <Input ref={titleRef} placeholder={t('ticket.titlePlaceholder')} maxLength={200} data-testid="ticket-title" />
              </Form.Item>
              <Form.Item name="description" label={t('ticket.description')} rules={[{ max: 5000, message: t('reason.too_long') }]}>
                <Input.TextArea rows={4} placeholder={t('ticket.descriptionPlaceholder')} data-testid="ticket-description" />
              </Form.Item>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item name="unit_id" label={t('ticket.unit')}>
                    <Select<number>
                      allowClear
                      loading={unitsQuery.isLoading}
                      placeholder={t('ticket.unitPlaceholder')}
                      notFoundContent={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ticket.noUnits')} />}
                      options={(units ?? []).map((u) => ({ value: u.id, label: `${u.project_name} ${u.code}` }))}
                      data-testid="ticket-unit"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="category_id" label={t('ticket.category')}>
                    <CategoryTreeSelect tree={categories.tree} placeholder={t('ticket.categoryPlaceholder')} treeDefaultExpandAll={false} data-testid="ticket-category" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="channel" label={t('ticket.channel')} rules={required(t('ticket.channelRequired'))}>
                    <Select<TicketChannel> options={channelOptions(t)} data-testid="ticket-channel" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="grade" label={t('ticket.grade')}>
                    <Select<TicketGrade> options={gradeOptions(t)} data-testid="ticket-grade" />
                  </Form.Item>
                </Col>
              </Row>
              <Flex justify="flex-end" gap={8} align="center">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('ticket.submitHint')}
                </Typography.Text>
                <Button onClick={() => navigate('/tickets')} disabled={false}>
                  {t('common.cancel')}
                </Button>
                <Button type="primary" loading={saving} onClick={save} data-testid="submit-ticket">
                  {t('ticket.submit')}
                </Button>
              </Flex>
            </Form>
          </Card>
        </Col>
      </Row>
      {creating && (
        <NewCustomerModal
          key={creating.key}
          phone={creating.phone}
          orgUnitId={me?.org_unit_id ?? undefined}
          onClose={() => {
            setCreating(null);
            // After the dialog has given the focus back: on to the new caller's ticket.
            if (createdCaller.current) window.setTimeout(() => titleRef.current?.focus(), 0);
            createdCaller.current = false;
          }}
          onSaved={(created) => {
            customerChanged(queryClient, created);
            createdCaller.current = true;
            pick(created, null);
          }}
        />
      )}
    </div>
  );
}
