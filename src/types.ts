/** Public types of payload-newsroom. Generated collection types live in `payload-types.ts`. */
export type { NewsroomPluginOptions } from './index'
export type { Role } from '../access/roles'
export type * from './payload-types'
