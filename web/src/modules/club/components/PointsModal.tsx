import { App, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../../../app/i18n/useT';
import type { Translate } from '../../../app/i18n/i18nContext';
import { ApiError } from '../../../shared/api/client';
import { FormModal } from '../../../shared/ui/FormModal';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { required, requiredText } from '../../../shared/ui/formRules';
import { clubApi } from '../api';
import { memberChanged } from '../queries';
import { formatPoints, kAdjustReason, kEarnReasons, reasonLabel } from '../labels';
import type { ClubMember, PointsReason } from '../types';

/** 积分入账 (earned by hand: an event, a survey…), 积分兑换, 积分调整 (managers: given or taken). */
export type PointsMode = 'earn' | 'redeem' | 'adjust';

interface Values {
  reason: PointsReason;
  /** add or take, for an adjustment */
  direction: 'add' | 'take';
  points: number;
  note?: string;
}

const kFields = ['reason', 'direction', 'points', 'note'] as const;

/** The refusal of a spend in words, with the balance the server answered; the generic sentence for others. */
function pointsErrorText(t: Translate, err: unknown, points: number | undefined): string {
  if (err instanceof ApiError && err.code === 'insufficient_points') {
    const balance = Number(err.extra.balance);
    return Number.isFinite(balance)
      ? t('clubPoints.insufficient', { balance: formatPoints(balance), points: formatPoints(points ?? 0) })
      : t('clubPoints.insufficientNoBalance');
  }
  if (err instanceof ApiError && err.code === 'member_left') return t('clubPoints.memberLeft');
  return errorMessage(t, err);
}

/**
 * The dialog that moves a member's points: 积分入账 with its reason (参加活动, 参与调查, 推荐成交, 购房),
 * 积分兑换 (refused in words when the balance is short: 409 insufficient_points), 积分调整 for managers
 * (added or taken, with why). The member, their ledger and the lists are read again after it.
 */
export function PointsModal({ member, mode, onClose }: { member: ClubMember; mode: PointsMode; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const title = t(mode === 'earn' ? 'clubPoints.earnTitle' : mode === 'redeem' ? 'clubPoints.redeemTitle' : 'clubPoints.adjustTitle');

  const save = async ({ reason, direction, points, note }: Values) => {
    const delta = mode === 'redeem' || (mode === 'adjust' && direction === 'take') ? -points : points;
    const body = { delta, reason: mode === 'earn' ? reason : mode === 'redeem' ? ('redeem' as const) : kAdjustReason, note: note?.trim() || undefined };
    const move = await clubApi.move(member.id, body);
    memberChanged(queryClient, member);
    void message.success(
      t(delta > 0 ? 'clubPoints.earned' : 'clubPoints.spent', { points: formatPoints(Math.abs(delta)), balance: formatPoints(move.balance_after) }),
    );
  };

  return (
    <FormModal<Values>
      form={form}
      name={`club-points-${mode}`}
      formFields={kFields}
      fieldResolver={{ delta: 'points' }}
      errorText={(cause) => pointsErrorText(t, cause, form.getFieldValue('points') as number | undefined)}
      initialValues={{ reason: 'event', direction: 'add' }}
      title={title}
      okText={t(mode === 'redeem' ? 'clubPoints.redeemOk' : 'common.save')}
      width={480}
      testId={`points-modal-${mode}`}
      onSave={save}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }} data-testid="points-modal-balance">
        {t('clubPoints.current', { name: member.customer_name, number: member.member_no, balance: formatPoints(member.balance) })}
      </Typography.Paragraph>
      {mode === 'earn' && (
        <Form.Item name="reason" label={t('clubPoints.reason')} rules={required(t('clubPoints.required'))}>
          <Select<PointsReason>
            aria-label={t('clubPoints.reason')}
            options={kEarnReasons.map((reason) => ({ value: reason, label: reasonLabel(t, reason) }))}
            data-testid="points-reason"
          />
        </Form.Item>
      )}
      {mode === 'adjust' && (
        <Form.Item name="direction" label={t('clubPoints.direction')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'add', label: t('clubPoints.add') },
              { value: 'take', label: t('clubPoints.take') },
            ]}
            data-testid="points-direction"
          />
        </Form.Item>
      )}
      <Form.Item name="points" label={t('clubPoints.points')} rules={required(t('clubPoints.required'))}>
        <InputNumber<number> min={1} max={1_000_000} precision={0} suffix={t('clubPoints.unit')} style={{ width: '100%' }} aria-label={t('clubPoints.points')} data-testid="points-amount" />
      </Form.Item>
      <Form.Item
        name="note"
        label={t(mode === 'redeem' ? 'clubPoints.redeemNote' : mode === 'adjust' ? 'clubPoints.adjustNote' : 'clubPoints.note')}
        rules={mode === 'adjust' ? requiredText(t('clubPoints.adjustNoteRequired')) : undefined}
      >
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="points-note" />
      </Form.Item>
    </FormModal>
  );
}
