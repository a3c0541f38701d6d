import { describe, expect, it } from 'vitest'

import { devOrigins } from '../../src/host/devOrigins.mjs'

const machine = {
  hostname: () => 'newsroom-box',
  networkInterfaces: () => ({
    lo: [{ address: '127.0.0.1', family: 'IPv4' }],
    eth0: [
      { address: '10.0.0.7', family: 'IPv4' },
      { address: 'fe80::1', family: 'IPv6' },
    ],
  }),
}

describe('allowedDevOrigins for the development server', () => {
  it('always allows loopback', () => {
    expect(devOrigins({ HOST: '127.0.0.1' }, machine as never)).toEqual(expect.arrayContaining(['localhost', '127.0.0.1', '[::1]']))
  })

  it('allows the machine name and addresses when listening on every address (a container reached by its name)', () => {
    const hosts = devOrigins({ HOST: '0.0.0.0' }, machine as never)
    expect(hosts).toEqual(expect.arrayContaining(['newsroom-box', '10.0.0.7', '[fe80::1]']))
    expect(devOrigins({}, machine as never)).toContain('newsroom-box')
  })

  it('adds the hosts of SERVER_URL, SITE_URL and the DEV_ORIGINS list, wildcards kept', () => {
    const hosts = devOrigins(
      { HOST: 'cms.internal', SERVER_URL: 'https://admin.example.com:8443/', SITE_URL: 'http://news.example.test', DEV_ORIGINS: 'preview.example.org, *.dev.example.org  192.168.1.20:3000' },
      machine as never,
    )
    expect(hosts).toEqual(expect.arrayContaining(['cms.internal', 'admin.example.com', 'news.example.test', 'preview.example.org', '*.dev.example.org', '192.168.1.20']))
    expect(hosts).not.toContain('newsroom-box')
  })

  it('ignores values that are not host names', () => {
    expect(devOrigins({ HOST: '127.0.0.1', SERVER_URL: 'not a url at all', DEV_ORIGINS: ',,' }, machine as never)).toEqual(['localhost', '127.0.0.1', '::1', '[::1]'])
  })
})
