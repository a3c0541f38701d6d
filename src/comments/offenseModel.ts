/**
 * Which offence model scores comments: the active retrained version stored in `moderation-models` (its id is kept
 * in the moderation settings, so a change moves the settings' `updatedAt` and every instance re-reads), else the
 * model shipped with the package. A stored version is deserialised once per instance and kept while it is active.
 */
import type { Payload, PayloadRequest } from 'payload'

import { deserializeOffenseModel, loadOffenseModel, type OffenseModel } from '../moderation'
import { MODERATION_MODELS_SLUG } from './offenseConstants'

export interface ActiveOffenseModel {
  model: OffenseModel
  /** 'shipped' or the stored version's id */
  version: string
}

const byInstance = new WeakMap<Payload, { id: string; model: Promise<ActiveOffenseModel> }>()

const shipped = async (): Promise<ActiveOffenseModel> => ({ model: await loadOffenseModel(), version: 'shipped' })

const readStored = async (req: PayloadRequest, id: string): Promise<ActiveOffenseModel | undefined> => {
  // The server's own read of a field nobody reads over the API.
  const docs = await req.payload.find({
    collection: MODERATION_MODELS_SLUG as never,
    where: { id: { equals: id } },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const doc = docs.docs[0] as { id: number | string; model?: string | null } | undefined
  if (!doc?.model) return undefined
  return { model: deserializeOffenseModel(doc.model), version: String(doc.id) }
}

/** The model for the active id (null: the shipped model); a stored version that is gone falls back to the shipped one. */
export const activeOffenseModel = async (req: PayloadRequest, id: string | null): Promise<ActiveOffenseModel> => {
  if (id === null) return shipped()
  const cached = byInstance.get(req.payload)
  if (cached?.id === id) return cached.model
  const model = readStored(req, id).then((stored) => stored ?? shipped())
  byInstance.set(req.payload, { id, model })
  model.catch(() => byInstance.delete(req.payload))
  return model
}
