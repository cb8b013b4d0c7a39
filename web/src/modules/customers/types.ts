// Wire types of Customer 360 (客户档案), derived from the server's OpenAPI document
// (src/modules/customers/openapi.json; see shared/api/wire.ts).
import type { Schema, Wire } from '../../shared/api/wire';

export const kIdTypes = ['resident_id', 'passport', 'hk_macau_permit', 'taiwan_permit', 'other'] as const satisfies readonly NonNullable<Schema<'CustomerInput'>['id_type']>[];
export type IdType = (typeof kIdTypes)[number];

export const kGenders = ['male', 'female', 'unknown'] as const satisfies readonly NonNullable<Schema<'CustomerInput'>['gender']>[];
export type Gender = (typeof kGenders)[number];

export const kMaritalStatuses = ['single', 'married', 'divorced', 'widowed', 'unknown'] as const satisfies readonly NonNullable<Schema<'CustomerInput'>['marital_status']>[];
export type MaritalStatus = (typeof kMaritalStatuses)[number];

export const kIncomeLevels = ['low', 'middle', 'high'] as const satisfies readonly NonNullable<Schema<'CustomerInput'>['income_level']>[];
export type IncomeLevel = (typeof kIncomeLevels)[number];

/** Labels of a phone. The server stores any short text; these are the ones the UI offers. */
export const kPhoneLabels = ['mobile', 'home', 'work', 'other'] as const;

/** Kinds of timeline events the modules write; others may appear and are shown as they come. */
export const kTimelineKinds = ['profile', 'visit', 'call', 'purchase', 'ticket', 'survey', 'club', 'merge'] as const;

export const kMaxPhones = 10;

/** A phone: 11 digits or a landline, `138****5678` when masked, with its label. */
export type CustomerPhone = Wire<'CustomerPhone'>;

/** A customer as the server shows it to the caller: phones and ID number masked unless `masked` is false. */
export interface Customer
  extends Wire<
    'Customer',
    {
      phones: CustomerPhone[];
      id_type: IdType | null;
      gender: Gender;
      marital_status: MaritalStatus | null;
      income_level: IncomeLevel | null;
    }
  > {}

/** POST body; a PATCH sends the fields to change, `null` clearing one. */
export type CustomerInput = {
  [K in keyof Schema<'CustomerInput'>]?: K extends 'name' | 'gender' | 'consent_marketing' | 'org_unit_id'
    ? Schema<'CustomerInput'>[K]
    : K extends 'phones'
      ? Schema<'CustomerPhone'>[] | null
      : Schema<'CustomerInput'>[K] | null;
};

/** An event of the customer's timeline; `id` is absent on events other modules compute. */
export type TimelineEvent = Wire<'TimelineEvent', { id?: number }>;
