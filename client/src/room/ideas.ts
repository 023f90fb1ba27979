import { centerOf, type ItemSnapshot, rectContainsPoint, zoneNear } from '@atelier/shared'
import { useMemo, useSyncExternalStore } from 'react'
import { authorOf, boardCenter, freeSpot } from '../commands/helpers.js'
import type { FacilitationModel } from '../facilitation/FacilitationModel.js'
import { useLocal } from '../facilitation/hooks.js'
import type { IdeaPlace } from '../facilitation/ideaPlace.js'
import { ideaSpot } from '../facilitation/stepFrames.js'
import { canModify } from '../store/selection.js'
import { notesOf } from './roomModel.js'

/** One note as the room lists it, with what this person may do to it. */
export interface Idea {
  item: ItemSnapshot
  mine: boolean
  /** The title of the step's frame it is in, when the step works in several. */
  place: string | null
  /** Still in this person's private room (private writing, before the reveal). */
  private: boolean
  editable: boolean
  edit(text: string): void
  /** Moves it to another place of the step: a frame, and a zone of it. */
  move(to: Pick<IdeaPlace, 'frame' | 'zone'>): void
  remove(): void
}

/** This person's ideas, the step frame's, the board's, and the way to add one. */
export interface RoomIdeas {
  mine: Idea[]
  group: Idea[]
  everything: Idea[]
  add(text: string): void
}

const NO_NOTES: readonly ItemSnapshot[] = []
const noop = () => undefined

/**
 * The room's notes: this person's (private ones first, while private writing is on), the step
 * frames', the board's; and `add`, which writes a new idea where the canvas would: the private
 * room during private writing, the board otherwise, at the place the person chose (the step
 * frame, and the zone in it), else in a free cell of that frame.
 */
export function useRoomIdeas(
  model: FacilitationModel,
  frames: readonly ItemSnapshot[],
  place: Pick<IdeaPlace, 'frame' | 'zone'>,
): RoomIdeas {
  const session = model.board
  // The store updates its map in place: its version is what tells React the items changed.
  const version = useSyncExternalStore(session.board.subscribe, () => session.board.getVersion())
  const privateStore = useLocal(model, (s) => s.privateNotes)
  const privateNotes = useSyncExternalStore(
    (listener) => privateStore?.subscribe(listener) ?? noop,
    () => privateStore?.getNotes() ?? NO_NOTES,
  )
  const me = useSyncExternalStore(session.identity.subscribe, () => session.identity.personId)

  // The frames are read from that map on each render: their ids and `version` say when they changed.
  const frameKey = frames.map((frame) => frame.id).join(' ')
  // biome-ignore lint/correctness/useExhaustiveDependencies: the map changes in place; `version` marks each change
  return useMemo(() => {
    const items = session.board.getItems()
    // Which of the step's frames a note is in, when there is a choice, and which of its zones.
    const placeOf = (item: ItemSnapshot): string | null => {
      const centre = centerOf(item)
      const frame = frames.find((candidate) => rectContainsPoint(candidate, centre))
      if (!frame) return null
      const zone = zoneNear(frame, centre)?.title
      const title = frames.length > 1 ? frame.text?.trim() : undefined
      return [title, zone].filter(Boolean).join(' · ') || null
    }
    // Where a note goes when moved to a place: as a new idea would, clear of every other note.
    const spotFor = (item: ItemSnapshot, to: Pick<IdeaPlace, 'frame' | 'zone'>) => {
      if (!to.frame) return null
      const others = (notes: Iterable<ItemSnapshot>) => [...notes].filter((other) => other.id !== item.id)
      return ideaSpot(to.frame, others(items.values()), others(privateNotes), to.zone)
    }
    const onBoard = (item: ItemSnapshot): Idea => ({
      item,
      mine: item.author === me,
      place: placeOf(item),
      private: false,
      editable: item.author === me && canModify(session.ctx, item),
      edit: (text) => session.board.setText(item.id, text),
      move: (to) => {
        const at = spotFor(item, to)
        if (!at) return
        const corner = { x: Math.round(at.x - item.w / 2), y: Math.round(at.y - item.h / 2) }
        session.board.update(new Map([[item.id, corner]]))
      },
      remove: () => session.board.deleteItems([item.id]),
    })
    const inPrivate = (item: ItemSnapshot): Idea => ({
      item,
      mine: true,
      place: placeOf(item),
      private: true,
      editable: true,
      edit: (text) => privateStore?.edit(item.id, text),
      move: (to) => {
        const at = spotFor(item, to)
        if (at) privateStore?.move(item.id, at)
      },
      remove: () => privateStore?.remove(item.id),
    })
    const group = notesOf(items.values(), frames).map(onBoard)
    const everything = notesOf(items.values(), []).map(onBoard)
    const mine = [...privateNotes.map(inPrivate), ...group.filter((idea) => idea.mine)]

    const add = (text: string) => {
      const target = place.frame
      const at = target ? ideaSpot(target, items.values(), privateNotes, place.zone) : undefined
      if (privateStore) {
        model.addPrivateNote(text, at)
        return
      }
      const { ctx } = session
      session.board.createNote(at ?? freeSpot(ctx, boardCenter(ctx)), {
        color: ctx.view.getState().noteColor,
        text,
        ...authorOf(ctx),
      })
    }
    return { mine, group, everything, add }
  }, [version, privateNotes, privateStore, frameKey, place.frame?.id, place.zone, me, model, session])
}
