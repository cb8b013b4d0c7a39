import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Form, Input, Modal, Radio, Result, Row, Select, Typography } from 'antd';
import { useLanguage, useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { FormErrorAlert } from '../../../shared/ui/FormErrorAlert';
import { applyFieldErrors, clearChangedFieldErrors, type FieldResolver } from '../../../shared/ui/apiErrors';
import { required, requiredText } from '../../../shared/ui/formRules';
import { useFormSubmit } from '../../../shared/hooks/useFormSubmit';
import { useDebouncedValue } from '../../../shared/hooks/useDebouncedValue';
import { customerApi } from '../../customers/api';
import { CustomerPicker } from '../../customers/components/CustomerPicker';
import { customerChanged, useCustomerSearch } from '../../customers/queries';
import type { Customer } from '../../customers/types';
import { useCustomerUnits, useProjectNames } from '../../inventory/queries';
import { salesApi } from '../api';
import { leadKeys, referralChanged } from '../queries';
import { formatMoney, intentLabel, referralReasonLabel } from '../labels';
import { referralErrorText, referralRefusal } from '../errors';
import { kIntents, type Intent, type Referral } from '../types';
import { CustomerMatch } from './CustomerMatch';

/** The project chosen last for a referral (this browser), chosen again next time. */
const kProjectKey = 'hearth.sales.referralProject';

const kPhonePattern = /^1\d{10}$/;

interface ReferralValues {
  project_id: number;
  referrer_id: number;
  referee_phone: string;
  referee_name?: string;
  intent: Intent;
  note?: string;
}

const kFormFields = ['project_id', 'referrer_id', 'referee_phone', 'referee_name', 'intent', 'note'];

/** The server's fields (the referral's, and the new referee's when they are made) on the form's. */
const kResolver: FieldResolver = { referee_id: 'referee_phone', phone: 'referee_phone', name: 'referee_name' };

function storedProject(): number | undefined {
  const id = Number(localStorage.getItem(kProjectKey));
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

/** The referrer as a fixed value of the form (opened from their page): their name, never a number. */
function FixedCustomer({ name }: { value?: number; name: string }) {
  return (
    <Typography.Text strong data-testid="referral-referrer-fixed">
      {name}
    </Typography.Text>
  );
}

/** Which homes the referrer owns (only owners may refer), under the referrer field. */
function OwnerHint({ customerId }: { customerId: number | undefined }) {
  const t = useT();
  const units = useCustomerUnits(customerId).data;
  if (customerId === undefined || !units) return null;
  if (units.length === 0) {
    return (
      <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="referrer-owns-nothing">
        {t('referral.referrerOwnsNothing')}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="referrer-owns">
      {t('referral.referrerOwns', { units: units.map((unit) => `${unit.project_name} ${unit.code}`).join(t('sales.separator')) })}
    </Typography.Text>
  );
}

/**
 * 登记老带新: the project, the referrer (an owner: searched by mobile or name, or given when opened
 * from their page), the referee by mobile number (found, or made with the name typed, as at the
 * visitor desk), the intent and a note. The server's refusal (a fraud check: not an owner, one
 * household, another consultant's customer…) is shown in its own words above the form and on the
 * field; once registered, the dialog links to the referee's new lead. Mount it once per opening.
 */
export function ReferralModal({
  referrer,
  projectId,
  onClose,
}: {
  /** The referrer, fixed (the customer page's 置业 tab). */
  referrer?: { id: number; name: string };
  /** The project to begin with (the list's filter). */
  projectId?: number;
  onClose: () => void;
}) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(true);
  const [form] = Form.useForm<ReferralValues>();
  const { saving, error, submit, settle } = useFormSubmit<ReferralValues>(form, kFormFields, kResolver);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [done, setDone] = useState<Referral | null>(null);
  const [picked, setPicked] = useState<Customer | null>(null);

  const projects = useProjectNames();
  const projectOptions = [...projects].map(([value, label]) => ({ value, label }));
  // The list's project, else the one chosen last here, else the only one there is.
  useEffect(() => {
    if (projects.size === 0 || form.getFieldValue('project_id')) return;
    const last = storedProject();
    const chosen = [projectId, last].find((id) => id !== undefined && projects.has(id)) ?? (projects.size === 1 ? [...projects.keys()][0] : undefined);
    if (chosen !== undefined) form.setFieldsValue({ project_id: chosen });
  }, [projects, projectId, form]);

  const referrerId: number | undefined = Form.useWatch('referrer_id', form);

  // The referee, looked up by the mobile number as at the visitor desk.
  const phone: string = Form.useWatch('referee_phone', form) ?? '';
  const complete = kPhonePattern.test(phone);
  const settled = useDebouncedValue(complete ? phone : '', 150);
  const search = useCustomerSearch(settled, 5);
  const searched = complete && settled === phone && !search.searching;
  const found = searched ? search.found : [];
  const [chosenId, setChosenId] = useState<number | null>(null);
  const referee: Customer | null = found.find((c) => c.id === chosenId) ?? found[0] ?? null;
  const isNew = searched && !search.error && found.length === 0;
  const standingQuery = useQuery({
    queryKey: leadKeys.list({ customer_id: referee?.id ?? 0, limit: 10 }),
    queryFn: ({ signal }) => salesApi.listLeads({ customer_id: referee!.id, limit: 10 }, signal),
    enabled: referee !== null,
  });
  const standing = referee ? standingQuery.data?.items : undefined;
  const lookingUp = complete && !searched;

  const save = () => {
    setRefusal(null);
    if (lookingUp) return;
    void submit(async (values) => {
      let refereeId = referee?.id;
      if (refereeId === undefined) {
        try {
          const created = await customerApi.create({ name: values.referee_name?.trim() ?? '', phone: values.referee_phone });
          customerChanged(queryClient, created);
          refereeId = created.id;
        } catch (err) {
          // Someone made the customer meanwhile (or outside this view): refer that one.
          const existing = err instanceof ApiError && err.code === 'duplicate_customer' ? err.extraId('existing_id') : null;
          if (existing === null) throw err;
          refereeId = existing;
        }
      }
      try {
        const referral = await salesApi.refer({
          project_id: values.project_id,
          referrer_id: values.referrer_id,
          referee_id: refereeId,
          intent: values.intent,
          note: values.note?.trim() || undefined,
        });
        localStorage.setItem(kProjectKey, String(values.project_id));
        referralChanged(queryClient, referral);
        void message.success(t('referral.created', { referrer: referral.referrer_name, referee: referral.referee_name, project: referral.project_name }));
        setDone(referral);
      } catch (err) {
        // A fraud check or a second referral: the server's words above the form, the reason on its field.
        if (referralRefusal(err) || (err instanceof ApiError && err.code === 'referral_exists')) {
          applyFieldErrors(form, err, t, kFormFields, kResolver);
          setRefusal(err);
          return;
        }
        throw err;
      }
    });
  };

  const again = () => {
    const { project_id } = form.getFieldsValue();
    form.resetFields();
    form.setFieldsValue({ project_id, ...(referrer ? { referrer_id: referrer.id } : {}) });
    setPicked(null);
    setChosenId(null);
    setDone(null);
  };

  const refused = referralRefusal(refusal);
  // The server speaks Chinese: in English the reason leads, the server's sentence (names, dates) follows.
  const refusalTitle = refusal ? (language === 'en' && refused ? referralReasonLabel(t, refused.reason) || t('referral.refused') : referralErrorText(t, refusal)) : '';
  const refusalDetail = language === 'en' && refused?.message ? refused.message : undefined;

  const footer = done
    ? [
        <Button key="again" onClick={again} data-testid="referral-again">
          {t('referral.another')}
        </Button>,
        <Button key="done" type="primary" onClick={() => setOpen(false)} data-testid="referral-done">
          {t('referral.done')}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>,
        <Button key="submit" type="primary" loading={saving} onClick={save} data-testid="referral-submit">
          {t('referral.submit')}
        </Button>,
      ];

  return (
    <Modal
      open={open}
      title={t('referral.formTitle')}
      footer={footer}
      onCancel={() => setOpen(false)}
      afterClose={onClose}
      width={680}
      data-testid="referral-modal"
    >
      {done && (
        <Result
          status="success"
          title={t('referral.created', { referrer: done.referrer_name, referee: done.referee_name, project: done.project_name })}
          subTitle={t('referral.createdHint', { referee: done.referee_name, consultant: done.consultant_name, amount: formatMoney(done.reward_cents) })}
          extra={
            done.lead_id !== null && (
              <Link to={`/sales/leads/${done.lead_id}`} onClick={() => setOpen(false)} data-testid="referral-lead-link">
                <Button type="primary" ghost>
                  {t('referral.openLead')}
                </Button>
              </Link>
            )
          }
          style={{ padding: '16px 0' }}
          data-testid="referral-created"
        />
      )}
      {/* Kept mounted once registered, for 再登记一位 to start from. */}
      <div style={done ? { display: 'none' } : undefined}>
          <Typography.Paragraph type="secondary">{t('referral.formIntro')}</Typography.Paragraph>
          {refusal !== null && (
            <Alert
              type="error"
              showIcon
              title={refusalTitle}
              description={refusalDetail}
              style={{ marginBottom: 16 }}
              data-testid="referral-refused"
              data-reason={refused?.reason ?? (refusal instanceof ApiError ? refusal.code : '')}
            />
          )}
          <FormErrorAlert error={error} />
          <Form<ReferralValues>
            form={form}
            name="referral"
            layout="vertical"
            autoComplete="off"
            requiredMark
            initialValues={{ intent: 'C', ...(referrer ? { referrer_id: referrer.id } : {}) }}
            onValuesChange={(changed) => {
              clearChangedFieldErrors(form, changed);
              settle();
              if ('referrer_id' in changed || 'referee_phone' in changed || 'project_id' in changed) setRefusal(null);
            }}
          >
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="project_id" label={t('lead.project')} rules={required(t('register.projectRequired'))}>
                  <Select<number>
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder={t('referral.projectPlaceholder')}
                    options={projectOptions}
                    notFoundContent={t('register.noProjects')}
                    data-testid="referral-project"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="referrer_id"
                  label={t('referral.referrerLabel')}
                  rules={required(t('referral.referrerRequired'))}
                  extra={<OwnerHint customerId={referrerId} />}
                >
                  {referrer ? (
                    <FixedCustomer name={referrer.name} />
                  ) : (
                    <CustomerPicker
                      aria-label={t('referral.referrerLabel')}
                      placeholder={t('referral.referrerPlaceholder')}
                      onPick={setPicked}
                      labelRender={({ label }) => picked?.name ?? label}
                      title={picked?.name}
                      data-testid="referral-referrer"
                    />
                  )}
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="referee_phone"
                  label={t('referral.refereePhone')}
                  normalize={(value: string) => value.replace(/\D/g, '').slice(0, 11)}
                  rules={[
                    { required: true, message: t('register.phoneRequired') },
                    { pattern: kPhonePattern, message: t('register.phoneFormat') },
                  ]}
                >
                  <Input inputMode="numeric" placeholder={t('register.phonePlaceholder')} style={{ letterSpacing: 1 }} data-testid="referral-referee-phone" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                {isNew ? (
                  <Form.Item name="referee_name" label={t('referral.refereeName')} rules={requiredText(t('register.nameRequired'))}>
                    <Input maxLength={50} placeholder={t('register.namePlaceholder')} data-testid="referral-referee-name" />
                  </Form.Item>
                ) : (
                  <Form.Item label={t('referral.referee')}>
                    <CustomerMatch
                      state={!complete ? 'incomplete' : lookingUp ? 'looking' : search.error ? 'failed' : referee ? 'found' : 'incomplete'}
                      error={search.error}
                      found={found}
                      customer={referee}
                      standing={standing}
                      onChoose={setChosenId}
                    />
                  </Form.Item>
                )}
              </Col>
              {isNew && (
                <Col span={24} style={{ marginTop: -8, marginBottom: 12 }}>
                  <CustomerMatch state="new" error={null} found={[]} customer={null} standing={undefined} onChoose={setChosenId} />
                </Col>
              )}
              <Col span={24}>
                <Form.Item name="intent" label={t('referral.intent')} extra={t('register.intentHint')}>
                  <Radio.Group
                    optionType="button"
                    buttonStyle="solid"
                    data-testid="referral-intent"
                    options={kIntents.map((value) => ({ value, label: intentLabel(t, value) }))}
                  />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name="note" label={t('referral.note')} rules={[{ max: 500, message: t('reason.too_long') }]}>
                  <Input.TextArea rows={2} maxLength={500} placeholder={t('referral.notePlaceholder')} data-testid="referral-note" />
                </Form.Item>
              </Col>
            </Row>
          </Form>
      </div>
    </Modal>
  );
}
