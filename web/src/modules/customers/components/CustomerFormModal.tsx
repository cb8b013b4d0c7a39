import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App, AutoComplete, Button, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { FormModal } from '../../../shared/ui/FormModal';
import { useEditedRecord } from '../../../shared/hooks/useEditedRecord';
import { OrgUnitTreeSelect } from '../../platform/components/OrgUnitTreeSelect';
import type { OrgTreeNode } from '../../platform/orgTree';
import { customerApi } from '../api';
import {
  createInput,
  customerFieldPath,
  kCustomerFormFields,
  newCustomerValues,
  patchInput,
  residentIdFacts,
  valuesOf,
  type CustomerFormValues,
} from '../customerForm';
import {
  genderLabel,
  genderOptions,
  idTypeOptions,
  incomeOptions,
  kSourceChannelSuggestions,
  kTagSuggestions,
  maritalOptions,
  phoneLabelOptions,
} from '../labels';
import { kMaxPhones, type Customer } from '../types';
import { FormSection } from '../../../shared/ui/FormSection';
import { requiredText } from '../../../shared/ui/formRules';

/** `phone`: the first phone filled in (a caller's number from 来电弹屏). */
export type CustomerModalTarget = { mode: 'create'; orgUnitId?: number; phone?: string } | { mode: 'edit'; customer: Customer };

const kThisYear = new Date().getFullYear();

/**
 * "新建客户" (POST) and "编辑客户档案" (PATCH with If-Match: a stale version offers a reload). The
 * server's reasons land on the fields, "phones[1]" on the second phone row; a duplicate phone or ID
 * number offers to open the customer who has it. Phones and the ID number shown masked cannot be
 * edited. Mount it once per opening (give it a fresh key); it calls onClose after its close animation.
 */
