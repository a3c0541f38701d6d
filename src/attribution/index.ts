/**
 * payload-newsroom/attribution — pure functions for crediting republished and
 * translated stories. No Payload imports; see README.md.
 */
export * from './types'
export * from './licenses'
export * from './template'
export * from './domains'
export * from './dates'
export * from './attribution'
export * from './gate'
export * from './slug'
export * from './lexical'
export * from './media'
export * from './jsonld'
