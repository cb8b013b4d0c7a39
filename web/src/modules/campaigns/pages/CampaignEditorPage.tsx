import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Form, Grid, Input, InputNumber, Radio, Row, Switch, Typography, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import type { Translate } from '../../../app/i18n/i18nContext';
import { ApiError } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { FormErrorAlert } from '../../../shared/ui/FormErrorAlert';
import { FormSection } from '../../../shared/ui/FormSection';
import { BackLink, RecordFallback, recordPage } from '../../../shared/ui/RecordPage';
import { clearChangedFieldErrors } from '../../../shared/ui/apiErrors';
import { required, requiredText } from '../../../shared/ui/formRules';
import { useFormSubmit } from '../../../shared/hooks/useFormSubmit';
import { campaignsApi } from '../api';
import { campaignChanged, useCampaign } from '../queries';
import { backToCampaigns, channelLabel, checkTemplate, kChannels, parseTemplateFault, templateFaultText } from '../labels';
import { bodyOf, fieldOf, kFields, kWeChatKey, newCampaignValues, valuesOf, type CampaignValues, type WeChatField } from '../form';
import type { Campaign } from '../types';
import { AudienceFields } from '../components/AudienceFields';
import { AudienceCount } from '../components/AudienceCount';
import { MessagePreview } from '../components/MessagePreview';

const kMaxWeChatFields = 10;

/** A template's text checked as the server checks it: the first fault in words on the field. */
const templateRule = (t: Translate) => ({
  validator: async (_: unknown, value: string | undefined) => {
    const fault = checkTemplate(value ?? '');
    if (fault) throw new Error(templateFaultText(t, fault));
  },
});

/**
 * The server's template faults ("unknown_placeholder@3") put on their fields in words (第 4 个字符处有
 * 未知的占位符); answers the failure with the other fields, for the form's usual handling.
 */
function placeTemplateFaults(form: FormInstance<CampaignValues>, err: unknown, t: Translate): unknown {
  if (!(err instanceof ApiError)) return err;
  const rest: Record<string, string> = {};
  const placed: { name: ReturnType<typeof fieldOf>; errors: string[] }[] = [];
  for (const [field, reason] of Object.entries(err.fields)) {
    const fault = parseTemplateFault(reason);
    const name = fault ? fieldOf(field, form.getFieldValue('wechat_fields') as WeChatField[] | undefined) : null;
    if (fault && name !== null) placed.push({ name, errors: [templateFaultText(t, fault)] });
    else rest[field] = reason;
  }
  if (placed.length === 0) return err;
  form.setFields(placed.map(({ name, errors }) => ({ name: name!, errors })));
  return new ApiError(err.status, err.code, err.message, rest, err.extra);
}

/** A WeChat template's other fields (keyword1, keyword2, remark…): name and text, with the same placeholders. */
function WeChatFields({ form }: { form: FormInstance<CampaignValues> }) {
  const t = useT();
  return (
    <Form.List name="wechat_fields">
      {(rows, { add, remove }) => (
        <Flex vertical gap={8} style={{ marginBottom: 16 }} data-testid="campaign-wechat-fields">
          <Typography.Text>{t('campaign.wechatFields')}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('campaignEditor.wechatFieldsHint')}
          </Typography.Text>
          {rows.map((row, index) => (
            <Flex key={row.key} gap={8} align="flex-start">
              <Form.Item
                name={[row.name, 'key']}
                style={{ width: 120, flex: 'none', marginBottom: 0 }}
                rules={[
                  { pattern: kWeChatKey, message: t('campaignEditor.fieldKeyInvalid') },
                  {
                    validator: async (_, value: string | undefined) => {
                      const key = value?.trim() ?? '';
                      if (key === 'first') throw new Error(t('campaignEditor.fieldKeyInvalid'));
                      const keys = ((form.getFieldValue('wechat_fields') ?? []) as WeChatField[]).map((field) => field.key?.trim());
                      if (key && keys.filter((other) => other === key).length > 1) throw new Error(t('campaignEditor.fieldKeyTaken'));
                    },
                  },
                ]}
              >
                <Input placeholder={t('campaignEditor.fieldKey')} aria-label={t('campaignEditor.fieldKey')} maxLength={32} data-testid={`wechat-field-${index}-key`} />
              </Form.Item>
              <Form.Item name={[row.name, 'value']} style={{ flex: 1, minWidth: 0, marginBottom: 0 }} rules={[templateRule(t)]}>
                <Input placeholder={t('campaignEditor.fieldValue')} aria-label={t('campaignEditor.fieldValue')} maxLength={200} data-testid={`wechat-field-${index}-value`} />
              </Form.Item>
              <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('campaignEditor.removeField')} />
            </Flex>
          ))}
          {rows.length < kMaxWeChatFields && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', value: '' })} style={{ alignSelf: 'flex-start' }}>
              {t('campaignEditor.addField')}
            </Button>
          )}
        </Flex>
      )}
    </Form.List>
  );
}

