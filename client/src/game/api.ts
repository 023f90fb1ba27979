import type {
  JoinTeamResponse,
  MyPollAnswerResponse,
  OpenPollRequest,
  OpenPollResponse,
  PollAnswer,
  PollAnswerResponse,
  PollRefusal,
} from '@atelier/shared'
import { personHeaders } from '../board/identity.js'

/** A refusal from the game endpoints: `reason` names the rule (null for any other failure). */
export class GameRequestFailed extends Error {
  constructor(
    readonly status: number,
    readonly reason: PollRefusal | 'unknown-team' | 'teams-locked' | null,
    message: string,
  ) {
    super(message)
    this.name = 'GameRequestFailed'
  }
}

/**
 * The game endpoints of the relay (docs/game.md). Participants never write the session
 * document: joining a team and answering a poll go through here, and the relay writes the result.
 */
export class GameApi {
  constructor(
    private readonly boardId: string,
    private readonly token: string,
    private readonly credential: () => string | null,
    private readonly fetcher: typeof fetch = (...args) => fetch(...args),
  ) {}

  joinTeam(teamId: string): Promise<JoinTeamResponse> {
    return this.request('POST', `/teams/${encodeURIComponent(teamId)}/join`)
  }

  openPoll(poll: OpenPollRequest): Promise<OpenPollResponse> {
    return this.request('POST', '/polls', poll)
  }

  closePoll(pollId: string): Promise<{ pollId: string }> {
    return this.request('POST', `/polls/${encodeURIComponent(pollId)}/close`)
  }

  answer(pollId: string, answer: PollAnswer): Promise<PollAnswerResponse> {
    return this.request('POST', `/polls/${encodeURIComponent(pollId)}/answers`, answer)
  }

  mine(pollId: string): Promise<MyPollAnswerResponse> {
    return this.request('GET', `/polls/${encodeURIComponent(pollId)}/answers/mine`)
  }

  private async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await this.fetcher(`/api/boards/${encodeURIComponent(this.boardId)}${path}`, {
      method,
      headers: {
        ...personHeaders(this.token, this.credential()),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const json = (await response.json().catch(() => null)) as { error?: unknown; reason?: unknown } | null
    if (!response.ok) {
      const reason = typeof json?.reason === 'string' ? (json.reason as GameRequestFailed['reason']) : null
      const message = typeof json?.error === 'string' ? json.error : response.statusText
      throw new GameRequestFailed(response.status, reason, message)
    }
    return json as T
  }
}
