import { useMemo, useState } from 'react';
import { Button, Drawer, Empty, Flex, Grid, Input, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import type { MessageKey } from '../../../app/i18n/messages';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { useFacts } from '../queries';
import { factChoices, factLabel, unitLabel } from '../labels';
import type { SegmentFact } from '../types';

/** What a click puts into the rule: the text, and how many characters before its end the caret goes. */
export interface Insertion {
  text: string;
  caretBack?: number;
}

/** The words that join conditions and compare, as the picker offers them. */
const kOperators: { label: string; text: string; caretBack?: number; hint: MessageKey }[] = [
  { label: '且', text: '且', hint: 'factPicker.op.and' },
  { label: '或', text: '或', hint: 'factPicker.op.or' },
  { label: '非', text: '非', hint: 'factPicker.op.not' },
  { label: '( )', text: '()', caretBack: 1, hint: 'factPicker.op.paren' },
  { label: '=', text: '=', hint: 'factPicker.op.eq' },
  { label: '!=', text: '!=', hint: 'factPicker.op.ne' },
  { label: '>=', text: '>=', hint: 'factPicker.op.ge' },
  { label: '<', text: '<', hint: 'factPicker.op.lt' },
  { label: 'in ( )', text: 'in ()', caretBack: 1, hint: 'factPicker.op.in' },
  { label: 'between … and …', text: 'between  and', caretBack: 4, hint: 'factPicker.op.between' },
  { label: 'is null', text: 'is null', hint: 'factPicker.op.isNull' },
  { label: 'contains', text: 'contains', hint: 'factPicker.op.contains' },
];

/** The facts by theme, by code; a fact the server adds later goes under 其他. */
const kThemes: { title: MessageKey; codes: readonly string[] }[] = [
  {
    title: 'factPicker.theme.person',
    codes: ['age', 'gender', 'marital_status', 'children', 'youngest_child_age', 'oldest_child_age', 'elders', 'household_size', 'life_stage', 'income_level', 'city', 'occupation', 'source_channel', 'tags', 'consent_marketing'],
  },
  { title: 'factPicker.theme.homes', codes: ['owner', 'units_owned', 'home_value', 'home_area', 'tenure_years', 'repurchased'] },
  { title: 'factPicker.theme.opinion', codes: ['purchase_motive', 'satisfied', 'would_rebuy', 'would_recommend', 'nps', 'referrals'] },
];

const kindKey = (kind: SegmentFact['kind']): MessageKey => `factPicker.kind.${kind}` as MessageKey;

/**
 * 插入事实: the facts a rule may name, by theme, each by its name with what it is (数字 · 岁, 文本, 是/否)
 * and its values in words; a click on a fact puts its name into the rule at the caret, a click on a
 * value its code in quotes (`'young_family'`), as the rule language takes it. Above them, the words
 * that join and compare. The drawer stays open for several insertions.
 */
export function FactPicker({ open, onClose, onInsert, target }: { open: boolean; onClose: () => void; onInsert: (insertion: Insertion) => void; target: string }) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const facts = useFacts();
  const [search, setSearch] = useState('');

  const themes = useMemo(() => {
    const list = facts.data ?? [];
    const q = search.trim().toLowerCase();
    const shown = list.filter((f) => !q || factLabel(t, f.code, f).toLowerCase().includes(q) || f.label.includes(q) || f.code.includes(q));
    const known = new Set(kThemes.flatMap((theme) => theme.codes));
    const groups = kThemes.map((theme) => ({ title: t(theme.title), facts: theme.codes.map((code) => shown.find((f) => f.code === code)).filter((f): f is SegmentFact => !!f) }));
    groups.push({ title: t('factPicker.theme.other'), facts: shown.filter((f) => !known.has(f.code)) });
    return groups.filter((group) => group.facts.length > 0);
  }, [facts.data, search, t]);

  const describe = (fact: SegmentFact) => {
    const unit = unitLabel(t, fact.unit);
    return unit ? `${t(kindKey(fact.kind))} · ${unit}` : t(kindKey(fact.kind));
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      mask={false}
      title={t('factPicker.title', { target })}
      size={narrow ? '100%' : 440}
      styles={{ body: { paddingTop: 12 } }}
      data-testid="fact-picker"
    >
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 8 }}>
        {t('factPicker.hint')}
      </Typography.Text>
      <Flex gap={6} wrap style={{ marginBottom: 12 }} data-testid="fact-picker-operators">
        {kOperators.map((op) => (
          <Tooltip key={op.text} title={t(op.hint)}>
            <Button size="small" onClick={() => onInsert({ text: op.text, caretBack: op.caretBack })}>
              {op.label}
            </Button>
          </Tooltip>
        ))}
      </Flex>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('factPicker.search')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        style={{ marginBottom: 12 }}
        aria-label={t('factPicker.search')}
      />
      <ErrorAlert error={facts.error} />
      {!facts.data && !facts.error && <Skeleton active paragraph={{ rows: 8 }} />}
      {facts.data && themes.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('factPicker.none')} />}
      <Flex vertical gap={16} data-testid="fact-picker-facts">
        {themes.map((theme) => (
          <div key={theme.title}>
            <Typography.Text type="secondary" strong style={{ display: 'block', fontSize: 12, marginBottom: 6 }}>
              {theme.title}
            </Typography.Text>
            <Flex vertical gap={2}>
              {theme.facts.map((fact) => {
                const label = factLabel(t, fact.code, fact);
                const choices = factChoices(t, fact);
                return (
                  <div key={fact.code} style={{ padding: '6px 8px', borderRadius: 6, background: '#f7f8fa' }} data-testid={`fact-${fact.code}`}>
                    <Flex justify="space-between" align="center" gap={8}>
                      <Button type="link" size="small" style={{ padding: 0, height: 'auto', fontWeight: 600 }} onClick={() => onInsert({ text: fact.label })} data-testid={`fact-insert-${fact.code}`}>
                        {label}
                      </Button>
                      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                        {describe(fact)}
                      </Typography.Text>
                    </Flex>
                    {choices.length > 0 && (
                      <Flex gap={4} wrap style={{ marginTop: 4 }}>
                        {choices.map((choice) => (
                          <Tag
                            key={choice.insert}
                            color="blue"
                            style={{ cursor: 'pointer', marginInlineEnd: 0 }}
                            onClick={() => onInsert({ text: choice.insert })}
                            data-testid={`fact-word-${fact.code}-${choice.insert.replace(/'/g, '')}`}
                          >
                            {choice.label}
                          </Tag>
                        ))}
                      </Flex>
                    )}
                  </div>
                );
              })}
            </Flex>
          </div>
        ))}
      </Flex>
      <div style={{ marginTop: 20, paddingTop: 12, borderTop: '1px solid #f0f2f5' }}>
        <Typography.Text type="secondary" strong style={{ display: 'block', fontSize: 12, marginBottom: 4 }}>
          {t('factPicker.examples')}
        </Typography.Text>
        {(['factPicker.example1', 'factPicker.example2', 'factPicker.example3', 'factPicker.example4'] as const).map((key) => (
          <Typography.Text key={key} code style={{ display: 'block', fontSize: 12, marginBottom: 4, whiteSpace: 'normal' }}>
            {t(key)}
          </Typography.Text>
        ))}
      </div>
    </Drawer>
  );
}
