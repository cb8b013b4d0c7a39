import type { ReactNode } from 'react';
import { Alert, Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Popconfirm, Row, Select, Switch, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { valueLabel, type Translate } from '../../../app/i18n/i18nContext';
import { reasonText } from '../../../shared/ui/apiErrors';
import {
  answersOf,
  errorsUnder,
  fitShowIf,
  freeRowKey,
  hasOptions,
  hasScale,
  kDefaultScale,
  kKeyPattern,
  kScaleBounds,
  measuresFor,
  opsFor,
  withKind,
  type DraftQuestion,
} from '../builder';
import { itemLabel, itemOptions, measureLabel, opLabel, questionKindLabel, questionKindOptions } from '../labels';
import type { Measure, Question, QuestionKind, ShowIf, ShowIfValue } from '../types';

/** The paths of a question the card shows next to their field; a fault elsewhere is listed at its top. */
const kPlaced = ['text', 'key', 'kind', 'required', 'scale', 'item', 'measures', 'options', 'positive', 'rows', 'show_if'];

/** A value of a condition in words: "2 分", "一定会". */
export const answerText = (t: Translate, on: Question | undefined, value: string | number) =>
  typeof value === 'number' && on?.kind !== 'single' && on?.kind !== 'multi' ? t('question.points', { value }) : String(value);

/** "第 2 题" with the first words of its text. */
export const questionName = (t: Translate, question: Question, position: number) => {
  const text = question.text.trim();
  const short = text.length > 18 ? `${text.slice(0, 18)}…` : text;
  return short ? t('question.numberedText', { n: position, text: short }) : t('question.numbered', { n: position });
};

/** A condition in words: "当第 1 题「总体…」小于等于 2 分时显示". */
export function showIfSentence(t: Translate, showIf: ShowIf, questions: readonly Question[]): string {
  const position = questions.findIndex((question) => question.key === showIf.key);
  const on = questions[position];
  const name = on ? questionName(t, on, position + 1) : showIf.key;
  if (showIf.op === 'answered') return t('showIf.sentenceAnswered', { question: name });
  const values = Array.isArray(showIf.value) ? showIf.value : showIf.value === null || showIf.value === undefined ? [] : [showIf.value];
  const said = values.map((value) => answerText(t, on, value)).join(t('showIf.or'));
  return t('showIf.sentence', { question: name, op: opLabel(t, showIf.op), value: said || '…' });
}

/**
 * One question of the builder, edited in place: its words, key, kind and whether it must be answered,
 * then what its kind has (scale, options, rows, the experience item, the measure with a single's
 * 肯定回答), and 显示条件 on an earlier question. The server's faults for it (`errors`, path → reason)
 * are shown beside their fields, the others at its top.
 */
export function QuestionCard({
  question,
  index,
  total,
  earlier,
  taken,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  question: DraftQuestion;
  index: number;
  total: number;
  /** The questions before it, which a condition may name. */
  earlier: readonly DraftQuestion[];
  /** The measures other questions carry, each with its question's position. */
  taken: Map<Measure, number>;
  errors: Map<string, string> | undefined;
  onChange: (question: DraftQuestion) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const position = index + 1;
  const set = (patch: Partial<DraftQuestion>) => onChange({ ...question, ...patch });
  const words = (list: [string, string][]) => [...new Set(list.map(([, reason]) => reasonText(t, reason)))].join('；');
  /** The Form.Item props that show the faults at `path` (and under it). */
  const fault = (path: string): { validateStatus?: 'error'; help?: ReactNode } => {
    const list = errorsUnder(errors, path);
    return list.length ? { validateStatus: 'error', help: <span data-testid={`question-${position}-error-${path}`}>{words(list)}</span> } : {};
  };
  const unplaced = [...(errors ?? [])].filter(([path]) => !kPlaced.some((placed) => path === placed || path.startsWith(`${placed}.`) || path.startsWith(`${placed}[`)));
  const hasFault = (errors?.size ?? 0) > 0;

  const options = question.options ?? [];
  const setOptions = (next: string[]) => {
    const positive = question.positive?.filter((option) => next.includes(option));
    set({ options: next, ...(question.positive ? { positive } : {}) });
  };
  const measures = measuresFor(question.kind);
  const rows = question.rows ?? [];

  return (
    <Card
      size="small"
      data-testid={`question-${position}`}
      data-key={question.key}
      data-kind={question.kind}
      style={hasFault ? { borderColor: '#ff4d4f' } : undefined}
      title={
        <Flex gap={8} align="center" wrap style={{ minWidth: 0 }}>
          <Typography.Text strong>{t('question.numbered', { n: position })}</Typography.Text>
          <Tag style={{ marginInlineEnd: 0 }}>{questionKindLabel(t, question.kind)}</Tag>
          {question.measures && (
            <Tag color="purple" style={{ marginInlineEnd: 0 }}>
              {measureLabel(t, question.measures)}
            </Tag>
          )}
        </Flex>
      }
      extra={
        <Flex gap={2}>
          <Tooltip title={t('question.moveUp')}>
            <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(-1)} aria-label={t('question.moveUp')} data-testid={`question-${position}-up`} />
          </Tooltip>
          <Tooltip title={t('question.moveDown')}>
            <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={index === total - 1} onClick={() => onMove(1)} aria-label={t('question.moveDown')} data-testid={`question-${position}-down`} />
          </Tooltip>
          <Popconfirm title={t('question.removeConfirm')} okText={t('question.remove')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onConfirm={onRemove} disabled={total === 1}>
            <Tooltip title={total === 1 ? t('question.lastOne') : t('question.remove')}>
              <Button type="text" size="small" danger icon={<DeleteOutlined />} disabled={total === 1} aria-label={t('question.remove')} data-testid={`question-${position}-remove`} />
            </Tooltip>
          </Popconfirm>
        </Flex>
      }
    >
      {unplaced.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={words(unplaced)} data-testid={`question-${position}-errors`} />
      )}
      <Form layout="vertical" component="div" style={{ minWidth: 0 }}>
        <Form.Item label={t('question.text')} required {...fault('text')} style={{ marginBottom: 12 }}>
          <Input.TextArea
            value={question.text}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={500}
            placeholder={valueLabel(t, 'questionPlaceholder', question.kind)}
            onChange={(event) => set({ text: event.target.value })}
            aria-label={t('question.textOf', { n: position })}
            data-testid={`question-${position}-text`}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12} md={8}>
            <Form.Item label={t('question.kind')} {...fault('kind')} style={{ marginBottom: 12 }}>
              <Select<QuestionKind>
                value={question.kind}
                options={questionKindOptions(t)}
                onChange={(kind) => onChange(withKind(question, kind))}
                aria-label={t('question.kindOf', { n: position })}
                data-testid={`question-${position}-kind`}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              label={
                <Tooltip title={t('question.keyHint')}>
                  <span>
                    {t('question.key')} <QuestionCircleOutlined style={{ color: '#8c94a3' }} />
                  </span>
                </Tooltip>
              }
              {...fault('key')}
              validateStatus={errorsUnder(errors, 'key').length || !kKeyPattern.test(question.key) ? 'error' : undefined}
              help={fault('key').help ?? (kKeyPattern.test(question.key) ? undefined : t('question.keyRule'))}
              style={{ marginBottom: 12 }}
            >
              <Input
                value={question.key}
                maxLength={40}
                className="hearth-mono"
                onChange={(event) => set({ key: event.target.value.toLowerCase() })}
                aria-label={t('question.keyOf', { n: position })}
                data-testid={`question-${position}-key`}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('question.required')} {...fault('required')} style={{ marginBottom: 12 }}>
              <Switch checked={!!question.required} onChange={(required) => set({ required })} aria-label={t('question.requiredOf', { n: position })} data-testid={`question-${position}-required`} />
            </Form.Item>
          </Col>
        </Row>

        {(hasScale(question.kind) || measures.length > 0) && (
          <Row gutter={12}>
            {hasScale(question.kind) && (
              <Col xs={12} md={8}>
                <Form.Item label={t('question.scale')} {...fault('scale')} extra={t('question.scaleHint', { max: question.scale ?? kDefaultScale })} style={{ marginBottom: 12 }}>
                  <InputNumber
                    min={kScaleBounds.min}
                    max={kScaleBounds.max}
                    precision={0}
                    value={question.scale ?? kDefaultScale}
                    onChange={(scale) => set({ scale: scale ?? kDefaultScale })}
                    style={{ width: '100%' }}
                    aria-label={t('question.scaleOf', { n: position })}
                    data-testid={`question-${position}-scale`}
                  />
                </Form.Item>
              </Col>
            )}
            {question.kind === 'rating' && (
              <Col xs={12} md={8}>
                <Form.Item label={t('question.item')} {...fault('item')} extra={t('question.itemHint')} style={{ marginBottom: 12 }}>
                  <Select
                    allowClear
                    value={question.item}
                    placeholder={t('question.itemNone')}
                    options={itemOptions(t)}
                    onChange={(item) => set({ item: item ?? undefined })}
                    aria-label={t('question.itemOf', { n: position })}
                    data-testid={`question-${position}-item`}
                  />
                </Form.Item>
              </Col>
            )}
            {measures.length > 0 && (
              <Col xs={24} md={8}>
                <Form.Item label={t('question.measures')} {...fault('measures')} extra={question.measures ? valueLabel(t, 'measureHint', question.kind) : undefined} style={{ marginBottom: 12 }}>
                  <Select<Measure>
                    allowClear
                    value={question.measures}
                    placeholder={t('question.measureNone')}
                    options={measures.map((value) => {
                      const at = taken.get(value);
                      return {
                        value,
                        disabled: at !== undefined,
                        label: at !== undefined ? t('question.measureTaken', { measure: measureLabel(t, value), n: at }) : measureLabel(t, value),
                      };
                    })}
                    onChange={(measure) => {
                      const next: Partial<DraftQuestion> = { measures: measure ?? undefined };
                      if (question.kind === 'single') next.positive = measure ? (question.positive ?? []) : undefined;
                      set(next);
                    }}
                    aria-label={t('question.measuresOf', { n: position })}
                    data-testid={`question-${position}-measures`}
                  />
                </Form.Item>
              </Col>
            )}
          </Row>
        )}

        {hasOptions(question.kind) && (
          <Form.Item
            label={question.kind === 'single' && question.measures ? t('question.optionsPositive') : t('question.options')}
            required
            style={{ marginBottom: 12 }}
          >
            <Flex vertical gap={6} style={{ maxWidth: 720 }} data-testid={`question-${position}-options`}>
              {options.map((option, i) => (
                <Flex key={i} gap={8} align="center">
                  <Input
                    value={option}
                    maxLength={100}
                    status={errors?.has(`options[${i}]`) ? 'error' : undefined}
                    placeholder={t('question.optionPlaceholder', { n: i + 1 })}
                    onChange={(event) => {
                      const next = [...options];
                      const before = next[i];
                      next[i] = event.target.value;
                      const positive = question.positive?.map((p) => (p === before ? event.target.value : p));
                      set({ options: next, ...(positive ? { positive } : {}) });
                    }}
                    aria-label={t('question.optionOf', { n: position, i: i + 1 })}
                    data-testid={`question-${position}-option-${i + 1}`}
                  />
                  {question.kind === 'single' && question.measures && (
                    <Checkbox
                      checked={!!option && (question.positive ?? []).includes(option)}
                      disabled={!option.trim()}
                      onChange={(event) => {
                        const rest = (question.positive ?? []).filter((p) => p !== option);
                        set({ positive: event.target.checked ? [...rest, option] : rest });
                      }}
                      style={{ whiteSpace: 'nowrap' }}
                      data-testid={`question-${position}-positive-${i + 1}`}
                    >
                      {t('question.positive')}
                    </Checkbox>
                  )}
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    disabled={options.length <= 2}
                    onClick={() => setOptions(options.filter((_, k) => k !== i))}
                    aria-label={t('question.removeOption')}
                  />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => setOptions([...options, ''])} disabled={options.length >= 30} data-testid={`question-${position}-add-option`} style={{ alignSelf: 'flex-start' }}>
                {t('question.addOption')}
              </Button>
              <FieldFault list={[...errorsUnder(errors, 'options'), ...errorsUnder(errors, 'positive')]} testId={`question-${position}-error-options`} />
            </Flex>
          </Form.Item>
        )}

        {question.kind === 'matrix' && (
          <Form.Item label={t('question.rows')} required extra={t('question.rowsHint')} style={{ marginBottom: 12 }}>
            <Flex vertical gap={6} style={{ maxWidth: 860 }} data-testid={`question-${position}-rows`}>
              {rows.map((row, i) => (
                <Flex key={i} gap={8} align="center" wrap style={{ padding: 6, background: '#fafbfc', border: '1px solid #f0f2f5', borderRadius: 6 }}>
                  <Input
                    value={row.text}
                    maxLength={200}
                    status={errors?.has(`rows[${i}].text`) ? 'error' : undefined}
                    placeholder={t('question.rowPlaceholder', { n: i + 1 })}
                    onChange={(event) => set({ rows: rows.map((r, k) => (k === i ? { ...r, text: event.target.value } : r)) })}
                    style={{ flex: '1 1 180px', minWidth: 0 }}
                    aria-label={t('question.rowOf', { n: position, i: i + 1 })}
                    data-testid={`question-${position}-row-${i + 1}`}
                  />
                  <Input
                    value={row.key}
                    maxLength={40}
                    className="hearth-mono"
                    status={errors?.has(`rows[${i}].key`) || !kKeyPattern.test(row.key) ? 'error' : undefined}
                    onChange={(event) => set({ rows: rows.map((r, k) => (k === i ? { ...r, key: event.target.value.toLowerCase() } : r)) })}
                    style={{ width: 96 }}
                    aria-label={t('question.rowKeyOf', { n: position, i: i + 1 })}
                  />
                  <Select
                    allowClear
                    value={row.item}
                    placeholder={t('question.item')}
                    options={itemOptions(t)}
                    onChange={(item) => set({ rows: rows.map((r, k) => (k === i ? { ...r, item: item ?? undefined } : r)) })}
                    style={{ width: 110 }}
                    aria-label={t('question.rowItemOf', { n: position, i: i + 1 })}
                    data-testid={`question-${position}-row-${i + 1}-item`}
                  />
                  <Button type="text" icon={<DeleteOutlined />} disabled={rows.length <= 1} onClick={() => set({ rows: rows.filter((_, k) => k !== i) })} aria-label={t('question.removeRow')} />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => set({ rows: [...rows, { key: freeRowKey(rows), text: '' }] })}
                disabled={rows.length >= 30}
                data-testid={`question-${position}-add-row`}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('question.addRow')}
              </Button>
              <FieldFault list={errorsUnder(errors, 'rows')} testId={`question-${position}-error-rows`} />
            </Flex>
          </Form.Item>
        )}

        <ShowIfEditor question={question} position={position} earlier={earlier} fault={fault('show_if')} onChange={(show_if) => set({ show_if })} />
      </Form>
    </Card>
  );
}

/** The server's reasons for a list's entries (an option, a row), in red under the list; nothing without any. */
function FieldFault({ list, testId }: { list: [string, string][]; testId: string }) {
  const t = useT();
  if (!list.length) return null;
  return (
    <Typography.Text type="danger" data-testid={testId}>
      {[...new Set(list.map(([, reason]) => reasonText(t, reason)))].join('；')}
    </Typography.Text>
  );
}

/** 显示条件: off, or an earlier question, a comparison and a value among that question's answers. */
function ShowIfEditor({
  question,
  position,
  earlier,
  fault,
  onChange,
}: {
  question: DraftQuestion;
  position: number;
  earlier: readonly DraftQuestion[];
  fault: { validateStatus?: 'error'; help?: ReactNode };
  onChange: (showIf: ShowIf | undefined) => void;
}) {
  const t = useT();
  const showIf = question.show_if;
  const on = showIf ? earlier.find((q) => q.key === showIf.key) : undefined;
  const startWith = (key: string) => {
    const target = earlier.find((q) => q.key === key);
    onChange(fitShowIf({ key, op: target ? opsFor(target.kind)[0] : 'answered' }, target));
  };
  const answers = on ? answersOf(on) : [];
  const value = showIf?.value;
  return (
    <Form.Item label={t('showIf.label')} {...fault} style={{ marginBottom: 0 }}>
      <Flex vertical gap={8}>
        <Checkbox
          checked={!!showIf}
          disabled={earlier.length === 0 && !showIf}
          onChange={(event) => (event.target.checked ? startWith(earlier[earlier.length - 1].key) : onChange(undefined))}
          data-testid={`question-${position}-show-if`}
        >
          {earlier.length === 0 && !showIf ? t('showIf.firstAlways') : t('showIf.toggle')}
        </Checkbox>
        {showIf && (
          <>
            <Flex gap={8} wrap>
              <Select
                value={on ? showIf.key : undefined}
                placeholder={t('showIf.question')}
                status={!on ? 'error' : undefined}
                options={earlier.map((q, i) => ({ value: q.key, label: questionName(t, q, i + 1) }))}
                onChange={startWith}
                style={{ flex: '2 1 200px', minWidth: 0 }}
                aria-label={t('showIf.questionOf', { n: position })}
                data-testid={`question-${position}-show-if-key`}
              />
              <Select
                value={showIf.op}
                options={(on ? opsFor(on.kind) : ['answered' as const]).map((op) => ({ value: op, label: opLabel(t, op) }))}
                onChange={(op) => onChange(fitShowIf({ ...showIf, op }, on))}
                style={{ flex: '1 1 110px', minWidth: 0 }}
                aria-label={t('showIf.opOf', { n: position })}
                data-testid={`question-${position}-show-if-op`}
              />
              {showIf.op !== 'answered' && (
                <Select<ShowIfValue>
                  mode={showIf.op === 'in' ? 'multiple' : undefined}
                  value={value ?? undefined}
                  placeholder={t('showIf.value')}
                  options={answers.map((answer) => ({ value: answer, label: answerText(t, on, answer) }))}
                  onChange={(next) => onChange({ ...showIf, value: next })}
                  style={{ flex: '1 1 140px', minWidth: 0 }}
                  aria-label={t('showIf.valueOf', { n: position })}
                  data-testid={`question-${position}-show-if-value`}
                />
              )}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`question-${position}-show-if-sentence`}>
              {showIfSentence(t, showIf, [...earlier, question])}
            </Typography.Text>
          </>
        )}
      </Flex>
    </Form.Item>
  );
}

/** A question as it reads, for those who do not edit it (and for a published version). */
export function QuestionSummary({ question, position, questions }: { question: Question; position: number; questions: readonly Question[] }) {
  const t = useT();
  return (
    <div style={{ padding: '10px 0', borderTop: position === 1 ? undefined : '1px solid #f0f2f5' }} data-testid={`question-${position}`} data-key={question.key}>
      <Flex gap={8} align="baseline" wrap>
        <Typography.Text strong>{t('question.numbered', { n: position })}</Typography.Text>
        <Typography.Text style={{ overflowWrap: 'anywhere' }}>
          {question.text}
          {question.required && <Typography.Text type="danger"> *</Typography.Text>}
        </Typography.Text>
      </Flex>
      <Flex gap={4} wrap style={{ marginTop: 4 }}>
        <Tag style={{ marginInlineEnd: 0 }}>{questionKindLabel(t, question.kind)}</Tag>
        {hasScale(question.kind) && <Tag style={{ marginInlineEnd: 0 }}>{t('question.scaleHint', { max: question.scale ?? kDefaultScale })}</Tag>}
        {question.item && <Tag style={{ marginInlineEnd: 0 }}>{itemLabel(t, question.item)}</Tag>}
        {question.measures && (
          <Tag color="purple" style={{ marginInlineEnd: 0 }}>
            {measureLabel(t, question.measures)}
          </Tag>
        )}
      </Flex>
      {question.options && question.options.length > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
          {question.options.map((option) => (question.positive?.includes(option) ? t('question.optionYes', { option }) : option)).join(' / ')}
        </Typography.Text>
      )}
      {question.rows && question.rows.length > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
          {question.rows.map((row) => (row.item ? `${row.text}（${itemLabel(t, row.item)}）` : row.text)).join('；')}
        </Typography.Text>
      )}
      {question.show_if && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
          {showIfSentence(t, question.show_if, questions)}
        </Typography.Text>
      )}
    </div>
  );
}
