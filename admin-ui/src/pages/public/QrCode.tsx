import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** A QR code of `text` drawn locally (no outside service), as an image. */
export function QrCode({ text, size = 128 }: { text: string; size?: number }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(text, { width: size, margin: 1 }).then((url) => live && setSrc(url), () => undefined);
    return () => { live = false; };
  }, [text, size]);
  return src ? <img src={src} width={size} height={size} alt={text} data-testid="guide-qr" /> : null;
}
