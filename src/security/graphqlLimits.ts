/**
 * Limits on GraphQL documents, checked while the query is validated, before any resolver reaches the database:
 * nesting depth and aliases (graphql-armor's rules), beside Payload's own complexity limit. An abusive nested
 * query (comments → parent → parent → … or one field aliased a thousand times) is refused with 400.
 */
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import type { ValidationRule } from 'graphql'

export interface GraphQLLimits {
  /** deepest selection allowed (a site's article-with-images query is about 6) */
  maxDepth: number
  /** aliases allowed in one document */
  maxAliases: number
  /** Payload's complexity budget (a relationship costs 10, a field 1) */
  maxComplexity: number
}

export const DEFAULT_GRAPHQL_LIMITS: GraphQLLimits = { maxDepth: 10, maxAliases: 15, maxComplexity: 1000 }

// Report the refusal as a validation error (400 with the message) instead of throwing it (a 500).
const asValidationError = {
  propagateOnRejection: false,
  onReject: [(context: { reportError(error: Error): void } | null, error: Error) => context?.reportError(error)],
}

export const graphqlLimitRules = (limits: GraphQLLimits): ValidationRule[] => [
  // graphql-armor types its rules against its own copy of graphql's ValidationContext; the shapes are the same.
  maxDepthRule({ n: limits.maxDepth, flattenFragments: true, exposeLimits: true, ...asValidationError } as never) as unknown as ValidationRule,
  maxAliasesRule({ n: limits.maxAliases, exposeLimits: true, ...asValidationError } as never) as unknown as ValidationRule,
]
