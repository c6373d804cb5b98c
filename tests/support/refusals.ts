import { expect } from 'vitest';
import type { InputOf, MethodName } from '../../core/contract';
import type { ApiError, ApiResult, ErrorCode } from '../../core/errors';
import type { TestApp } from './testApp';

/** The error of a call that must fail (the test fails if it succeeded). */
export function failure(outcome: ApiResult<unknown>): ApiError {
  if (outcome.ok) throw new Error(`expected a failure, got ${JSON.stringify(outcome.result)}`);
  return outcome.error;
}

/** Asserts a refusal by code, field and French message, and that the data did not change. */
export async function expectRefused<M extends MethodName>(
  testApp: TestApp,
  method: M,
  input: InputOf<M>,
  expected: { code: ErrorCode; field: string; message: string | string[] },
): Promise<ApiError> {
  const before = await testApp.dump();
  const error = failure(await testApp.dispatch(method, input));
  expect(error.code).toBe(expected.code);
  expect(error.field).toBe(expected.field);
  if (typeof expected.message === 'string') expect(error.message).toBe(expected.message);
  else for (const part of expected.message) expect(error.message).toContain(part);
  expect(await testApp.dump()).toEqual(before);
  return error;
}
