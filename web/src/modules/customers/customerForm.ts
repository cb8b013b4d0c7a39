// The create/edit form of a customer: form values ↔ API input, and where server fields land.
import dayjs, { type Dayjs } from 'dayjs';
import type { NamePath } from 'antd/es/form/interface';
import type { Customer, CustomerInput, CustomerPhone, Gender, IdType, IncomeLevel, MaritalStatus } from './types';

export interface CustomerFormValues {
  name: string;
  phones: CustomerPhone[];
  id_type?: IdType | null;
  id_number?: string;
  gender?: Gender | null;
  birth_date?: Dayjs | null;
  marital_status?: MaritalStatus | null;
  /** Select in tags mode: typed years arrive as strings. */
  children_birth_years: (string | number)[];
  elders?: number | null;
  income_level?: IncomeLevel | null;
  email?: string;
  address?: string;
  city?: string;
  occupation?: string;
  source_channel?: string;
  tags: string[];
  consent_marketing: boolean;
  org_unit_id?: number;
}

/** Top-level names of the form, for placing the server's field errors. */
export const kCustomerFormFields = [
  'name',
  'phones',
  'id_type',
  'id_number',
  'gender',
  'birth_date',
  'marital_status',
  'children_birth_years',
  'elders',
  'income_level',
  'email',
  'address',
  'city',
  'occupation',
  'source_channel',
  'tags',
  'consent_marketing',
  'org_unit_id',
] as const;

/**
 * Where a server field goes: "phones[1]" is the number of the second phone row, "phones[1].label"
 * its label, "children_birth_years[0]" and "tags[2]" the whole tag box, and "phone" (the primary,
 * or "a phone or an ID number is required") the phone list. The server indexes the list as sent,
 * and the form sends every row, so the indexes match.
 */
export function customerFieldPath(field: string): NamePath | null {
  const phone = /^phones\[(\d+)\](\.label)?$/.exec(field);
  if (phone) return ['phones', Number(phone[1]), phone[2] ? 'label' : 'phone'];
  const item = /^(\w+)\[\d+\]$/.exec(field);
  if (item) return item[1];
  if (field === 'phone') return 'phones';
  return field;
}

export function valuesOf(customer: Customer): CustomerFormValues {
  return {
    name: customer.name,
    phones: customer.phones.map((p) => ({ phone: p.phone, label: p.label })),
    id_type: customer.id_type,
    id_number: customer.id_number ?? '',
    gender: customer.gender,
    birth_date: customer.birth_date ? dayjs(customer.birth_date) : null,
    marital_status: customer.marital_status,
    children_birth_years: customer.children_birth_years,
    elders: customer.elders,
    income_level: customer.income_level,
    email: customer.email ?? '',
    address: customer.address ?? '',
    city: customer.city ?? '',
    occupation: customer.occupation ?? '',
    source_channel: customer.source_channel ?? '',
    tags: customer.tags,
    consent_marketing: customer.consent_marketing,
    org_unit_id: customer.org_unit_id,
  };
}

export function newCustomerValues(orgUnitId: number | undefined, phone = ''): CustomerFormValues {
  return {
    name: '',
    phones: [{ phone, label: 'mobile' }],
    id_type: 'resident_id',
    id_number: '',
    children_birth_years: [],
    tags: [],
    consent_marketing: false,
    org_unit_id: orgUnitId,
  };
}

const text = (value: string | undefined | null) => (value ?? '').trim();
const years = (list: (string | number)[]) => list.map((year) => Number(String(year).trim()));
const phonesOf = (list: CustomerPhone[] | undefined) =>
  (list ?? []).map((p) => ({ phone: text(p.phone), label: p.label || 'mobile' }));
