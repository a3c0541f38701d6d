'use client'
import React from 'react'

import type { Failure } from '../../attribution'

/** What stops a publish, one line per failure in the editor's language (sidebar preview and refusal toast). */
export const GateFailureList: React.FC<{ failures: readonly Failure[]; nt: (key: string) => string }> = ({ failures, nt }) => (
  <ul>
    {failures.map((failure) => (
      <li key={`${failure.code}-${failure.field}`} data-code={failure.code}>
        {nt(`gate.${failure.code}`)}
      </li>
    ))}
  </ul>
)
