import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './errors';

/** One cache for the app: the route loaders fill it before the pages render, the pages read it. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A refusal is an answer: asking again gives the same one.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});
