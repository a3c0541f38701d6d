// The host names the development server may be reached by (Next's `allowedDevOrigins`): Next 16 refuses its dev
// resources (/_next/*, the HMR WebSocket) to pages opened under any other name, and the page never hydrates.
import os from 'node:os'

const LOOPBACK = ['localhost', '127.0.0.1', '::1', '[::1]']
const ANY_ADDRESS = new Set(['', '0.0.0.0', '::', '[::]'])

/** The host name of a URL or a bare host[:port]; undefined when there is none. */
const hostOf = (value) => {
  const text = String(value ?? '').trim()
  if (!text) return undefined
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`).hostname.toLowerCase() || undefined
  } catch {
    return undefined
  }
}

/**
 * `allowedDevOrigins` from the environment: loopback always; `HOST` (or, when it listens on every address, the
 * machine's name and addresses, so a container's name or the machine's IP work); the hosts of `SERVER_URL` and
 * `SITE_URL`; and `DEV_ORIGINS`, a comma- or space-separated list of host names (wildcards like `*.example.test` allowed).
 * @param {Record<string, string | undefined>} env
 * @param {{ hostname: () => string, networkInterfaces: () => NodeJS.Dict<import('node:os').NetworkInterfaceInfo[]> }} system
 * @returns {string[]}
 */
export const devOrigins = (env = process.env, system = os) => {
  const hosts = new Set(LOOPBACK)
  const listen = String(env.HOST ?? '').trim()
  if (ANY_ADDRESS.has(listen)) {
    hosts.add(system.hostname().toLowerCase())
    for (const addresses of Object.values(system.networkInterfaces())) {
      for (const address of addresses ?? []) hosts.add(address.family === 'IPv6' || address.family === 6 ? `[${address.address}]` : address.address)
    }
  } else {
    const host = hostOf(listen)
    if (host) hosts.add(host)
  }
  for (const url of [env.SERVER_URL, env.SITE_URL]) {
    const host = hostOf(url)
    if (host) hosts.add(host)
  }
  for (const entry of String(env.DEV_ORIGINS ?? '').split(/[\s,]+/)) {
    if (!entry) continue
    const host = entry.includes('*') ? entry.toLowerCase() : hostOf(entry)
    if (host) hosts.add(host)
  }
  return [...hosts]
}
