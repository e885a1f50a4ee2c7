import { useCallback, useEffect, useState } from 'react';

/** Keyset pages of a list (`{ items, nextCursor }`): the first page per change of `deps`, then "more". */
export function usePages<T>(load: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>, deps: unknown[]) {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    load().then(
      (p) => { if (live) { setItems(p.items); setCursor(p.nextCursor); setError(undefined); setLoading(false); } },
      (e: unknown) => { if (live) { setError(e instanceof Error ? e : new Error(String(e))); setLoading(false); } },
    );
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const loadMore = useCallback(async () => {
    if (!cursor) return;
    setLoading(true);
    try {
      const p = await load(cursor);
      setItems((old) => [...old, ...p.items]);
      setCursor(p.nextCursor);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cursor, ...deps]);
  return { items, error, loading, more: cursor !== null, loadMore: () => void loadMore(), reload: useCallback(() => setTick((t) => t + 1), []) };
}
