import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { newIdempotencyKey } from '../shared/format';
import { unwrap } from './errors';

/**
 * A form's submission. The Idempotency-Key is made once per filled-in form and reused for every
 * retry of it (double click, lost answer), so the server writes it once; a successful submission
 * starts a new key for the next one. Views are fetched again after a write.
 */
export function useCommand<B>(send: (body: B, headers: { 'Idempotency-Key': string }) => Promise<{ data?: unknown; error?: unknown; response: Response }>) {
  const key = useRef(newIdempotencyKey());
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: B) => unwrap<unknown>(await send(body, { 'Idempotency-Key': key.current })),
    onSuccess: () => {
      key.current = newIdempotencyKey();
      void client.invalidateQueries();
    },
  });
}
