import dns from 'node:dns'
import net from 'node:net'

import ipaddr from 'ipaddr.js'

/** `WEBHOOKS_ALLOW_PRIVATE=true` lets deliveries reach private, loopback and link-local addresses (development). */
export const privateAddressesAllowed = (): boolean => process.env.WEBHOOKS_ALLOW_PRIVATE === 'true'

/** True for a globally routable unicast address; false for private, loopback, link-local, CGNAT, multicast, reserved… */
export const isPublicAddress = (address: string): boolean => {
  if (!ipaddr.isValid(address)) return false
  return ipaddr.process(address).range() === 'unicast'
}

export class RefusedAddressError extends Error {
  constructor(host: string, address: string) {
    super(`refused: ${host} resolves to ${address}, a private, loopback or link-local address (set WEBHOOKS_ALLOW_PRIVATE=true to allow)`)
    this.name = 'RefusedAddressError'
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void

/**
 * A `lookup` for http(s).request that resolves the host and refuses non-public addresses. The socket connects to
 * the address checked here, so a DNS answer that changes between a check and the connection (rebinding) cannot
 * slip through.
 */
export const guardedLookup = (allowPrivate: boolean) =>
  (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, [])
      const list = addresses as dns.LookupAddress[]
      const refused = allowPrivate ? undefined : list.find((entry) => !isPublicAddress(entry.address))
      if (refused) return callback(new RefusedAddressError(hostname, refused.address) as NodeJS.ErrnoException, [])
      if (!list.length) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), [])
      if (options.all) return callback(null, list)
      callback(null, list[0]!.address, list[0]!.family)
    })
  }

/** Checks a host given as an IP literal (Node connects to those without a lookup). */
export const checkLiteralHost = (hostname: string, allowPrivate: boolean): void => {
  const bare = hostname.replace(/^\[|\]$/g, '')
  if (net.isIP(bare) && !allowPrivate && !isPublicAddress(bare)) throw new RefusedAddressError(hostname, bare)
}
