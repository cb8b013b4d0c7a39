// A rule's fault as the page shows it. The server names each fault by the rule's field, the character
// it is at (1-based, counted in characters; 0 for the whole rule) and an English sentence
// (rules/rule.cpp). The sentences come from a closed list: each is written here in words of this
// language, the facts it names by their names; one not known here is shown as the server wrote it.
import type { Translate } from '../../app/i18n/i18nContext';
import type { MessageKey } from '../../app/i18n/messages';
import { factLabel, wordLabel } from './labels';

type Vars = Record<string, string>;

/** How a token the server quotes is named: its end is 规则结尾. */
const token = (t: Translate, text: string) => (text === 'the end' ? t('ruleError.theEnd') : `“${text}”`);

/**
 * The server's sentences (rules/rule.cpp) and their words here: each pattern's groups become the
 * message's variables (`fact` a fact's code, named by its label; `token` a quoted token).
 */
const kPatterns: { pattern: RegExp; key: MessageKey; vars: (m: RegExpMatchArray, t: Translate) => Vars }[] = [
  { pattern: /^the rule is empty$/, key: 'ruleError.empty', vars: () => ({}) },
  { pattern: /^unexpected '(.*)': expected and, or or the end$/, key: 'ruleError.unexpected', vars: (m, t) => ({ token: token(t, m[1]) }) },
  { pattern: /^the rule must be a condition/, key: 'ruleError.notCondition', vars: () => ({}) },
  { pattern: /^a text is not closed/, key: 'ruleError.unclosedText', vars: () => ({}) },
  { pattern: /^'(.)' alone: write (..)$/, key: 'ruleError.alone', vars: (m) => ({ token: m[1], write: m[2] }) },
  { pattern: /^'(.*)' is not part of the rule language$/, key: 'ruleError.notInLanguage', vars: (m, t) => ({ token: token(t, m[1]) }) },
  { pattern: /^or joins conditions$/, key: 'ruleError.orJoins', vars: () => ({}) },
  { pattern: /^and joins conditions$/, key: 'ruleError.andJoins', vars: () => ({}) },
  { pattern: /^not applies to a condition$/, key: 'ruleError.notApplies', vars: () => ({}) },
  { pattern: /^'(.*)' is not a number$/, key: 'ruleError.notANumberLiteral', vars: (m, t) => ({ token: token(t, m[1]) }) },
  { pattern: /^expected '\)' before '(.*)'$/, key: 'ruleError.closeParen', vars: (m, t) => ({ token: token(t, m[1]) }) },
  { pattern: /^expected a fact, a number or a text before '(.*)'$/, key: 'ruleError.operandExpected', vars: (m, t) => ({ token: token(t, m[1]) }) },
  {
    pattern: /^unknown fact '(.*?)'(?: \(did you mean (\w+)\?\))?$/,
    key: 'ruleError.unknownFact',
    vars: (m, t) => ({ token: token(t, m[1]), hint: m[2] ? t('ruleError.didYouMean', { fact: factLabel(t, m[2]) }) : '' }),
  },
  { pattern: /^compare (\w+) with a number or a text, not another fact$/, key: 'ruleError.factWithFact', vars: (m, t) => ({ fact: factLabel(t, m[1]) }) },
  { pattern: /^(\w+) is a number: compare it with a number$/, key: 'ruleError.compareNumber', vars: (m, t) => ({ fact: factLabel(t, m[1]) }) },
  { pattern: /^(\w+) is yes or no: compare it with true or false$/, key: 'ruleError.compareBool', vars: (m, t) => ({ fact: factLabel(t, m[1]) }) },
  { pattern: /^(\w+) is a text: put the value in quotes$/, key: 'ruleError.quoteText', vars: (m, t) => ({ fact: factLabel(t, m[1]) }) },
  {
    pattern: /^'(.*)' is not a value of (\w+): one of (.*)$/,
    key: 'ruleError.notAWord',
    vars: (m, t) => ({
      token: token(t, m[1]),
      fact: factLabel(t, m[2]),
      words: m[3]
        .split(', ')
        .map((word) => `${wordLabel(t, m[2], word)}（'${word}'）`)
        .join('、'),
    }),
  },
  { pattern: /^(.+) needs a fact on its left$/, key: 'ruleError.needsFact', vars: (m) => ({ token: m[1] }) },
  { pattern: /^(\w+) is not a number: only = and != compare it$/, key: 'ruleError.onlyEquals', vars: (m, t) => ({ fact: factLabel(t, m[1]) }) },
  { pattern: /^(\w+) is a list: ask \w+ contains '…'$/, key: 'ruleError.isList', vars: (m, t) => ({ fact: factLabel(t, m[1]) }) },
  { pattern: /^expected '\(' after in$/, key: 'ruleError.openParen', vars: () => ({}) },
  { pattern: /^expected ',' or '\)' before '(.*)'$/, key: 'ruleError.commaOrParen', vars: (m, t) => ({ token: token(t, m[1]) }) },
  { pattern: /^(\w+) is not a number: between needs one$/, key: 'ruleError.betweenNumber', vars: (m, t) => ({ fact: factLabel(t, m[1]) }) },
  { pattern: /^expected and between the two bounds$/, key: 'ruleError.betweenAnd', vars: () => ({}) },
  { pattern: /^expected in or between after not$/, key: 'ruleError.notInBetween', vars: () => ({}) },
  { pattern: /^expected null after is$/, key: 'ruleError.isNull', vars: () => ({}) },
  { pattern: /^(\w+) is not a list: use = or in$/, key: 'ruleError.notAList', vars: (m, t) => ({ fact: factLabel(t, m[1]) }) },
  { pattern: /^(\w+) alone is not a condition/, key: 'ruleError.factAlone', vars: (m, t) => ({ fact: factLabel(t, m[1]) }) },
];

