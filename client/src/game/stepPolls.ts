import type { AgendaStep, OpenPollRequest, PollState, StepPoll } from '@atelier/shared'
import i18next from 'i18next'
import type { FacilitationModel } from '../facilitation/FacilitationModel.js'
import type { GameModel } from './GameModel.js'

/** The polls the agenda's steps carry, ready to launch in one click. */
export function agendaPolls(
  agenda: readonly AgendaStep[],
): Array<{ stepId: string; title: string; poll: StepPoll }> {
  return agenda.flatMap((step) =>
    step.poll && Array.isArray(step.poll.options)
      ? [{ stepId: step.id, title: step.title, poll: step.poll }]
      : [],
  )
}

export function requestOf(poll: StepPoll): OpenPollRequest {
  return {
    kind: 'single',
    question: poll.question,
    options: poll.options.map(({ id, label }) => ({ id, label })),
    correctOptionIds: poll.correctOptionId ? [poll.correctOptionId] : [],
  }
}

/**
 * What launching `step` does to the polls, as it does to votes: the polls other steps opened and
 * left open close (a quiz then shows its answer), and the step's own poll opens unless it already
 * ran, so launching a step again does not ask the same question twice. Polls are told apart by
 * their question: a facilitator's own poll, written on the spot, is never closed by a step.
 */
export function stepPollChanges(
  agenda: readonly AgendaStep[],
  step: AgendaStep,
  polls: readonly PollState[],
): { close: string[]; open: OpenPollRequest | null } {
  const own = step.poll?.question
  const others = new Set(
    agendaPolls(agenda)
      .filter(({ poll }) => poll.question !== own)
      .map(({ poll }) => poll.question),
  )
  const close = polls
    .filter((poll) => poll.status === 'open' && others.has(poll.question))
    .map((poll) => poll.id)
  const ran = polls.some((poll) => poll.question === own)
  return { close, open: step.poll && !ran ? requestOf(step.poll) : null }
}

/**
 * A step that carries a poll opens it when this person launches the step, as a step with a vote
 * opens the vote. Through the game's commands, so a refusal shows as their error toast.
 */
export function followStepPolls(model: FacilitationModel, game: GameModel): () => void {
  return model.onStepLaunched((step) => {
    const { registry, ctx } = model.board
    const { close, open } = stepPollChanges(
      model.session.getSnapshot().agenda,
      step,
      game.getSnapshot().polls,
    )
    for (const pollId of close) registry.run('game.closePoll', ctx, { choice: pollId })
    if (open) registry.run('game.openPoll', ctx, { poll: open })
  })
}

/** Says each poll that opens, as a new step is said: a screen reader user hears it without hunting. */
export function watchOpenedPolls(
  game: Pick<GameModel, 'subscribe' | 'getSnapshot'>,
  say: (text: string) => void,
): () => void {
  const said = new Set<string>()
  return game.subscribe(() => {
    for (const poll of game.getSnapshot().polls) {
      if (poll.status !== 'open' || said.has(poll.id)) continue
      said.add(poll.id)
      say(
        i18next.t(poll.quiz ? 'game.polls.announceQuiz' : 'game.polls.announceOpen', {
          question: poll.question,
        }),
      )
    }
  })
}
