// autocannon ships no types and @types/autocannon is not installed; the bench uses a small part of it.
declare module 'autocannon' {
  const autocannon: (options: Record<string, unknown>, callback: (error: Error | null, result: any) => void) => unknown
  export default autocannon
}
