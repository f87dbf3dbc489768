import { ReactNode, useEffect, useState } from 'react';

/**
 * What a page shows beside its main table (a chart, a second table, the forms), drawn in a task of
 * its own once the browser has painted the frame that shows the table: the data a reader came for
 * does not wait for the rest of the page. Until then a placeholder holds its place (no jump).
 */
export function AfterPaint({ children, minHeight = 0 }: { children: ReactNode; minHeight?: number }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // An animation frame's callback runs just before the browser paints that frame; a timeout set there runs after the paint.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setReady(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer) clearTimeout(timer);
    };
  }, []);
  return ready ? <>{children}</> : <div style={{ minHeight }} />;
}
