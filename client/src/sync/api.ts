import type { BoardAccess, CreateBoardResponse } from '@atelier/shared'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** The JSON body of an API response (null when there is none); an ApiError with the server's message if not ok. */
export async function readJson<T>(response: Response): Promise<T> {
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null)
  if (!response.ok) {
    const message =
      body && typeof body === 'object' && 'error' in body && typeof body.error === 'string'
        ? body.error
        : response.statusText
    throw new ApiError(response.status, message)
  }
  return body as T
}

export async function createBoard(title: string): Promise<CreateBoardResponse> {
  const response = await fetch('/api/boards', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  return readJson<CreateBoardResponse>(response)
}

export async function fetchAccess(boardId: string, token: string, origin = ''): Promise<BoardAccess> {
  const response = await fetch(
    `${origin}/api/boards/${encodeURIComponent(boardId)}?token=${encodeURIComponent(token)}`,
    {
      // The token is in the query of a same-origin request; keep it out of any Referer.
      referrerPolicy: 'no-referrer',
    },
  )
  return readJson<BoardAccess>(response)
}

/**
 * Whether `token` still opens the board: `refused` when the server answers 401. Rejects when it
 * cannot tell (no network, a server error). `origin` is the server's, for callers off the page.
 */
export async function checkLink(boardId: string, token: string, origin = ''): Promise<'valid' | 'refused'> {
  try {
    await fetchAccess(boardId, token, origin)
    return 'valid'
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return 'refused'
    throw error
  }
}

/**
 * Replaces a board's participant or observer link (facilitator token): the old link stops working
 * and the people connected with it are disconnected. Resolves with the new token.
 */
export async function replaceLink(
  boardId: string,
  facilitatorToken: string,
  role: 'participant' | 'observer',
): Promise<string> {
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/tokens/${role}/rotate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${facilitatorToken}` },
  })
  const { token } = await readJson<{ token: string }>(response)
  return token
}

/** A board's backup file (`.atelier`) made into a new board; answers as `createBoard` does. */
export async function importBoard(file: Blob): Promise<CreateBoardResponse> {
  const response = await fetch('/api/boards/import', {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: file,
  })
  return readJson<CreateBoardResponse>(response)
}
