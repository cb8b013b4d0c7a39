import { useRef, useState } from 'react';
import { Button, Flex, Input, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { AimOutlined, FunctionOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { reasonText } from '../../../shared/ui/apiErrors';
import { halfWidthSigns, offsetOf, ruleErrorText, splitAt } from '../ruleErrors';
import type { RuleError } from '../types';
import { FactPicker, type Insertion } from './FactPicker';

/** A rule's fault as the server found it in `text` (the rule as it was sent). */
export interface RuleFault extends RuleError {
  text: string;
}

/**
 * The rule of a segment or a sub-class: a text area, 插入事实 (the fact picker, which writes at the
 * caret), and the server's fault of the rule as last checked: the character it is at marked in the
 * rule's text (underlined, on red), its number, and what is wrong there in words; 定位 puts the caret
 * on it.
 */
export function RuleField({
  value,
  onChange,
  fault,
  reason,
  label,
  placeholder,
  testId,
}: {
  value: string;
  onChange: (rule: string) => void;
  fault?: RuleFault;
  /** The server's reason for the field other than a rule fault (`required`). */
  reason?: string;
  /** What the rule is of ("富贵之家的规则"), for the picker's title and the text area's label. */
  label: string;
  placeholder?: string;
  testId: string;
}) {
  const t = useT();
  const area = useRef<TextAreaRef>(null);
  // Where the caret was when the text area was left (the picker takes the focus).
  const selection = useRef<{ start: number; end: number }>({ start: value.length, end: value.length });
  const [picking, setPicking] = useState(false);
  const element = () => area.current?.resizableTextArea?.textArea ?? null;
  const remember = () => {
    const el = element();
    if (el) selection.current = { start: el.selectionStart, end: el.selectionEnd };
  };
  const placeCaret = (offset: number) =>
    window.requestAnimationFrame(() => {
      const el = element();
      if (!el) return;
      el.focus({ preventScroll: true });
      el.setSelectionRange(offset, offset);
      selection.current = { start: offset, end: offset };
    });

  const insert = ({ text, caretBack = 0 }: Insertion) => {
    const start = Math.min(selection.current.start, value.length);
    const end = Math.min(Math.max(selection.current.end, start), value.length);
    const before = value.slice(0, start);
    const after = value.slice(end);
    // Words of the rule language stand apart by spaces (且, 或 and 非 too); a parenthesis needs none.
    const lead = before === '' || /[\s(（]$/.test(before) ? '' : ' ';
    const next = `${before}${lead}${text} ${after.replace(/^\s/, '')}`;
    onChange(next);
    placeCaret(before.length + lead.length + text.length - caretBack);
  };

  const split = fault ? splitAt(fault.text, fault.position) : null;
  const locate = () => {
    if (!fault) return;
    placeCaret(Math.min(offsetOf(value, fault.position), value.length));
  };

  return (
    <div data-testid={testId}>
      <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 4 }}>
        <Typography.Text style={{ fontSize: 13 }}>{t('segment.rule')}</Typography.Text>
        <Button size="small" type="link" icon={<FunctionOutlined />} onClick={() => setPicking(true)} style={{ paddingInline: 0 }} data-testid={`${testId}-pick`}>
          {t('factPicker.open')}
        </Button>
      </Flex>
      <Input.TextArea
        ref={area}
        value={value}
        placeholder={placeholder}
        status={fault || reason ? 'error' : undefined}
        autoSize={{ minRows: 2, maxRows: 8 }}
        maxLength={2000}
        spellCheck={false}
        onChange={(event) => {
          onChange(halfWidthSigns(event.target.value));
          selection.current = { start: event.target.selectionStart, end: event.target.selectionEnd };
        }}
        onSelect={remember}
        onKeyUp={remember}
        onClick={remember}
        onBlur={remember}
        aria-label={label}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "PingFang SC", "Microsoft YaHei", monospace', fontSize: 13 }}
        data-testid={`${testId}-input`}
      />
      {reason && !fault && (
        <Typography.Text type="danger" style={{ display: 'block', fontSize: 12, marginTop: 4 }} data-testid={`${testId}-reason`}>
          {reasonText(t, reason)}
        </Typography.Text>
      )}
      {fault && (
        <div
          style={{ marginTop: 6, padding: '8px 10px', background: '#fff2f0', border: '1px solid #ffccc7', borderRadius: 6 }}
          data-testid={`${testId}-error`}
          data-position={fault.position}
        >
          <Flex justify="space-between" align="flex-start" gap={8}>
            <Typography.Text type="danger" style={{ fontSize: 13 }}>
              {fault.position > 0 && (
                <Typography.Text type="danger" strong style={{ fontSize: 13 }} data-testid={`${testId}-position`}>
                  {t('ruleError.at', { position: fault.position })}
                </Typography.Text>
              )}
              <span data-testid={`${testId}-message`}>{ruleErrorText(t, fault.message)}</span>
            </Typography.Text>
            {fault.position > 0 && (
              <Button size="small" type="link" icon={<AimOutlined />} onClick={locate} style={{ paddingInline: 0, flex: 'none' }} data-testid={`${testId}-locate`}>
                {t('ruleError.locate')}
              </Button>
            )}
          </Flex>
          {split && (
            <div
              style={{ marginTop: 4, fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "PingFang SC", "Microsoft YaHei", monospace', fontSize: 13, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', color: '#4b5263' }}
              data-testid={`${testId}-mark`}
            >
              {split.before}
              <mark
                style={{
                  background: '#ffccc7',
                  color: '#a8071a',
                  padding: 0,
                  textDecoration: 'underline wavy #cf1322',
                  textUnderlineOffset: 3,
                  ...(split.past ? { display: 'inline-block', minWidth: '0.6em' } : {}),
                }}
                data-testid={`${testId}-marked`}
              >
                {split.at}
              </mark>
              {split.after}
            </div>
          )}
        </div>
      )}
      <FactPicker open={picking} onClose={() => setPicking(false)} onInsert={insert} target={label} />
    </div>
  );
}
