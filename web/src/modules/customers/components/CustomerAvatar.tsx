import { Avatar } from 'antd';
import { kGenderColors } from '../labels';
import type { Customer } from '../types';

/** The first character of the name on the gender's colour (grey when unknown or anonymised). */
export function CustomerAvatar({ customer, size }: { customer: Pick<Customer, 'name' | 'gender' | 'anonymized'>; size: number }) {
  const color = customer.anonymized ? '#bfc5cf' : (kGenderColors[customer.gender] ?? kGenderColors.unknown);
  return (
    <Avatar size={size} style={{ backgroundColor: color, flex: 'none', fontSize: Math.round(size * 0.45) }}>
      {customer.name.slice(0, 1)}
    </Avatar>
  );
}