const idNumberOf = (value: string | undefined) => text(value).replace(/\s+/g, '').toUpperCase();
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The POST body: what was filled in, nothing for what was left empty (the server derives gender and birth date from a resident ID). */
export function createInput(values: CustomerFormValues): CustomerInput {
  const input: CustomerInput = { name: text(values.name) };
  const phones = phonesOf(values.phones);
  if (phones.length) input.phones = phones;
  const idNumber = idNumberOf(values.id_number);
  if (idNumber) {
    input.id_number = idNumber;
    input.id_type = values.id_type ?? 'resident_id';
  }
  if (values.gender) input.gender = values.gender;
  if (values.birth_date) input.birth_date = values.birth_date.format('YYYY-MM-DD');
  if (values.marital_status) input.marital_status = values.marital_status;
  if (values.children_birth_years.length) input.children_birth_years = years(values.children_birth_years);
  if (values.elders !== undefined && values.elders !== null) input.elders = values.elders;
  if (values.income_level) input.income_level = values.income_level;
  for (const key of ['email', 'address', 'city', 'occupation', 'source_channel'] as const) {
    if (text(values[key])) input[key] = text(values[key]);
  }
  if (values.tags.length) input.tags = values.tags.map((tag) => tag.trim()).filter(Boolean);
  input.consent_marketing = values.consent_marketing;
  if (values.org_unit_id !== undefined) input.org_unit_id = values.org_unit_id;
  return input;
}

/**
 * The PATCH body: only what changed, `null` for what was emptied. Phones and the ID number are
 * left out when the form showed them masked (they cannot have been edited).
 */
export function patchInput(customer: Customer, values: CustomerFormValues): CustomerInput {
  const patch: CustomerInput = {};
  if (text(values.name) !== customer.name) patch.name = text(values.name);
  if (!customer.masked) {
    const phones = phonesOf(values.phones);
    if (!same(phones, customer.phones.map((p) => ({ phone: p.phone, label: p.label })))) {
      patch.phones = phones.length ? phones : null;
    }
    const idNumber = idNumberOf(values.id_number);
    if (!idNumber) {
      if (customer.id_number) patch.id_number = null;
    } else {
      if (idNumber !== customer.id_number) patch.id_number = idNumber;
      const idType = values.id_type ?? 'resident_id';
      if (idType !== customer.id_type) patch.id_type = idType;
    }
  }
  if (values.gender && values.gender !== customer.gender) patch.gender = values.gender;
  const birth = values.birth_date ? values.birth_date.format('YYYY-MM-DD') : null;
  if (birth !== customer.birth_date) patch.birth_date = birth;
  if ((values.marital_status ?? null) !== customer.marital_status) patch.marital_status = values.marital_status ?? null;
  const childYears = years(values.children_birth_years);
  if (!same(childYears, customer.children_birth_years)) patch.children_birth_years = childYears.length ? childYears : null;
  if ((values.elders ?? null) !== customer.elders) patch.elders = values.elders ?? null;
  if ((values.income_level ?? null) !== customer.income_level) patch.income_level = values.income_level ?? null;
  for (const key of ['email', 'address', 'city', 'occupation', 'source_channel'] as const) {
    const value = text(values[key]);
    if (value !== (customer[key] ?? '')) patch[key] = value || null;
  }
  const tags = values.tags.map((tag) => tag.trim()).filter(Boolean);
  if (!same(tags, customer.tags)) patch.tags = tags.length ? tags : null;
  if (values.consent_marketing !== customer.consent_marketing) patch.consent_marketing = values.consent_marketing;
  if (values.org_unit_id !== undefined && values.org_unit_id !== customer.org_unit_id) patch.org_unit_id = values.org_unit_id;
  return patch;
}

/** Birth date and gender a resident ID number tells (positions 7–14 and 17), without checking it. */
export function residentIdFacts(idNumber: string | undefined): { birthDate: string; gender: Gender } | null {
  const id = idNumberOf(idNumber);
  if (!/^\d{17}[\dX]$/.test(id)) return null;
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const date = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== birth) return null;
  return { birthDate: birth, gender: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}
