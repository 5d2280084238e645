import { useQuery } from '@tanstack/react-query';
import { needsApi, needsKeys } from './needsApi';
import { defaultCycle } from './needsView';

/** Cycles the user may analyse, newest first, and the one shown when none is chosen. */
export function useNeedsCycles() {
  const cycles = useQuery({ queryKey: needsKeys.cycles(), queryFn: ({ signal }) => needsApi.cycles(signal) });
  return { ...cycles, newest: cycles.data ? defaultCycle(cycles.data.items) : null };
}
