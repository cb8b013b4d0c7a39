// Wire types of Customer 360 (客户档案), derived from the server's OpenAPI document
// (src/modules/customers/openapi.json; see shared/api/wire.ts).
import type { Schema, Wire } from '../../shared/api/wire';

export const kIdTypes = ['resident_id', 'passport', 'hk_macau_permit', 'taiwan_permit', 'other'] as const satisfies readonly Schema<'IdType'>[];
export type IdType = Schema<'IdType'>;

export const kGenders = ['male', 'female', 'unknown'] as const satisfies readonly Schema<'Gender'>[];
export type Gender = Schema<'Gender'>;

export const kMaritalStatuses = ['single', 'married', 'divorced', 'widowed', 'unknown'] as const satisfies readonly Schema<'MaritalStatus'>[];
export type MaritalStatus = Schema<'MaritalStatus'>;

export const kIncomeLevels = ['low', 'middle', 'high'] as const satisfies readonly Schema<'IncomeLevel'>[];
export type IncomeLevel = Schema<'IncomeLevel'>;

/** Labels of a phone. The server stores any short text; these are the ones the UI offers. */
export const kPhoneLabels = ['mobile', 'home', 'work', 'other'] as const;

/** Kinds of timeline events the modules write; others may appear and are shown as they come. */
export const kTimelineKinds = ['profile', 'visit', 'call', 'purchase', 'delivery', 'journey', 'ticket', 'survey', 'club', 'merge'] as const;

export const kMaxPhones = 10;

/** A phone: 11 digits or a landline, `138****5678` when masked, with its label. */
export type CustomerPhone = Wire<'CustomerPhone'>;

/** A customer as the server shows it to the caller: phones and ID number masked unless `masked` is false. */
export interface Customer extends Wire<'Customer'> {}

/** POST body; a PATCH sends the fields to change, `null` clearing one. */
export type CustomerInput = Schema<'CustomerInput'>;

/** An event of the customer's timeline. */
export type TimelineEvent = Wire<'TimelineEvent'>;
