import { type Role, remainingMs } from '@atelier/shared'
import type { Shortcut } from '../commands/shortcuts.js'
import type { Command, CommandArgs } from '../commands/types.js'
import type { Chime } from './chime.js'
import type { ServerClock } from './clock.js'
import type { FollowController } from './FollowController.js'
import { REACTIONS } from './PeopleTracker.js'
import type { SessionStore } from './SessionStore.js'
import { nextStep } from './stepPlan.js'

/** What the commands use of a FacilitationModel; narrow so tests can build it over a bare Y.Doc. */
export interface FacilitationActions {
  readonly role: Role
  readonly isFacilitator: boolean
  readonly session: Pick<SessionStore, 'getSnapshot' | 'setState' | 'timer' | 'subscribe'>
  readonly clock: Pick<ServerClock, 'now'>
  readonly follow: Pick<FollowController, 'getSnapshot' | 'rejoin' | 'subscribe'>
  readonly chime: Pick<Chime, 'isMuted' | 'setMuted'>
  goToStep(stepId: string): void
  goToNextStep(): void
  toggleFollowMe(): void
  bringEveryoneHere(): void
  toggleHand(): void
  react(emoji: (typeof REACTIONS)[number]): void
}

/** A timer started from the keyboard or the palette before any duration was set runs the middle preset. */
export const DEFAULT_TIMER_MIN = 5

/**
 * Alt+letter: every plain letter and Ctrl/Cmd+letter already belongs to the canvas. Matched by
 * physical key, which is also where these letters sit on AZERTY. Letters that browsers keep for
 * their own menus (Alt+F, Alt+E in Chrome) are left out.
 */
const alt = (letter: string): Shortcut[] => [{ code: `Key${letter}`, alt: true }]

/**
 * The facilitation actions as registry commands, so the palette, the shortcut sheet and the
 * keyboard offer them like any canvas command. They close over the model rather than reading the
 * board's CommandContext: role and session state live in the model.
 */
export function facilitationCommands(model: FacilitationActions): Command[] {
  const facilitator = () => model.isFacilitator
  const timer = () => model.session.getSnapshot().timer
  const timerLeft = () => remainingMs(timer(), model.clock.now())
  const command = (
    id: string,
    labelKey: string,
    enabled: () => boolean,
    run: (args: CommandArgs) => void,
    more: Partial<Command> = {},
  ): Command => ({
    id,
    labelKey: `facilitation.commands.${labelKey}`,
    group: 'facilitation',
    // Enablement follows the session document (the board's stores do not hold it).
    watch: model.session.subscribe,
    ...more,
    enabled,
    run: (_ctx, args) => run(args ?? {}),
  })

  return [
    command(
      'timer.toggle',
      'timerToggle',
      facilitator,
      () => {
        const { timer } = model.session.getSnapshot()
        const left = remainingMs(timer, model.clock.now())
        if (timer.status === 'running' && left > 0) model.session.timer('pause')
        else if (timer.status === 'paused' && left > 0) model.session.timer('resume')
        // Stopped or run out: start again for the last duration (a reset keeps it).
        else model.session.timer('start', timer.durationMs || DEFAULT_TIMER_MIN * 60_000)
      },
      { shortcuts: alt('T') },
    ),
    command(
      'timer.start',
      'timerStart',
      facilitator,
      ({ amount }) => model.session.timer('start', Math.round((amount ?? DEFAULT_TIMER_MIN) * 60_000)),
      { needsArgs: true },
    ),
    command(
      'timer.pause',
      'timerPause',
      () => facilitator() && timer().status === 'running' && timerLeft() > 0,
      () => model.session.timer('pause'),
      { hideWhenDisabled: true },
    ),
    command(
      'timer.resume',
      'timerResume',
      () => facilitator() && timer().status === 'paused' && timerLeft() > 0,
      () => model.session.timer('resume'),
      { hideWhenDisabled: true },
    ),
    command(
      'timer.reset',
      'timerReset',
      () => facilitator() && timer().status !== 'stopped',
      () => model.session.timer('reset'),
    ),
    command(
      'timer.addMinute',
      'timerAddMinute',
      // As in the timer widget, where "+1 min" only shows once a timer exists.
      () => facilitator() && model.session.getSnapshot().timer.status !== 'stopped',
      () => model.session.timer('add', 60_000),
    ),
    command(
      'agenda.next',
      'agendaNext',
      () => {
        const { agenda, state } = model.session.getSnapshot()
        return facilitator() && nextStep(agenda, state.stepId) !== null
      },
      () => model.goToNextStep(),
      { shortcuts: alt('N') },
    ),
    command(
      'agenda.goTo',
      'agendaGoTo',
      facilitator,
      ({ choice }) => {
        if (choice) model.goToStep(choice)
      },
      { needsArgs: true },
    ),
    command('follow.me', 'followMe', facilitator, () => model.toggleFollowMe()),
    command('follow.bringHere', 'bringHere', facilitator, () => model.bringEveryoneHere()),
    command('private.toggle', 'privateToggle', facilitator, () => {
      // Turning private writing off reveals the notes, as the panel's button does: "open" would strand them.
      const isPrivate = model.session.getSnapshot().state.writingMode === 'private'
      model.session.setState({ writingMode: isPrivate ? 'revealed' : 'private' })
    }),
    command('anonymous.toggle', 'anonymousToggle', facilitator, () =>
      model.session.setState({ anonymous: !model.session.getSnapshot().state.anonymous }),
    ),
    command(
      'hand.toggle',
      'handToggle',
      () => model.role !== 'observer',
      () => model.toggleHand(),
      { shortcuts: alt('H') },
    ),
    command(
      'reaction.send',
      'react',
      () => model.role !== 'observer',
      ({ choice }) => {
        const emoji = REACTIONS.find((r) => r === choice)
        if (emoji) model.react(emoji)
      },
      { needsArgs: true },
    ),
    command(
      'chime.toggle',
      'chimeToggle',
      () => true,
      () => model.chime.setMuted(!model.chime.isMuted()),
    ),
    command(
      'follow.rejoin',
      'followRejoin',
      () => model.follow.getSnapshot().status === 'detached',
      () => model.follow.rejoin(),
      { hideWhenDisabled: true, watch: model.follow.subscribe },
    ),
  ]
}
