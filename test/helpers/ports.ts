import net from 'node:net'

/** A TCP port free on 127.0.0.1 at the time of asking (the OS's pick), for a server a test or script starts. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
