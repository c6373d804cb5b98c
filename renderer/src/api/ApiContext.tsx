import { createContext, useContext, type ReactNode } from 'react';
import type { CarnetApi } from '../../../core/contract';

const ApiContext = createContext<CarnetApi | null>(null);

export function ApiProvider({ api, children }: { api: CarnetApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The contract client: the renderer's only door to the application. */
export function useApi(): CarnetApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used inside <ApiProvider>');
  return api;
}