export function CustomerFormModal({
  target,
  tree,
  onClose,
  onSaved,
}: {
  target: CustomerModalTarget;
  tree: OrgTreeNode[];
  onClose: () => void;
  onSaved: (customer: Customer, created: boolean) => void;
}) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<CustomerFormValues>();
  const [initial] = useState<CustomerFormValues>(() =>
    target.mode === 'edit' ? valuesOf(target.customer) : newCustomerValues(target.orgUnitId, target.phone),
  );
  const { record: editing, reload: reloadEditing } = useEditedRecord(
    target.mode === 'edit' ? target.customer : null,
    customerApi.get,
    (fresh) => {
      form.setFieldsValue(valuesOf(fresh));
      onSaved(fresh, false);
    },
  );
  const masked = !!editing?.masked;
  const idType = Form.useWatch('id_type', form);
  const idNumber = Form.useWatch('id_number', form);
  const facts = (idType ?? 'resident_id') === 'resident_id' ? residentIdFacts(idNumber) : null;

  const save = async (values: CustomerFormValues) => {
    if (editing) {
      const patch = patchInput(editing, values);
      const saved = Object.keys(patch).length ? await customerApi.update(editing.id, patch, editing.version) : editing;
      message.success(t('customer.savedMessage', { name: saved.name }));
      onSaved(saved, false);
    } else {
      const saved = await customerApi.create(createInput(values));
      message.success(t('customer.createdMessage', { name: saved.name }));
      onSaved(saved, true);
    }
  };

  const openExisting = (cause: unknown) => {
    const existing = cause instanceof ApiError && cause.code === 'duplicate_customer' ? cause.extraId('existing_id') : null;
    if (existing === null) return undefined;
    return (
      <Button size="small" type="primary" ghost onClick={() => navigate(`/customers/${existing}`)} data-testid="open-existing-customer">
        {t('customer.openExisting', { id: existing })}
      </Button>
    );
  };

  const yearRule = {
    validator: async (_: unknown, list: (string | number)[] | undefined) => {
      const bad = (list ?? []).find((year) => !/^\d{4}$/.test(String(year).trim()) || Number(year) < 1900 || Number(year) > kThisYear);
      if (bad !== undefined) throw new Error(t('customer.childYearInvalid', { year: String(bad) }));
    },
  };

  return (
    <FormModal<CustomerFormValues>
      form={form}
      name="customer"
      formFields={kCustomerFormFields}
      fieldResolver={customerFieldPath}
      errorAction={openExisting}
      initialValues={initial}
      autoComplete="off"
      title={editing ? t('customer.editTitle', { name: editing.name }) : t('customer.createTitle')}
      okText={editing ? t('common.save') : t('common.create')}
      width={880}
      testId="customer-modal"
      onSave={save}
      onReload={reloadEditing}
      onClose={onClose}
    >
      <FormSection title={t('customer.section.basic')}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="name"
              label={t('customer.name')}
              rules={requiredText(t('customer.nameRequired'))}
            >
              <Input placeholder={t('customer.namePlaceholder')} maxLength={100} data-testid="customer-name" autoFocus={!editing} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="org_unit_id" label={t('customer.orgUnit')} extra={editing ? undefined : t('customer.orgUnitHint')}>
              <OrgUnitTreeSelect tree={tree} placeholder={t('customer.orgUnitPlaceholder')} data-testid="customer-org-unit" />
            </Form.Item>
          </Col>
        </Row>
      </FormSection>

      <FormSection title={t('customer.section.contact')}>
        {masked && (
          <Alert type="info" showIcon title={t('customer.maskedEditHint')} style={{ marginBottom: 12 }} data-testid="masked-edit-hint" />
        )}
        <Form.List
          name="phones"
          rules={[
            {
              validator: async (_, phones: unknown[] | undefined) => {
                if ((phones?.length ?? 0) > kMaxPhones) throw new Error(t('customer.tooManyPhones', { max: kMaxPhones }));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Form.Item label={t('customer.phones')} required={false} style={{ marginBottom: 8 }}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <Form.Item name={[field.name, 'label']} style={{ width: 110, flex: 'none', marginBottom: 8 }}>
                    <Select options={phoneLabelOptions(t)} disabled={masked} aria-label={t('customer.phoneLabel')} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'phone']}
                    style={{ flex: 1, marginBottom: 8 }}
                    rules={requiredText(t('customer.phoneRequired'))}
                  >
                    <Input
                      placeholder={index === 0 ? t('customer.phonePlaceholder') : t('customer.phonePlaceholderMore')}
                      maxLength={32}
                      disabled={masked}
                      className="hearth-phone"
                      data-testid={`customer-phone-${index}`}
                    />
                  </Form.Item>
                  {index === 0 && fields.length > 0 && (
                    <Typography.Text type="secondary" style={{ flex: 'none', lineHeight: '32px', width: 56, fontSize: 12 }}>
                      {t('customer.primaryPhone')}
                    </Typography.Text>
                  )}
                  {index > 0 && (
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      disabled={masked}
                      onClick={() => remove(field.name)}
                      aria-label={t('customer.removePhone')}
                      style={{ flex: 'none', width: 56 }}
                    />
                  )}
                </Flex>
              ))}
              {!masked && fields.length < kMaxPhones && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ phone: '', label: fields.length ? 'home' : 'mobile' })} data-testid="add-phone">
                  {t('customer.addPhone')}
                </Button>
              )}
              <Form.ErrorList errors={errors} />
            </Form.Item>
          )}
        </Form.List>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="email" label={t('customer.email')} rules={[{ type: 'email', message: t('reason.invalid_format') }]}>
              <Input placeholder="name@example.com" maxLength={254} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="city" label={t('customer.city')}>
              <Input placeholder={t('customer.cityPlaceholder')} maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label={t('customer.address')}>
              <Input placeholder={t('customer.addressPlaceholder')} maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      </FormSection>

      <FormSection title={t('customer.section.identity')}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="id_type" label={t('customer.idType')}>
              <Select options={idTypeOptions(t)} disabled={masked} data-testid="customer-id-type" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="id_number"
              label={t('customer.idNumber')}
              extra={
                facts
                  ? t('customer.idFacts', { gender: genderLabel(t, facts.gender), birth: facts.birthDate })
                  : (idType ?? 'resident_id') === 'resident_id' && !masked
                    ? t('customer.idNumberHint')
                    : undefined
              }
            >
              <Input placeholder={t('customer.idNumberPlaceholder')} maxLength={30} disabled={masked} className="hearth-mono-input" data-testid="customer-id-number" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="gender" label={t('customer.gender')}>
              <Select
                allowClear
                options={genderOptions(t)}
                placeholder={facts ? t('customer.derivedFromId') : t('customer.genderPlaceholder')}
                data-testid="customer-gender"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="birth_date" label={t('customer.birthDate')}>
              <DatePicker
                style={{ width: '100%' }}
                format="YYYY-MM-DD"
                placeholder={facts ? t('customer.derivedFromId') : t('customer.birthDatePlaceholder')}
                disabledDate={(date) => date.isAfter(dayjs(), 'day') || date.year() < 1900}
                data-testid="customer-birth-date"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="occupation" label={t('customer.occupation')}>
              <Input placeholder={t('customer.occupationPlaceholder')} maxLength={50} />
            </Form.Item>
          </Col>
        </Row>
      </FormSection>

      <FormSection title={t('customer.section.household')}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="marital_status" label={t('customer.maritalStatus')}>
              <Select allowClear options={maritalOptions(t)} placeholder={t('customer.choose')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="elders" label={t('customer.elders')}>
              <InputNumber min={0} max={10} precision={0} style={{ width: '100%' }} placeholder="0–10" suffix={t('customer.eldersSuffix')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="income_level" label={t('customer.incomeLevel')}>
              <Select allowClear options={incomeOptions(t)} placeholder={t('customer.choose')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="children_birth_years"
              label={t('customer.childrenBirthYears')}
              extra={t('customer.childrenBirthYearsHint')}
              rules={[yearRule]}
            >
              <Select
                mode="tags"
                open={false}
                suffixIcon={null}
                tokenSeparators={[',', '，', ' ']}
                placeholder={t('customer.childrenBirthYearsPlaceholder')}
                data-testid="customer-children"
              />
            </Form.Item>
          </Col>
        </Row>
      </FormSection>

      <FormSection title={t('customer.section.marketing')}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="source_channel" label={t('customer.sourceChannel')}>
              <AutoComplete
                options={kSourceChannelSuggestions.map((value) => ({ value }))}
                placeholder={t('customer.sourceChannelPlaceholder')}
                maxLength={50}
                showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input.trim()) }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="tags" label={t('customer.tags')}>
              <Select
                mode="tags"
                options={kTagSuggestions.map((value) => ({ value }))}
                placeholder={t('customer.tagsPlaceholder')}
                maxCount={30}
                data-testid="customer-tags"
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Flex gap={12} align="flex-start" style={{ padding: '12px 16px', background: '#f7f9fc', border: '1px solid #e8ebf0', borderRadius: 8 }}>
              <Form.Item name="consent_marketing" valuePropName="checked" noStyle>
                <Switch data-testid="customer-consent" aria-label={t('customer.consent')} />
              </Form.Item>
              <div>
                <Typography.Text strong>{t('customer.consent')}</Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('customer.consentHint')}
                </Typography.Text>
              </div>
            </Flex>
          </Col>
        </Row>
      </FormSection>
    </FormModal>
  );
}