/** The message for a sample name, as it will be sent: beside the form on a wide screen, under the text on a narrow one. */
function Preview({ form }: { form: FormInstance<CampaignValues> }) {
  const t = useT();
  const [name, setName] = useState(() => t('campaign.sampleName'));
  const channel = Form.useWatch('channel', form) ?? 'sms';
  const template = Form.useWatch('template', form) ?? '';
  const subject = Form.useWatch('subject', form);
  const fields = Form.useWatch('wechat_fields', form) as WeChatField[] | undefined;
  return (
    <Flex vertical gap={12} data-testid="campaign-preview">
      <Flex align="center" gap={8}>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {t('campaignEditor.previewName')}
        </Typography.Text>
        <Input value={name} onChange={(event) => setName(event.target.value)} maxLength={20} aria-label={t('campaignEditor.previewName')} style={{ maxWidth: 200 }} data-testid="preview-name" />
      </Flex>
      <MessagePreview channel={channel} subject={subject} template={template} fields={fields} name={name.trim() || t('campaign.sampleName')} />
    </Flex>
  );
}

/**
 * The editor of a campaign, new or a draft: name and channel; the audience by kind, with 统计人数;
 * the message (an e-mail's subject, a WeChat template's id and fields; {name} and {unsubscribe} in
 * the text, checked as typed, previewed beside it for a sample name); the pace and quiet hours.
 * Saved as a draft (a change If-Match its version), then its page opens; the server's faults land
 * on their fields, a template's in words with the character.
 */
