// Wire types of Customer 360 (客户档案), as the server sends them (src/modules/customers/openapi.json).

export const kIdTypes = ['resident_id', 'passport', 'hk_macau_permit', 'taiwan_permit', 'other'] as const;
export type IdType = (typeof kIdTypes)[number];

export const kGenders = ['male', 'female', 'unknown'] as const;
export type Gender = (typeof kGenders)[number];

export const kMaritalStatuses = ['single', 'married', 'divorced', 'widowed', 'unknown'] as const;
export type MaritalStatus = (typeof kMaritalStatuses)[number];

export const kIncomeLevels = ['low', 'middle', 'high'] as const;
export type IncomeLevel = (typeof kIncomeLevels)[number];

/** Labels of a phone. The server stores any short text; these are the ones the UI offers. */
export const kPhoneLabels = ['mobile', 'home', 'work', 'other'] as const;

/** Kinds of timeline events the modules write; others may appear and are shown as they come. */
export const kTimelineKinds = ['profile', 'visit', 'call', 'purchase', 'ticket', 'survey', 'club', 'merge'] as const;

export const kMaxPhones = 10;

export interface CustomerPhone {
  /** 11 digits or a landline; `138****5678` when masked. */
  phone: string;
  label: string;
}

export interface Customer {
  id: number;
  name: string;
  /** The primary phone (the first of `phones`). */
  phone: string | null;
  phones: CustomerPhone[];
  id_type: IdType | null;
  /** All but the first 6 and last 4 characters are `*` when masked. */
  id_number: string | null;
  gender: Gender;
  birth_date: string | null;
  marital_status: MaritalStatus | null;
  children_birth_years: number[];
  elders: number | null;
  income_level: IncomeLevel | null;
  email: string | null;
  address: string | null;
  city: string | null;
  occupation: string | null;
  source_channel: string | null;
  tags: string[];
  consent_marketing: boolean;
  /** When consent was last given or withdrawn. */
  consent_changed_at: string | null;
  org_unit_id: number;
  merged_into: number | null;
  anonymized: boolean;
  /** True when phones and ID number are masked for the caller. */
  masked: boolean;
  version: number;
  created_at: string;
  updated_at: string;
}

/** POST body; a PATCH sends the fields to change, `null` clearing one. */
export interface CustomerInput {
  name?: string;
  phones?: CustomerPhone[] | null;
  id_type?: IdType | null;
  id_number?: string | null;
  gender?: Gender;
  birth_date?: string | null;
  marital_status?: MaritalStatus | null;
  children_birth_years?: number[] | null;
  elders?: number | null;
  income_level?: IncomeLevel | null;
  email?: string | null;
  address?: string | null;
  city?: string | null;
  occupation?: string | null;
  source_channel?: string | null;
  tags?: string[] | null;
  consent_marketing?: boolean;
  org_unit_id?: number;
}

export interface TimelineEvent {
  id?: number;
  at: string;
  kind: string;
  ref_type: string | null;
  ref_id: number | null;
  summary: string;
}
