import { useQuery } from '@tanstack/react-query';
import { useAppState } from '../shared/app-state';
import type { AssessmentPeriod, AssessmentResults, AssessmentUnit, DemonstrationPointPage, DemonstrationRegister } from './assessment-types';
import { unwrap } from './errors';
import { api } from './http';
import type { operations } from './schema';

export type RegisterFilters = Omit<NonNullable<operations['listDemonstrationPoints']['parameters']['query']>, 'asOf'>;
const at = (asOf: string | null) => (asOf ? { asOf } : {});

export function useAssessmentPeriods() {
  const { asOf } = useAppState();
  return useQuery({
    queryKey: ['assessment-periods', asOf],
    queryFn: async () => unwrap<{ periods: AssessmentPeriod[] }>(await api.GET('/api/assessments', { params: { query: at(asOf) } })).periods,
  });
}

export function useAssessmentResults(periodId: string | undefined) {
  const { asOf } = useAppState();
  return useQuery({
    queryKey: ['assessment-results', periodId, asOf],
    enabled: !!periodId,
    queryFn: async () => unwrap<AssessmentResults>(await api.GET('/api/assessments/{periodId}/results', { params: { path: { periodId: periodId! }, query: at(asOf) } })),
  });
}

export function useAssessmentUnit(periodId: string, unitId: string) {
  const { asOf } = useAppState();
  return useQuery({
    queryKey: ['assessment-unit', periodId, unitId, asOf],
    queryFn: async () => unwrap<AssessmentUnit>(await api.GET('/api/assessments/{periodId}/units/{unitId}', { params: { path: { periodId, unitId }, query: at(asOf) } })),
  });
}

export function useDemonstrationRegister(filters: RegisterFilters) {
  const { asOf } = useAppState();
  return useQuery({
    queryKey: ['demonstration-points', filters, asOf],
    queryFn: async () => unwrap<DemonstrationRegister>(await api.GET('/api/demonstration-points', { params: { query: { ...filters, ...at(asOf) } } })),
  });
}

export function useDemonstrationPoint(unitId: string) {
  const { asOf } = useAppState();
  return useQuery({
    queryKey: ['demonstration-point', unitId, asOf],
    queryFn: async () => unwrap<DemonstrationPointPage>(await api.GET('/api/demonstration-points/{unitId}', { params: { path: { unitId }, query: at(asOf) } })),
  });
}
