import type { JoinCodeState, JoinResponse } from '@atelier/shared'
import { readJson } from '../sync/api.js'

const noReferrer = { referrerPolicy: 'no-referrer' } as const

/** The board and a participant token for a join code; an ApiError (404, 429…) otherwise. */
export async function resolveJoinCode(code: string): Promise<JoinResponse> {
  return readJson<JoinResponse>(await fetch(`/api/join/${encodeURIComponent(code)}`, noReferrer))
}

const codeUrl = (boardId: string, token: string) =>
  `/api/boards/${encodeURIComponent(boardId)}/join-code?token=${encodeURIComponent(token)}`

export async function fetchJoinCode(boardId: string, facilitatorToken: string): Promise<JoinCodeState> {
  return readJson<JoinCodeState>(await fetch(codeUrl(boardId, facilitatorToken), noReferrer))
}

/** A new code (the old one stops letting people in), valid for `validDays`. */
export async function renewJoinCode(
  boardId: string,
  facilitatorToken: string,
  validDays?: number,
): Promise<JoinCodeState> {
  const response = await fetch(codeUrl(boardId, facilitatorToken), {
    ...noReferrer,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(validDays === undefined ? {} : { validDays }),
  })
  return readJson<JoinCodeState>(response)
}

export async function turnOffJoinCode(boardId: string, facilitatorToken: string): Promise<JoinCodeState> {
  return readJson<JoinCodeState>(
    await fetch(codeUrl(boardId, facilitatorToken), { ...noReferrer, method: 'DELETE' }),
  )
}
