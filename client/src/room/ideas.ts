import { type ItemSnapshot, rectsIntersect } from '@atelier/shared'
import { useMemo, useSyncExternalStore } from 'react'
import { authorOf, boardCenter, freeSpot } from '../commands/helpers.js'
import type { FacilitationModel } from '../facilitation/FacilitationModel.js'
import { useLocal } from '../facilitation/hooks.js'
import { canModify } from '../store/selection.js'
import { notesOf, spotInFrame } from './roomModel.js'

/** One note as the room lists it, with what this person may do to it. */
export interface Idea {
  item: ItemSnapshot
  mine: boolean
  /** Still in this person's private room (private writing, before the reveal). */
  private: boolean
  editable: boolean
  edit(text: string): void
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
 * frame's, the board's; and `add`, which writes a new idea where the canvas would: the private
 * room during private writing, the board otherwise, in a free cell of the step's frame.
 */
export function useRoomIdeas(model: FacilitationModel, frame: ItemSnapshot | null): RoomIdeas {
  const session = model.board
  // The store updates its map in place: its version is what tells React the items changed.
  const version = useSyncExternalStore(session.board.subscribe, () => session.board.getVersion())
  const privateStore = useLocal(model, (s) => s.privateNotes)
  const privateNotes = useSyncExternalStore(
    (listener) => privateStore?.subscribe(listener) ?? noop,
    () => privateStore?.getNotes() ?? NO_NOTES,
  )
  const me = useSyncExternalStore(session.identity.subscribe, () => session.identity.personId)

  // biome-ignore lint/correctness/useExhaustiveDependencies: the map changes in place; `version` marks each change
  return useMemo(() => {
    const items = session.board.getItems()
    const onBoard = (item: ItemSnapshot): Idea => ({
      item,
      mine: item.author === me,
      private: false,
      editable: item.author === me && canModify(session.ctx, item),
      edit: (text) => session.board.setText(item.id, text),
      remove: () => session.board.deleteItems([item.id]),
    })
    const inPrivate = (item: ItemSnapshot): Idea => ({
      item,
      mine: true,
      private: true,
      editable: true,
      edit: (text) => privateStore?.edit(item.id, text),
      remove: () => privateStore?.remove(item.id),
    })
    const group = notesOf(items.values(), frame).map(onBoard)
    const everything = notesOf(items.values(), null).map(onBoard)
    const mine = [...privateNotes.map(inPrivate), ...(frame ? group : everything).filter((idea) => idea.mine)]

    const add = (text: string) => {
      const taken = frame
        ? [...items.values(), ...privateNotes].filter(
            (item) => item.type !== 'frame' && rectsIntersect(item, frame),
          )
        : []
      const at = frame ? spotInFrame(frame, taken) : undefined
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
  }, [version, privateNotes, privateStore, frame, me, model, session])
}
