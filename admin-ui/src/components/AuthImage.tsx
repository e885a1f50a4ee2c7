import { useEffect, useState } from 'react';
import { apiBlobUrl } from '../api/client.ts';

/** An image behind the bearer token (e.g. a seal's stamp.svg), fetched and shown as a blob. */
export function AuthImage({ path, size, alt }: { path: string; size: number; alt: string }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let url: string | undefined;
    let live = true;
    apiBlobUrl(path).then((u) => { url = u; if (live) setSrc(u); }, () => undefined);
    return () => { live = false; if (url) URL.revokeObjectURL(url); };
  }, [path]);
  return src ? <img src={src} width={size} height={size} alt={alt} /> : <div style={{ width: size, height: size }} />;
}
