import type { ReactNode } from 'react';
import { Typography } from 'antd';

/**
 * The page's one <h1>. It takes focus after each navigation (keyboard/focusHeading.ts), so a screen
 * reader announces the new page and Tab continues from its top.
 */
export function PageTitle({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  return (
    <Typography.Title level={1} className="bm-page-title" tabIndex={-1} data-page-title>
      {children}
      {extra}
    </Typography.Title>
  );
}
