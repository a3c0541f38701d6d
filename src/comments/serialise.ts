/**
 * Runs tasks that share a key one after the other inside this process (others run freely). Each caller gets a
 * queue map of its own, so keys of different uses never wait on each other.
 */
export const createSerialiser = () => {
  const chains = new Map<string, Promise<unknown>>()
  return <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const previous = chains.get(key) ?? Promise.resolve()
    const next = previous.then(task, task)
    const tail = next.catch(() => undefined)
    chains.set(key, tail)
    void tail.then(() => {
      if (chains.get(key) === tail) chains.delete(key)
    })
    return next
  }
}
