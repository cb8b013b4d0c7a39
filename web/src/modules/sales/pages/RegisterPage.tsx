import { lazy, Suspense, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Form, Grid, Input, InputNumber, Radio, Row, Segmented, Select, Spin, Typography, type InputRef } from 'antd';
import { EnterOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { ApiError } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { FormErrorAlert } from '../../../shared/ui/FormErrorAlert';
import { FormSection } from '../../../shared/ui/FormSection';
import { clearChangedFieldErrors } from '../../../shared/ui/apiErrors';
import { required, requiredText } from '../../../shared/ui/formRules';
import { useFormSubmit } from '../../../shared/hooks/useFormSubmit';
import { useDebouncedValue } from '../../../shared/hooks/useDebouncedValue';
import { useUntabbableClear } from '../../../shared/hooks/useUntabbableClear';
import { customerApi } from '../../customers/api';
import { customerChanged, useCustomerSearch } from '../../customers/queries';
import type { Customer } from '../../customers/types';
import { useProjectNames } from '../../inventory/queries';
import { salesApi } from '../api';
import { leadChanged, leadKeys } from '../queries';
import { salesAccess } from '../access';
import { consentRequestRefusal, leadErrorText } from '../errors';
import { CustomerMatch } from '../components/CustomerMatch';
import { ageBandOptions, householdOptions, intentLabel, leadSourceLabel, needTypeOptions, wanToFen } from '../labels';
import { kConsentMethods, kIntents, kLeadSources, type AgeBand, type Consent, type ConsentMethod, type Household, type Intent, type LeadSource, type NeedType } from '../types';

// The QR code (antd's QRCode and its encoder) loads when a consent is asked, not with the desk.
const ConsentProgress = lazy(() => import('../components/ConsentProgress').then((m) => ({ default: m.ConsentProgress })));

/** 来访登记 (the visit registered at once) or 报备（客户确认）: the customer confirms by SMS code or QR code first. */
type Way = 'visit' | 'consent';

/** The project chosen last at this desk (this browser), chosen again next time. */
const kProjectKey = 'hearth.sales.registerProject';

const kPhonePattern = /^1\d{10}$/;

/** The server's intent when none is given: a visitor not yet judged. */
const kDefaultIntent: Intent = 'C';

interface RegisterValues {
  phone: string;
  name?: string;
  project_id: number;
  source: LeadSource;
  intent: Intent;
  budget_wan?: number | null;
  needs?: string;
  age_band?: AgeBand;
  household?: Household;
  need_type?: NeedType;
  method: ConsentMethod;
}

const kFormFields = ['phone', 'name', 'project_id', 'source', 'intent', 'budget_wan', 'needs', 'age_band', 'household', 'need_type', 'method'];

function storedProject(): number | undefined {
  const id = Number(localStorage.getItem(kProjectKey));
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

/** Number keys choose among radio buttons: 1 for the first, 2 for the second… (and A–D for intents). */
function choiceOf<T extends string>(event: KeyboardEvent, values: readonly T[]): T | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  const byLetter = values.find((value) => value.toLowerCase() === event.key.toLowerCase());
  if (byLetter) return byLetter;
  const index = Number(event.key) - 1;
  return Number.isInteger(index) && index >= 0 && index < values.length ? values[index] : undefined;
}

/**
 * /sales/register — 来访登记 at the sales office desk, by keyboard in seconds: type the visitor's
 * mobile number, and the customer with it is found (or a name is asked for, and the customer is
 * made on submit); the project is the one chosen last; the source and intent take number keys
 * (1–6, A–D); Enter submits from any field. A customer another consultant holds (判客保护) is
 * refused with who holds them and until when.
 *
 * ?way=consent — 报备（客户确认）: the same customer and project, then the customer confirms before
 * the lead is registered (source 中介): a 6-digit SMS code they read out (1), or a QR code they scan
 * and agree to on their phone (2); components/ConsentProgress.tsx follows it to the lead. Without an
 * SMS service the refusal offers the QR code.
 */
export default function RegisterPage() {
  const t = useT();
  const { me } = useAuth();
  if (me && !salesAccess(me).write) {
    return (
      <>
        <PageHeader title={t('register.title')} />
        <Alert type="info" showIcon title={t('register.mayNot')} data-testid="may-not-register" />
      </>
    );
  }
  return <RegisterForm />;
}

function RegisterForm() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RegisterValues>();
  const { saving, error, submit, settle } = useFormSubmit<RegisterValues>(form, kFormFields, { budget_cents: 'budget_wan', customer_id: 'phone' });
  const [refusal, setRefusal] = useState<{ text: string; useQr: boolean } | null>(null);
  const [params, setParams] = useSearchParams();
  const way: Way = params.get('way') === 'consent' ? 'consent' : 'visit';
  const [consent, setConsent] = useState<Consent | null>(null);
  const untabbableClear = useUntabbableClear();
  const narrow = !Grid.useBreakpoint().md;
  const phoneRef = useRef<InputRef>(null);
  const nameRef = useRef<InputRef>(null);

  const projects = useProjectNames();
  const projectOptions = [...projects].map(([value, label]) => ({ value, label }));
  // The project chosen last here, else the only one there is.
  useEffect(() => {
    if (projects.size === 0 || form.getFieldValue('project_id')) return;
    const last = storedProject();
    const chosen = last !== undefined && projects.has(last) ? last : projects.size === 1 ? [...projects.keys()][0] : undefined;
    if (chosen !== undefined) form.setFieldValue('project_id', chosen);
  }, [projects, form]);

  const phone: string = Form.useWatch('phone', form) ?? '';
  const complete = kPhonePattern.test(phone);
  const settled = useDebouncedValue(complete ? phone : '', 150);
  const search = useCustomerSearch(settled, 5);
  const searched = complete && settled === phone && !search.searching;
  const found = searched ? search.found : [];
  const [chosenId, setChosenId] = useState<number | null>(null);
  const customer: Customer | null = found.find((c) => c.id === chosenId) ?? found[0] ?? null;
  const isNew = searched && !search.error && found.length === 0;

  // Where the customer already stands: the leads in the caller's scope.
  const standingQuery = useQuery({
    queryKey: leadKeys.list({ customer_id: customer?.id ?? 0, limit: 10 }),
    queryFn: ({ signal }) => salesApi.listLeads({ customer_id: customer!.id, limit: 10 }, signal),
    enabled: customer !== null,
  });
  const standing = customer ? standingQuery.data?.items : undefined;
  // Until the customer's leads are read, the intent they keep (below) is not known.
  const lookingUp = complete && (!searched || (customer !== null && standingQuery.isFetching));

  // A return visit keeps the intent the customer was given at the project (the server takes the one
  // sent), unless the consultant chooses another.
  const projectId: number | undefined = Form.useWatch('project_id', form);
  const intentChosen = useRef(false);
  useEffect(() => {
    if (intentChosen.current || form.isFieldTouched('intent')) return;
    const known = standing?.find((lead) => lead.project_id === projectId);
    form.setFieldsValue({ intent: known?.intent ?? kDefaultIntent }); // not setFieldValue, which marks the field touched
  }, [standing, projectId, form]);

  /** Who holds the customer at the project as the desk read it (their standing), for a refusal that does not say. */
  const holderAt = (project: number) => {
    const lead = standing?.find((l) => l.project_id === project && l.status === 'active' && !l.in_pool);
    return lead ? { owner: lead.consultant_name, until: lead.protected_until } : undefined;
  };

  // Enter pressed in the phone field while the lookup ran: acted on once it has answered.
  const enterPending = useRef(false);

  const save = () => {
    setRefusal(null);
    void (async () => {
      try {
        await form.validateFields();
      } catch (err) {
        const first = (err as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0]?.name;
        if (first) form.focusField(first);
        return;
      }
      if (lookingUp) {
        enterPending.current = true;
        return;
      }
      await submit(async (values) => {
        let customerId = customer?.id;
        let name = customer?.name ?? values.name?.trim() ?? '';
        if (customerId === undefined) {
          try {
            const created = await customerApi.create({ name, phone: values.phone });
            customerChanged(queryClient, created);
            customerId = created.id;
            name = created.name;
          } catch (err) {
            // Someone made the customer meanwhile (or outside this desk's view): register that one.
            const existing = err instanceof ApiError && err.code === 'duplicate_customer' ? err.extraId('existing_id') : null;
            if (existing === null) throw err;
            customerId = existing;
          }
        }
        if (way === 'consent') {
          try {
            const asked = await salesApi.requestConsent({ project_id: values.project_id, customer_id: customerId, method: values.method });
            localStorage.setItem(kProjectKey, String(values.project_id));
            setConsent(asked);
          } catch (err) {
            const refused = consentRequestRefusal(t, err, holderAt(values.project_id));
            if (!refused) throw err;
            setRefusal(refused);
          }
          return;
        }
        try {
          const { lead, created } = await salesApi.registerLead({
            project_id: values.project_id,
            customer_id: customerId,
            source: values.source,
            intent: values.intent,
            budget_cents: wanToFen(values.budget_wan),
            needs: values.needs?.trim() || undefined,
            age_band: values.age_band,
            household: values.household,
            need_type: values.need_type,
          });
          localStorage.setItem(kProjectKey, String(values.project_id));
          leadChanged(queryClient, lead);
          void message.success(created ? t('register.created', { name: lead.customer_name }) : t('register.again', { name: lead.customer_name }));
          navigate(`/sales/leads/${lead.id}`);
        } catch (err) {
          if (err instanceof ApiError && (err.code === 'lead_protected' || err.code === 'lead_limit')) {
            setRefusal({ text: leadErrorText(t, err), useQr: false });
            return;
          }
          throw err;
        }
      });
    })();
  };

  useEffect(() => {
    if (!enterPending.current || lookingUp) return;
    enterPending.current = false;
    if (isNew) nameRef.current?.focus();
    else if (customer) save();
    // Only when the lookup answers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lookingUp]);

  const onPhoneKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    event.stopPropagation();
    if (!complete) {
      void form.validateFields(['phone']).catch(() => undefined);
    } else if (lookingUp) {
      enterPending.current = true;
    } else if (isNew && !form.getFieldValue('name')?.trim()) {
      nameRef.current?.focus();
    } else {
      save();
    }
  };

  /** Enter submits from any field but a drop-down (which chooses with it) and while an IME composes. */
  const onFormKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' || event.defaultPrevented || event.nativeEvent.isComposing || event.shiftKey) return;
    const target = event.target as HTMLElement;
    if (target.closest('.ant-select, .ant-picker, textarea, button')) return;
    event.preventDefault();
    save();
  };

  const onChoiceKey =
    <T extends string>(field: 'source' | 'intent' | 'method', values: readonly T[]) =>
    (event: KeyboardEvent<HTMLDivElement>) => {
      const value = choiceOf(event, values);
      if (value === undefined) return;
      event.preventDefault();
      form.setFieldValue(field, value);
      if (field === 'intent') intentChosen.current = true;
      (event.currentTarget.querySelectorAll<HTMLInputElement>('input[type="radio"]')[values.indexOf(value)] ?? null)?.focus();
    };

  useEffect(() => {
    phoneRef.current?.focus();
  }, []);

  const method: ConsentMethod = Form.useWatch('method', form) ?? 'sms';

  const chooseWay = (next: Way) => {
    const search = new URLSearchParams(params);
    if (next === 'consent') search.set('way', 'consent');
    else search.delete('way');
    setParams(search, { replace: true });
    setRefusal(null);
    phoneRef.current?.focus();
  };

  /** 改用扫码确认: the same customer and project, by QR code. */
  const switchToQr = () => {
    form.setFieldValue('method', 'qr');
    setRefusal(null);
    save();
  };

  const match = (
    <CustomerMatch
      state={!complete ? 'incomplete' : lookingUp ? 'looking' : search.error ? 'failed' : customer ? 'found' : isNew ? 'new' : 'incomplete'}
      error={search.error}
      found={found}
      customer={customer}
      standing={standing}
      onChoose={setChosenId}
    />
  );

  return (
    <div ref={untabbableClear} data-testid="register-desk">
      <PageHeader title={t('register.title')} description={t('register.description')} />
      <Card variant="borderless" style={{ maxWidth: 960 }}>
        <Flex align="center" gap={12} wrap style={{ marginBottom: 16 }}>
          <Segmented<Way>
            value={way}
            onChange={chooseWay}
            disabled={consent !== null}
            aria-label={t('register.way')}
            options={[
              { value: 'visit', label: t('register.way.visit') },
              { value: 'consent', label: t('register.way.consent'), icon: <QrcodeOutlined /> },
            ]}
            data-testid="register-way"
          />
          {way === 'consent' && (
            <Typography.Text type="secondary" data-testid="consent-intro">
              {t('consent.intro')}
            </Typography.Text>
          )}
        </Flex>
        {consent && (
          <Suspense fallback={<Spin />}>
            <ConsentProgress
              key={consent.id}
              consent={consent}
              onAgain={() => {
                setConsent(null);
                save();
              }}
              onBack={() => setConsent(null)}
              onNext={() => {
                setConsent(null);
                form.resetFields(['phone', 'name']);
                setChosenId(null);
                phoneRef.current?.focus();
              }}
            />
          </Suspense>
        )}
        <div style={consent ? { display: 'none' } : undefined}>
          <FormErrorAlert error={error} />
          {refusal && (
            <Alert
              type="warning"
              showIcon
              title={refusal.text}
              action={
                refusal.useQr && (
                  <Button size="small" type="primary" icon={<QrcodeOutlined />} onClick={switchToQr} data-testid="consent-use-qr">
                    {t('consent.useQr')}
                  </Button>
                )
              }
              style={{ marginBottom: 16 }}
              data-testid="register-refused"
            />
          )}
          <Form<RegisterValues>
            form={form}
            name="register"
            layout="vertical"
            autoComplete="off"
            requiredMark
            initialValues={{ source: 'visit', intent: kDefaultIntent, method: 'sms' }}
            onValuesChange={(changed) => {
              clearChangedFieldErrors(form, changed);
              settle();
              if ('phone' in changed || 'project_id' in changed || 'method' in changed) setRefusal(null);
            }}
          >
            <div onKeyDown={onFormKey}>
              <FormSection title={t('register.visitor')}>
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name="phone"
                      label={t('register.phone')}
                      normalize={(value: string) => value.replace(/\D/g, '').slice(0, 11)}
                      rules={[
                        { required: true, message: t('register.phoneRequired') },
                        { pattern: kPhonePattern, message: t('register.phoneFormat') },
                      ]}
                    >
                      <Input
                        ref={phoneRef}
                        size="large"
                        inputMode="numeric"
                        placeholder={t('register.phonePlaceholder')}
                        onKeyDown={onPhoneKey}
                        style={{ letterSpacing: 1 }}
                        data-testid="register-phone"
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    {isNew ? (
                      <Form.Item name="name" label={t('register.name')} rules={requiredText(t('register.nameRequired'))}>
                        <Input ref={nameRef} size="large" maxLength={50} placeholder={t('register.namePlaceholder')} data-testid="register-name" />
                      </Form.Item>
                    ) : (
                      <Form.Item label={t('register.customer')}>{match}</Form.Item>
                    )}
                  </Col>
                  {isNew && (
                    <Col span={24} style={{ marginTop: -8, marginBottom: 8 }}>
                      {match}
                    </Col>
                  )}
                </Row>
              </FormSection>
              <FormSection title={way === 'consent' ? t('consent.section') : t('register.visit')}>
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <Form.Item name="project_id" label={t('lead.project')} rules={required(t('register.projectRequired'))}>
                      <Select<number>
                        showSearch={{ optionFilterProp: 'label' }}
                        placeholder={t('register.projectPlaceholder')}
                        options={projectOptions}
                        notFoundContent={t('register.noProjects')}
                        data-testid="register-project"
                      />
                    </Form.Item>
                  </Col>
                  {way === 'consent' ? (
                    <Col xs={24} md={12}>
                      <div onKeyDown={onChoiceKey('method', kConsentMethods)}>
                        <Form.Item name="method" label={t('consent.method')} extra={t(`consent.methodHint.${method}`)}>
                          <Radio.Group
                            optionType="button"
                            buttonStyle="solid"
                            data-testid="consent-method"
                            options={kConsentMethods.map((value, index) => ({ value, label: `${index + 1} ${t(`consentMethod.${value}`)}` }))}
                          />
                        </Form.Item>
                      </div>
                    </Col>
                  ) : (
                    <>
                      <Col xs={24} md={12}>
                        <Form.Item name="budget_wan" label={t('register.budget')}>
                          <InputNumber<number>
                            min={0}
                            max={1_000_000}
                            suffix={t('register.wan')}
                            style={{ width: '100%' }}
                            placeholder={t('register.budgetPlaceholder')}
                            data-testid="register-budget"
                          />
                        </Form.Item>
                      </Col>
                      <Col span={24}>
                        <div onKeyDown={onChoiceKey('source', kLeadSources)}>
                          <Form.Item name="source" label={t('register.sourceWithKeys')} rules={required(t('register.sourceRequired'))}>
                            <Radio.Group
                              optionType="button"
                              buttonStyle="solid"
                              data-testid="register-source"
                              options={kLeadSources.map((value, index) => ({ value, label: `${index + 1} ${leadSourceLabel(t, value)}` }))}
                            />
                          </Form.Item>
                        </div>
                      </Col>
                      <Col span={24}>
                        <div onKeyDown={onChoiceKey('intent', kIntents)}>
                          <Form.Item name="intent" label={t('register.intentWithKeys')} extra={t('register.intentHint')}>
                            <Radio.Group
                              optionType="button"
                              buttonStyle="solid"
                              data-testid="register-intent"
                              options={kIntents.map((value) => ({ value, label: intentLabel(t, value) }))}
                            />
                          </Form.Item>
                        </div>
                      </Col>
                      <Col span={24}>
                        <Form.Item name="needs" label={t('register.needs')} rules={[{ max: 500, message: t('reason.too_long') }]}>
                          <Input maxLength={500} placeholder={t('register.needsPlaceholder')} data-testid="register-needs" />
                        </Form.Item>
                      </Col>
                    </>
                  )}
                </Row>
              </FormSection>
              {way === 'visit' && (
                <FormSection title={t('register.profile')}>
                  <Row gutter={16}>
                    <Col xs={24} md={8}>
                      <Form.Item name="age_band" label={t('lead.ageBand')}>
                        <Select<AgeBand> allowClear placeholder={t('register.optional')} options={ageBandOptions(t)} data-testid="register-age" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name="household" label={t('lead.household')}>
                        <Select<Household> allowClear placeholder={t('register.optional')} options={householdOptions(t)} data-testid="register-household" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name="need_type" label={t('lead.needType')}>
                        <Select<NeedType> allowClear placeholder={t('register.optional')} options={needTypeOptions(t)} data-testid="register-need-type" />
                      </Form.Item>
                    </Col>
                  </Row>
                </FormSection>
              )}
            </div>
            <Flex justify="flex-end" align="center" gap={8} wrap>
              {!narrow && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <EnterOutlined /> {way === 'consent' ? t('consent.submitHint') : t('register.submitHint')}
                </Typography.Text>
              )}
              <Button onClick={() => navigate('/sales/leads')}>{t('common.cancel')}</Button>
              {way === 'consent' ? (
                <Button type="primary" loading={saving} onClick={save} data-testid="consent-submit">
                  {t('consent.submit')}
                </Button>
              ) : (
                <Button type="primary" loading={saving} onClick={save} data-testid="register-submit">
                  {t('register.submit')}
                </Button>
              )}
            </Flex>
          </Form>
        </div>
      </Card>
    </div>
  );
}
