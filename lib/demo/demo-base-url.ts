/** Where the demo's users and SDKs reach the server (as printed in the credentials). */
export function demoBaseUrl(): string {
  return process.env.AEGIS_PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}
