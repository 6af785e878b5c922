import { createContext, useContext, type ReactNode } from 'react';
import type { TypedLakeClient } from './lake-client';

const LakeContext = createContext<TypedLakeClient | null>(null);

/** Puts the one client of this window in reach of every feature. */
export function LakeProvider({ client, children }: { client: TypedLakeClient; children: ReactNode }) {
  return <LakeContext.Provider value={client}>{children}</LakeContext.Provider>;
}

export function useLake(): TypedLakeClient {
  const client = useContext(LakeContext);
  if (!client) throw new Error('useLake() needs a <LakeProvider> above it.');
  return client;
}
