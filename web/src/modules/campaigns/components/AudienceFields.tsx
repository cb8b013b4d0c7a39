import { Col, Form, Radio, Row, Select, Typography, type FormInstance } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { useSegmentModels } from '../../segments/queries';
import { useProjectNames } from '../../inventory/queries';
import { useClubSettings } from '../../club/queries';
import { required } from '../../../shared/ui/formRules';
import { audienceKindLabel, kAudienceKinds } from '../labels';
import { kUnclassified, type CampaignValues } from '../form';
import type { AudienceKind } from '../types';
import { CustomersPicker } from './CustomersPicker';

/** 客户细分: a computed model of those the user sees, then one or more of its segments (未归类 too). */
function SegmentFields({ form }: { form: FormInstance<CampaignValues> }) {
  const t = useT();
  const models = useSegmentModels();
  const modelId = Form.useWatch('model_id', form);
  const model = models.data?.find((m) => m.id === modelId);
  return (
    <Row gutter={12}>
      <Col xs={24} sm={10}>
        <Form.Item name="model_id" label={t('campaignEditor.model')} rules={required(t('campaignEditor.pickRequired'))}>
          <Select<number>
            aria-label={t('campaignEditor.model')}
            loading={models.isLoading}
            onChange={() => form.setFieldValue('segments', [])}
            options={(models.data ?? []).map((m) => ({
              value: m.id,
              label: m.computed_version === 0 ? t('campaignEditor.notComputed', { name: m.name }) : m.name,
              disabled: m.computed_version === 0,
            }))}
            data-testid="campaign-model"
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={14}>
        <Form.Item name="segments" label={t('campaignEditor.segments')} rules={[{ required: true, type: 'array', min: 1, message: t('campaignEditor.pickRequired') }]}>
          <Select<string[]>
            mode="multiple"
            aria-label={t('campaignEditor.segments')}
            disabled={!model}
            options={model ? [...model.segments.map((s) => ({ value: s.code, label: s.name })), { value: kUnclassified, label: t('campaignEditor.unclassified') }] : []}
            data-testid="campaign-segments"
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

function ProjectField() {
  const t = useT();
  const projects = useProjectNames();
  return (
    <Form.Item name="project_id" label={t('campaignEditor.project')} extra={t('campaignEditor.projectHint')} rules={required(t('campaignEditor.pickRequired'))} style={{ maxWidth: 420 }}>
      <Select<number>
        aria-label={t('campaignEditor.project')}
        showSearch={{ optionFilterProp: 'label' }}
        options={[...projects].map(([value, label]) => ({ value, label }))}
        data-testid="campaign-project"
      />
    </Form.Item>
  );
}

function TierField() {
  const t = useT();
  const settings = useClubSettings();
  return (
    <Form.Item name="tier" label={t('campaignEditor.tier')} style={{ maxWidth: 420 }}>
      <Select<string>
        aria-label={t('campaignEditor.tier')}
        loading={settings.isLoading}
        options={[{ value: '', label: t('campaignEditor.allMembers') }, ...(settings.data?.tiers ?? []).map((tier) => ({ value: tier.code, label: t('campaignEditor.tierMembers', { tier: tier.name }) }))]}
        data-testid="campaign-tier"
      />
    </Form.Item>
  );
}

/**
 * The audience by kind: 客户细分 (a model and its segments), 项目业主 (a project), 万客会等级 (a tier,
 * or every member), 全部客户, 选定客户 (searched and picked). Only the chosen kind's fields are on
 * the form (the others are neither checked nor sent).
 */
export function AudienceFields({ form }: { form: FormInstance<CampaignValues> }) {
  const t = useT();
  const kind = Form.useWatch('kind', form) as AudienceKind | undefined;
  const picked = Form.useWatch('customer_ids', form) as number[] | undefined;
  return (
    <>
      <Form.Item name="kind" label={t('campaignEditor.kind')}>
        <Radio.Group options={kAudienceKinds.map((value) => ({ value, label: audienceKindLabel(t, value) }))} data-testid="campaign-kind" />
      </Form.Item>
      {kind === 'segment' && <SegmentFields form={form} />}
      {kind === 'project' && <ProjectField />}
      {kind === 'tier' && <TierField />}
      {kind === 'all' && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t('campaignEditor.allHint')}
        </Typography.Paragraph>
      )}
      {kind === 'customers' && (
        <Form.Item
          name="customer_ids"
          label={t('campaignEditor.customers')}
          extra={picked?.length ? t('campaignEditor.customersPicked', { count: picked.length }) : undefined}
          rules={[{ required: true, type: 'array', min: 1, message: t('campaignEditor.pickRequired') }]}
        >
          <CustomersPicker style={{ width: '100%' }} />
        </Form.Item>
      )}
    </>
  );
}
