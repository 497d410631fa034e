import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { RegisterServiceWorker } from "@/components/pwa/register-sw";
import "./globals.css";

/** Korean first (the original audience); English pages set lang on their own content. */
const DEFAULT_LANG = "ko";

export const metadata: Metadata = {
  title: { default: "Pinit", template: "%s · Pinit" },
  description: "Pinit은 시작과 끝을 함께합니다. Pinit is with you at the start and at the end.",
  applicationName: "Pinit",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#2b6b63" },
    { media: "(prefers-color-scheme: dark)", color: "#121a1f" },
  ],
};

export default function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  return (
    <html lang={DEFAULT_LANG}>
      <body>
        {children}
        <RegisterServiceWorker />
      </body>
    </html>
  );
}
