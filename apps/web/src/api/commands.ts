import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { outbox } from '../offline/outbox';
import { newIdempotencyKey } from '../shared/format';
import { unwrap } from './errors';

/** What a form needs to be kept for later when there is no connection (the liaison's forms). */
export interface OfflinePlan<B> {
  readonly path: string;
  readonly label: (body: B) => string;
}

/** The answer of a submission kept on the device instead of sent. */
export const QUEUED = { queued: true } as const;

/**
 * A form's submission. The Idempotency-Key is made once per filled-in form and reused for every
 * retry of it (double click, lost answer), so the server writes it once; a successful submission
 * starts a new key for the next one. Views are fetched again after a write.
 */
export function useCommand<B>(
  send: (body: B, headers: { 'Idempotency-Key': string }) => Promise<{ data?: unknown; error?: unknown; response: Response }>,
  offline?: OfflinePlan<B>,
) {
  const key = useRef(newIdempotencyKey());
  const client = useQueryClient();
  return useMutation({
    // Sent even when the browser says it is offline: the attempt's failure is what queues it on the device.
    networkMode: 'always',
    mutationFn: async (body: B) => {
      try {
        return unwrap<unknown>(await send(body, { 'Idempotency-Key': key.current }));
      } catch (error) {
        // No answer at all (not a refusal): keep it with its key, to be sent when the connection returns.
        if (!offline || !(error instanceof TypeError)) throw error;
        outbox.add({ key: key.current, label: offline.label(body), path: offline.path, body });
        return QUEUED;
      }
    },
    onSuccess: () => {
      key.current = newIdempotencyKey();
      void client.invalidateQueries();
    },
  });
}
