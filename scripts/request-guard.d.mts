export const PEER_HEADER: "x-aegis-peer-address";
export const STAMP_HEADER: "x-aegis-peer-stamp";
export function installRequestGuard(): void;
