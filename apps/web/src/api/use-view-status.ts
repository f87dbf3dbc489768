import { useSyncExternalStore } from 'react';
import { viewStatus, ViewStatus } from './view-status';

export function useViewStatus(): ViewStatus {
  return useSyncExternalStore(viewStatus.subscribe, viewStatus.get);
}
