import type { Command, CommandArgs } from '../commands/types.js'
import type { GameModel } from './GameModel.js'

/** The labels a sprint's end writes into the history and the "best idea" vote, in the facilitator's language. */
export function sprintLabels(t: (key: string) => string): { snapshot: string; vote: string } {
  return { snapshot: t('game.sprint.snapshot'), vote: t('game.sprint.vote') }
}

/**
 * The game's actions as registry commands, so its panel buttons, the palette and tests run the
 * same code. They close over the game model; enablement follows the game's state (`watch`). `t`
 * names what they write (a new team, the podium's label) in the facilitator's language.
 */
export function gameCommands(
  game: GameModel,
  t: (key: string, options?: Record<string, unknown>) => string,
): Command[] {
  const facilitator = () => game.isFacilitator
  const snapshot = () => game.getSnapshot()
  const command = (
    id: string,
    enabled: () => boolean,
    run: (args: CommandArgs) => void | Promise<void>,
    more: Partial<Command> = {},
  ): Command => ({
    id: `game.${id}`,
    labelKey: `game.commands.${id}`,
    group: 'facilitation',
    watch: game.subscribe,
    ...more,
    enabled,
    run: (_ctx, args) => run(args ?? {}),
  })
  const running = () => {
    const { sprint } = snapshot()
    return sprint !== null && sprint.endedAt === null
  }
  const participants = () =>
    game.facilitation.people.getPeople().filter((person) => person.role === 'participant')

  return [
    command(
      'joinTeam',
      () => game.canPlay && !facilitator() && !snapshot().teamsLocked,
      async ({ choice }) => {
        if (choice) await game.joinTeam(choice)
      },
      { needsArgs: true, failureKey: 'game.teams.joinFailed' },
    ),
    command(
      'openPoll',
      facilitator,
      async ({ poll }) => {
        if (poll) await game.openPoll(poll)
      },
      { needsArgs: true, failureKey: 'game.polls.openFailed' },
    ),
    command(
      'closePoll',
      () => facilitator() && snapshot().polls.some((poll) => poll.status === 'open'),
      async ({ choice }) => {
        if (choice) await game.closePoll(choice)
      },
      { needsArgs: true, failureKey: 'game.polls.closeFailed' },
    ),
    command('addTeam', facilitator, () =>
      game.moves.addTeam(t('game.teams.defaultName', { n: snapshot().teams.teams.length + 1 })),
    ),
    command(
      'removeTeam',
      facilitator,
      ({ choice }) => {
        if (choice) game.moves.removeTeam(choice)
      },
      { needsArgs: true },
    ),
    command(
      'shuffleTeams',
      // People come and go without a change to the game: enablement is read when the panel renders.
      () => facilitator() && snapshot().teams.teams.length >= 2 && participants().length > 0,
      () => game.moves.shuffleTeams(),
    ),
    command(
      'startSprint',
      () => facilitator() && !running(),
      ({ amount }) => game.sprint.start(amount ?? 3, sprintLabels(t)),
      { needsArgs: true, hideWhenDisabled: true },
    ),
    command(
      'endSprint',
      () => facilitator() && running(),
      () => game.sprint.end(),
      { hideWhenDisabled: true },
    ),
    command(
      'drawCard',
      facilitator,
      ({ choice }) => {
        if (choice) game.moves.drawCard(choice)
      },
      { needsArgs: true },
    ),
    command(
      'hideCard',
      () => facilitator() && snapshot().card !== null,
      () => game.moves.hideCard(),
      {
        hideWhenDisabled: true,
      },
    ),
    command(
      'answerCard',
      () => game.canPlay && snapshot().card !== null,
      () => {
        const { card } = snapshot()
        if (card) game.moves.answerCard(card.title)
      },
    ),
    command('showPodium', facilitator, () => game.moves.showPodium(t('game.podium.label'))),
    command(
      'hidePodium',
      () => facilitator() && snapshot().podium !== null,
      () => game.moves.hidePodium(),
      {
        hideWhenDisabled: true,
      },
    ),
  ]
}
