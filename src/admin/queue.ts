import type { Where } from 'payload'

export type FilterName = 'needs' | 'riskiest' | 'pending' | 'reported' | 'approved' | 'rejected' | 'spam' | 'all'

/** The quick filters of the moderation queue; "needs" (pending, then reported) is where the list opens. */
export const QUEUE_FILTERS: Record<FilterName, { where: Where; sort?: string }> = {
  needs: {
    where: { or: [{ status: { equals: 'pending' } }, { and: [{ status: { equals: 'approved' } }, { reportCount: { greater_than: 0 } }] }] },
    // pending sorts after approved: descending puts pending first, then reported approved comments
    sort: '-status',
  },
  // held comments with an offence score, the highest first
  riskiest: { where: { and: [{ status: { equals: 'pending' } }, { 'moderation.offenseScore': { exists: true } }] }, sort: '-moderation.offenseScore' },
  pending: { where: { status: { equals: 'pending' } } },
  reported: { where: { reportCount: { greater_than: 0 } }, sort: '-reportCount' },
  approved: { where: { status: { equals: 'approved' } } },
  rejected: { where: { status: { equals: 'rejected' } } },
  spam: { where: { status: { equals: 'spam' } } },
  all: { where: { status: { in: ['pending', 'approved', 'rejected', 'spam'] } } },
}

