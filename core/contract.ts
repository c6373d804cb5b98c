// The one API contract (ARCHITECTURE.md, "One contract, three transports"): every call the UI
// can make, declared once with its input schema and output type. services/ implements it;
// transports only move (method, input) and result | error.

import { z } from 'zod';
import {
  LOCALES,
  type EngagementDetail,
  type EngagementRow,
  type Locale,
} from './domain';

/** Declares a method: the output type is given, the input type is inferred from the schema. */
const method =
  <Output>() =>
  <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });

const noInput = z.object({}).strict();
const id = z.string().min(1).max(64);

export interface AppInfo {
  version: string;
  locale: Locale;
  dataDir: string | null;
  counts: { companies: number; consultants: number; engagements: number; dayEntries: number };
}

export interface Settings {
  locale: Locale;
}

export interface DemoSummary {
  companies: number;
  consultants: number;
  engagements: number;
  dayEntries: number;
  deliverables: number;
}

/** Canonical JSON of the shared data: tables by name, rows sorted by id, keys sorted. */
export type DataDump = Record<string, Record<string, unknown>[]>;

export const contract = {
  'app.info': method<AppInfo>()(noInput),
  'settings.get': method<Settings>()(noInput),
  'settings.update': method<Settings>()(z.object({ locale: z.enum(LOCALES) }).strict()),
  'demo.load': method<DemoSummary>()(z.object({ force: z.boolean().optional() }).strict()),
  'engagements.list': method<EngagementRow[]>()(noInput),
  'engagements.get': method<EngagementDetail>()(z.object({ id }).strict()),
  'data.dump': method<DataDump>()(noInput),
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Contract[M]['output'];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** What every transport's client implements; the renderer only ever sees this. */
export interface CarnetApi {
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
}

/** Handlers implementing the contract, one per method, typed from it. */
export type Handlers<Context> = {
  [M in MethodName]: (input: ParsedInputOf<M>, context: Context) => Promise<OutputOf<M>> | OutputOf<M>;
};
