import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "AegisOS Comply", template: "%s · AegisOS Comply" },
  description: "The approval gate between your AI agents and your money.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8fafc" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

/**
 * Every page renders per request: the CSP (lib/api/security-headers.ts) lets a script run only
 * with this request's nonce, and a page prerendered at build time carries none, so it would
 * never hydrate (the set-password page sat at "Checking the link…" that way).
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
