import { createContext, useContext } from 'react';
import type { Role, Settings } from '../../../../core/contract';

export interface RoleState {
  /** Who uses this installation, as saved. */
  role: Role;
  /** Saves another role; the navigation follows at once. Throws the service's refusal. */
  changeRole: (role: Role) => Promise<Settings>;
}

export const RoleContext = createContext<RoleState | null>(null);

/** The role chosen at first launch (or later in the settings), for the screens that differ by it. */
export function useRole(): RoleState {
  const state = useContext(RoleContext);
  if (!state) throw new Error('useRole must be used inside <RoleContext>');
  return state;
}
