import { Flex, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { renderTemplate, renderWeChat, smsParts } from '../labels';
import type { WeChatField } from '../form';
import type { Channel } from '../types';

/** What a customer's link looks like in the preview (each recipient has their own). */
const sampleLink = () => `${window.location.origin}/u/1024-a1b2c3d4e5f6`;

/**
 * The message as a customer named `name` receives it: an SMS bubble (with its length and how many
 * SMS it is billed as), an e-mail (subject, text), or a WeChat template message (its fields); the
 * unsubscribe link placed or appended as the server does.
 */
export function MessagePreview({ channel, subject, template, fields, name }: { channel: Channel; subject?: string | null; template: string; fields?: readonly WeChatField[]; name: string }) {
  const t = useT();
  if (!template.trim()) {
    return (
      <Typography.Text type="secondary" data-testid="message-preview-empty">
        {t('campaignEditor.previewEmpty')}
      </Typography.Text>
    );
  }
  const link = sampleLink();
  const bubble = { background: '#f2f4f7', borderRadius: 12, padding: '10px 12px', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: 14, lineHeight: 1.6 } as const;

  if (channel === 'wechat') {
    const rendered = renderWeChat(
      template,
      (fields ?? []).filter((field) => field.key.trim() && field.value.trim()),
      name,
      link,
    );
    return (
      <Flex vertical gap={6} style={{ ...bubble, background: '#fff', border: '1px solid #e8ebf0' }} data-testid="message-preview" data-channel="wechat">
        {rendered.map((field) => (
          <div key={field.key} style={{ display: 'flex', gap: 8 }}>
            <Typography.Text type="secondary" style={{ flex: 'none', width: 72, fontSize: 12, lineHeight: '22px' }}>
              {field.key}
            </Typography.Text>
            <span style={{ minWidth: 0 }}>{field.value}</span>
          </div>
        ))}
      </Flex>
    );
  }

  const text = renderTemplate(template, name, link, channel);
  if (channel === 'email') {
    return (
      <Flex vertical gap={8} data-testid="message-preview" data-channel="email">
        <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
          {t('campaignEditor.emailFrom', { subject: subject?.trim() || '—' })}
        </Typography.Text>
        <div style={{ ...bubble, background: '#fff', border: '1px solid #e8ebf0', borderRadius: 8 }}>{text}</div>
      </Flex>
    );
  }
  return (
    <Flex vertical gap={6} data-testid="message-preview" data-channel="sms">
      <div style={bubble} data-testid="message-preview-text">
        {text}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="message-preview-length">
        {t('campaignEditor.smsLength', { count: [...text].length, parts: smsParts(text) })}
      </Typography.Text>
    </Flex>
  );
}