/** The server's sentence for a rule's fault in words of this language (as the server wrote it when not known here). */
export function ruleErrorText(t: Translate, message: string): string {
  for (const { pattern, key, vars } of kPatterns) {
    const match = message.match(pattern);
    if (match) return t(key, vars(match, t));
  }
  return message;
}

/** The characters of the token that starts at `index`: a quoted text, a name or number, an operator, else one character. */
function tokenLength(chars: readonly string[], index: number): number {
  const first = chars[index];
  const close: Record<string, string> = { "'": "'", '"': '"', '‘': '’', '“': '”' };
  if (close[first]) {
    const end = chars.indexOf(close[first], index + 1);
    return end < 0 ? chars.length - index : end - index + 1;
  }
  const kinds = [/[\p{L}\p{N}_.]/u, /[<>=!&|]/];
  const kind = kinds.find((pattern) => pattern.test(first) && !/[（），‘“　]/.test(first));
  if (!kind) return 1;
  let end = index + 1;
  while (end < chars.length && kind.test(chars[end]) && !/[（），‘“　]/.test(chars[end])) end += 1;
  return end - index;
}

/**
 * Where a fault is in the rule's text: the characters before it, the token it is at (a space shown
 * when it is past the end) and those after; null for a fault of the whole rule (position 0).
 * Counted in characters (code points), as the server counts them.
 */
export function splitAt(rule: string, position: number): { before: string; at: string; after: string; past: boolean } | null {
  if (position <= 0) return null;
  const chars = Array.from(rule);
  const index = Math.min(position - 1, chars.length);
  if (index >= chars.length) return { before: rule, at: ' ', after: '', past: true };
  const length = tokenLength(chars, index);
  return { before: chars.slice(0, index).join(''), at: chars.slice(index, index + length).join(''), after: chars.slice(index + length).join(''), past: false };
}

/**
 * The comparison signs of a Chinese keyboard (＝ ＞ ＜ ！) as the rule language writes them, one
 * character for one: what is typed keeps its positions.
 */
export const halfWidthSigns = (rule: string) => rule.replace(/[＝＞＜！]/g, (sign) => ({ '＝': '=', '＞': '>', '＜': '<', '！': '!' })[sign] ?? sign);

/** The offset in UTF-16 units (a textarea's selection) of the character at 1-based `position`. */
export function offsetOf(rule: string, position: number): number {
  return Array.from(rule)
    .slice(0, Math.max(0, position - 1))
    .join('').length;
}
