/** Fixed loopback ports of the browser suite (override with E2E_PORT if 4610-4612 are taken). */
const base = Number(process.env.E2E_PORT ?? 4610);
export const E2E_PORTS = { web: base, smtp: base + 1, mailApi: base + 2 };
