import type { DataDump, InputOf, MethodName, OutputOf } from '../../core/contract';
import { ApiCallError, type ApiResult } from '../../core/errors';
import { openApplication, type Application, type OpenApplicationOptions } from '../../services/application';

export interface TestApp {
  app: Application;
  /** The raw door: any method name, any input, a result or a structured error as data. */
  dispatch(method: string, input: unknown): Promise<ApiResult<unknown>>;
  /** A typed call that returns the result or throws ApiCallError, like a transport client. */
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
  dump(): Promise<DataDump>;
  /** Unexpected failures the dispatcher reported (when no `logError` option was given). */
  loggedErrors: { reference: string; error: unknown }[];
  close(): Promise<void>;
}

/**
 * Opens an application on an in-memory database (or on `dataDir` when given). Unexpected
 * failures are collected in `loggedErrors` rather than printed, unless `logError` is given.
 */
export async function openTestApp(options: Partial<OpenApplicationOptions> = {}): Promise<TestApp> {
  const loggedErrors: TestApp['loggedErrors'] = [];
  const app = await openApplication({
    dataDir: null,
    logError: (reference, error) => loggedErrors.push({ reference, error }),
    ...options,
  });
  let closed = false;
  const call = async <M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => {
    const outcome = await app.dispatch(method, input);
    if (!outcome.ok) throw new ApiCallError(outcome.error);
    return outcome.result as OutputOf<M>;
  };
  return {
    app,
    loggedErrors,
    dispatch: (method, input) => app.dispatch(method, input),
    call,
    dump: () => call('data.dump', {}),
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
    },
  };
}

/** Runs `body` against a fresh in-memory application and always closes it. */
export async function withTestApp<T>(body: (testApp: TestApp) => Promise<T>, options: Partial<OpenApplicationOptions> = {}): Promise<T> {
  const testApp = await openTestApp(options);
  try {
    return await body(testApp);
  } finally {
    await testApp.close();
  }
}
