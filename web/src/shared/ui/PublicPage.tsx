import type { ReactNode } from 'react';
import { Button, Flex, Typography } from 'antd';
import { useLanguage, useT } from '../../app/i18n/useT';

// The pieces of the pages people open on their phone from a link, without signing in (the consent
// page, the handover booking, the open-day sign-up): they import nothing but the entry's modules (no
// icons, no LanguageSwitch, no apiErrors), so that these pages' chunks stay small.

/** The outcome's mark: a tick, a clock (blue waiting, grey too late) or an exclamation in a coloured disc, drawn here (no icon font). */
export function Mark({ kind }: { kind: 'done' | 'wait' | 'late' | 'wrong' }) {
  const colour = { done: '#52c41a', wait: '#1677ff', late: '#bfbfbf', wrong: '#faad14' }[kind];
  return (
    <svg width="64" height="64" viewBox="0 0 64 64" aria-hidden="true">
      <circle cx="32" cy="32" r="30" fill={colour} />
      {kind === 'done' && <path d="M19 33l9 9 17-19" fill="none" stroke="#fff" strokeWidth="5" strokeLinecap="round" strokeLinejoin="round" />}
      {(kind === 'wait' || kind === 'late') && (
        <path d="M32 16v17l11 7" fill="none" stroke="#fff" strokeWidth="5" strokeLinecap="round" strokeLinejoin="round" />
      )}
      {kind === 'wrong' && <path d="M32 16v21M32 46v1" fill="none" stroke="#fff" strokeWidth="6" strokeLinecap="round" />}
    </svg>
  );
}

/** 中文 / English, as the staff pages' switch says it. */
function Language() {
  const { language, setLanguage } = useLanguage();
  const t = useT();
  return (
    <Button type="text" onClick={() => setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')} data-testid="language-switch">
      {t('lang.switchTo')}
    </Button>
  );
}

/** The phone's column: a plain header with the page's name, white panels, small print under them (no antd Card, Result or Form). */
export function PublicFrame({ brand, footer, children }: { brand: string; footer: string; children: ReactNode }) {
  return (
    <div style={{ minHeight: '100vh', background: '#f3f5f9' }}>
      <Flex align="center" justify="space-between" style={{ background: '#fff', padding: '12px 16px', borderBottom: '1px solid #e8ebf0' }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {brand}
        </Typography.Text>
        <Language />
      </Flex>
      <Flex vertical gap={12} style={{ maxWidth: 520, margin: '0 auto', padding: '16px 12px 32px' }}>
        {children}
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', fontSize: 12, marginTop: 8 }}>
          {footer}
        </Typography.Paragraph>
      </Flex>
    </div>
  );
}

export function Panel({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div style={{ background: '#fff', borderRadius: 12, padding: '20px 16px' }} data-testid={testId}>
      {children}
    </div>
  );
}

/** A big mark over a title and a sentence: the page's outcomes. */
export function Outcome({ icon, title, detail, testId, children }: { icon: ReactNode; title: string; detail: string; testId: string; children?: ReactNode }) {
  return (
    <Flex vertical align="center" gap={12} style={{ textAlign: 'center', padding: '8px 0' }} data-testid={testId}>
      {icon}
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ fontSize: 15 }}>
        {detail}
      </Typography.Text>
      {children}
    </Flex>
  );
}

/** A label on the left, its value in bold on the right. */
export function Line({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Flex justify="space-between" gap={12} style={{ padding: '8px 0', borderBottom: '1px solid #f0f2f5', fontSize: 15 }}>
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
        {label}
      </Typography.Text>
      <Typography.Text strong style={{ textAlign: 'right', overflowWrap: 'anywhere' }} data-testid={testId}>
        {children}
      </Typography.Text>
    </Flex>
  );
}