function CampaignForm({ campaign }: { campaign?: Campaign }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CampaignValues>();
  const [version, setVersion] = useState(campaign?.version ?? 0);
  const { saving, error, submit, recover, settle } = useFormSubmit<CampaignValues>(form, kFields, (field) => fieldOf(field, form.getFieldValue('wechat_fields')));
  const channel = Form.useWatch('channel', form) ?? campaign?.channel ?? 'sms';
  const wide = !!Grid.useBreakpoint().lg;

  const save = () =>
    void submit(async (values) => {
      const body = bodyOf({ ...form.getFieldsValue(true), ...values } as CampaignValues);
      try {
        const saved = campaign ? await campaignsApi.update(campaign.id, body, version) : await campaignsApi.create(body);
        campaignChanged(queryClient, saved);
        void message.success(t(campaign ? 'campaignEditor.saved' : 'campaignEditor.created'));
        navigate(`/campaigns/${saved.id}`);
      } catch (err) {
        throw placeTemplateFaults(form, err, t);
      }
    });

  const reload = async () => {
    if (!campaign) return;
    const fresh = await campaignsApi.get(campaign.id);
    campaignChanged(queryClient, fresh);
    setVersion(fresh.version);
    form.setFieldsValue(valuesOf(fresh));
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={wide ? 15 : 24}>
        <Card variant="borderless">
          <FormErrorAlert error={error} onReload={campaign ? () => void recover(reload) : undefined} />
          <Form<CampaignValues>
            form={form}
            name={campaign ? 'campaign-edit' : 'campaign-new'}
            layout="vertical"
            requiredMark={false}
            initialValues={campaign ? valuesOf(campaign) : newCampaignValues()}
            onValuesChange={(changed) => {
              clearChangedFieldErrors(form, changed);
              settle();
            }}
            data-testid="campaign-form"
          >
            <FormSection title={t('campaignEditor.basics')}>
              <Form.Item name="name" label={t('campaigns.name')} rules={requiredText(t('campaignEditor.required'))}>
                <Input maxLength={100} placeholder={t('campaignEditor.namePlaceholder')} data-testid="campaign-name" />
              </Form.Item>
              <Form.Item name="channel" label={t('campaigns.channel')}>
                <Radio.Group optionType="button" options={kChannels.map((value) => ({ value, label: channelLabel(t, value) }))} data-testid="campaign-channel" />
              </Form.Item>
            </FormSection>
            <FormSection title={t('campaignEditor.audienceSection')}>
              <AudienceFields form={form} />
              <AudienceCount form={form} />
            </FormSection>
            <FormSection title={t('campaignEditor.messageSection')}>
              {channel === 'email' && (
                <Form.Item name="subject" label={t('campaign.subject')} rules={requiredText(t('campaignEditor.required'))}>
                  <Input maxLength={200} placeholder={t('campaignEditor.subjectPlaceholder')} data-testid="campaign-subject" />
                </Form.Item>
              )}
              {channel === 'wechat' && (
                <Form.Item name="wechat_template_id" label={t('campaign.wechatTemplateId')} extra={t('campaignEditor.wechatTemplateHint')} rules={requiredText(t('campaignEditor.required'))}>
                  <Input maxLength={100} data-testid="campaign-wechat-template" />
                </Form.Item>
              )}
              <Form.Item name="template" label={t('campaign.template')} extra={t('campaignEditor.templateHint')} rules={[...requiredText(t('campaignEditor.required')), templateRule(t)]}>
                <Input.TextArea maxLength={2000} autoSize={{ minRows: 4, maxRows: 12 }} data-testid="campaign-template" />
              </Form.Item>
              {channel === 'wechat' && <WeChatFields form={form} />}
              {!wide && (
                <div style={{ marginBottom: 16 }}>
                  <Typography.Text style={{ display: 'block', marginBottom: 8 }}>{t('campaignEditor.preview')}</Typography.Text>
                  <Preview form={form} />
                </div>
              )}
            </FormSection>
            <FormSection title={t('campaignEditor.pacing')}>
              <Row gutter={16}>
                <Col xs={24} sm={12}>
                  <Form.Item name="rate_per_minute" label={t('campaignEditor.rate')} extra={t('campaignEditor.rateHint')} rules={required(t('campaignEditor.required'))}>
                    <InputNumber<number> min={1} max={6000} precision={0} suffix={t('campaignEditor.rateUnit')} style={{ width: '100%' }} aria-label={t('campaignEditor.rate')} data-testid="campaign-rate" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="quiet_hours" label={t('campaignEditor.quietHours')} extra={t('campaignEditor.quietHint')} valuePropName="checked">
                    <Switch aria-label={t('campaignEditor.quietHours')} data-testid="campaign-quiet" />
                  </Form.Item>
                </Col>
              </Row>
            </FormSection>
            <Flex justify="flex-end" gap={8} wrap>
              <Button onClick={() => navigate(campaign ? `/campaigns/${campaign.id}` : '/campaigns')}>{t('common.cancel')}</Button>
              <Button type="primary" loading={saving} onClick={save} data-testid="campaign-save">
                {t('campaignEditor.save')}
              </Button>
            </Flex>
          </Form>
        </Card>
      </Col>
      {wide && (
        <Col lg={9}>
          <Card variant="borderless" title={t('campaignEditor.preview')} style={{ position: 'sticky', top: 80 }}>
            <Preview form={form} />
          </Card>
        </Col>
      )}
    </Row>
  );
}

/** /campaigns/new — 新建活动 (managers). */
export function NewCampaignPage() {
  const t = useT();
  return (
    <>
      <BackLink back={backToCampaigns(t)} style={{ marginBottom: 8 }} />
      <PageHeader title={t('campaignEditor.newTitle')} description={t('campaignEditor.description')} />
      <CampaignForm />
    </>
  );
}

/** /campaigns/:id/edit — a draft's editor (managers); a campaign already sent says so. */
function EditView({ id }: { id: number }) {
  const t = useT();
  const query = useCampaign(id);
  const campaign = query.data;
  const back = { path: `/campaigns/${id}`, label: campaign?.name ?? t('campaigns.back') };
  if (!campaign) {
    return (
      <RecordFallback
        error={query.error}
        onRetry={() => void query.refetch()}
        notFound={{ title: t('campaign.notFoundTitle'), subtitle: t('campaign.notFoundSubtitle') }}
        back={backToCampaigns(t)}
      />
    );
  }
  return (
    <>
      <BackLink back={back} style={{ marginBottom: 8 }} testId="back-to-campaign" />
      <PageHeader title={t('campaignEditor.editTitle')} description={campaign.status === 'draft' ? t('campaignEditor.description') : undefined} />
      {campaign.status === 'draft' ? (
        // Keyed by the campaign, not its version: a save here reads it again without resetting the form.
        <CampaignForm key={campaign.id} campaign={campaign} />
      ) : (
        <Alert type="warning" showIcon title={t('campaignEditor.notDraft')} data-testid="campaign-not-draft" />
      )}
    </>
  );
}

export const EditCampaignPage = recordPage(EditView, 'campaign.notFoundTitle', backToCampaigns);
