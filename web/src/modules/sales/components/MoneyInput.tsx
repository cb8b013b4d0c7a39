import { InputNumber, type InputNumberProps } from 'antd';
import { useT } from '../../../app/i18n/useT';

/** "2950000.5" as "2,950,000.50" while typing is done; commas typed or pasted are ignored. */
const grouped = (value: string | number | undefined) => {
  if (value === undefined || value === '') return '';
  const [whole, fraction] = String(value).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction !== undefined ? `.${fraction}` : ''}`;
};
const parsed = (text: string | undefined) => (text ?? '').replace(/[,\s¥]/g, '');

/** An amount of money in yuan (to the fen), with thousands separators and 元 after it. */
export function MoneyInput(props: Omit<InputNumberProps<number>, 'formatter' | 'parser' | 'precision' | 'suffix'>) {
  const t = useT();
  return (
    <InputNumber<number>
      min={0}
      max={10_000_000_000}
      style={{ width: '100%' }}
      {...props}
      precision={2}
      suffix={t('inventory.yuan')}
      formatter={grouped}
      parser={(text) => Number(parsed(text))}
    />
  );
}
