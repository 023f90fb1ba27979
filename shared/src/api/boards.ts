import { z } from 'zod'
import type { Role } from '../protocol/roles.js'

export const TITLE_MAX_LENGTH = 200

export const createBoardRequest = z.strictObject({
  title: z
    .string({ error: 'title must be a string' })
    .trim()
    .min(1, 'title must not be empty')
    .max(TITLE_MAX_LENGTH, `title must be at most ${TITLE_MAX_LENGTH} characters`),
  templateId: z.string().min(1, 'templateId must not be empty').max(100).optional(),
})

export interface CreateBoardResponse {
  id: string
  tokens: Record<Role, string>
  /** Short code leading to the board as a participant (`/j/<code>`, `GET /api/join/:code`). */
  joinCode: string
}

/** What a link's token grants: returned by GET /api/boards/:boardId?token=… */
export interface BoardAccess {
  id: string
  title: string
  role: Role
}

export interface ApiError {
  error: string
}
