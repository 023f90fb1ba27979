import type { FrameZone, ItemSnapshot } from '@atelier/shared'
import { useState, useSyncExternalStore } from 'react'
import { Listeners } from '../lib/listeners.js'

/** What a person picked: a frame (none yet: the step's first) and a zone of it, by its index. */
export interface PlacePicked {
  frameId: string | null
  zone: number | null
}

/** Where a person's next idea goes: which of the step's frames, and which of its zones. */
export interface IdeaPlace {
  /** The frames offered (the step's, on the board). */
  frames: readonly ItemSnapshot[]
  /** The frame chosen, else the step's first. */
  frame: ItemSnapshot | null
  /** The zone of that frame chosen, if any, and its place in the frame's list. */
  zone: FrameZone | null
  zoneIndex: number | null
  /** The frame has zones and none is chosen: the idea has no place yet (a scale needs a position). */
  zoneMissing: boolean
  /** How many times in a row the person tried to place an idea while its zone was missing. */
  asked: number
  chooseFrame(frameId: string): void
  chooseZone(index: number): void
  /**
   * Whether an idea may go to this place now: false while its zone is missing, which counts one
   * more try (the choice then says why and takes the focus); true clears the tries. `saidElsewhere`:
   * the person showed where by other means (a double-click on the board), so no zone is needed.
   */
  ready(saidElsewhere?: boolean): boolean
}

/**
 * The place `picked` names among `frames` as they are now: the frame picked while it is one of
 * them, else the first; the zone picked only in the frame it was picked in, and while that frame
 * still has it (the step changed, the frame lost its zones: nothing is chosen).
 */
export function placeAmong(
  frames: readonly ItemSnapshot[],
  picked: PlacePicked,
): Pick<IdeaPlace, 'frame' | 'zone' | 'zoneIndex' | 'zoneMissing'> {
  const frame = frames.find((candidate) => candidate.id === picked.frameId) ?? frames[0] ?? null
  const sameFrame = frame !== null && (picked.frameId ?? frames[0]?.id) === frame.id
  const zone = sameFrame && picked.zone !== null ? (frame.zones?.[picked.zone] ?? null) : null
  return {
    frame,
    zone,
    zoneIndex: zone ? picked.zone : null,
    zoneMissing: (frame?.zones?.length ?? 0) > 0 && zone === null,
  }
}

/**
 * The place picked for the next idea, kept for the whole visit: the room's list and the board's
 * composer offer the same choice, so switching views never sends the next idea to another frame.
 */
export class PlaceMemory {
  private picked: PlacePicked
  private readonly listeners = new Listeners()
  readonly subscribe = this.listeners.subscribe

  constructor(picked: PlacePicked = { frameId: null, zone: null }) {
    this.picked = picked
  }

  get = (): PlacePicked => this.picked

  set(update: (now: PlacePicked) => PlacePicked): void {
    const next = update(this.picked)
    if (next === this.picked) return
    this.picked = next
    this.listeners.notify()
  }
}

export interface PlaceChoiceOptions {
  /** Where the choice is kept: shared by the views that add ideas; else this component's own. */
  memory?: PlaceMemory
  /** For an idea that moves: the frame it is in, where the choice starts. */
  startFrameId?: string | null
  /** Told when the person picks a frame (not when the step's first is taken by default). */
  onChooseFrame?: (frame: ItemSnapshot) => void
}

/**
 * The choice of a place for the next idea, on the phone and in the private composer alike, or for
 * an idea that moves. A new frame asks for its zone again: a position on one scale says nothing
 * of the next one.
 */
export function usePlaceChoice(frames: readonly ItemSnapshot[], options: PlaceChoiceOptions = {}): IdeaPlace {
  const [own] = useState(() => new PlaceMemory({ frameId: options.startFrameId ?? null, zone: null }))
  const memory = options.memory ?? own
  const picked = useSyncExternalStore(memory.subscribe, memory.get)
  const [asked, setAsked] = useState(0)
  const place = placeAmong(frames, picked)
  return {
    frames,
    ...place,
    asked,
    chooseFrame: (frameId) => {
      memory.set((now) => (now.frameId === frameId ? now : { frameId, zone: null }))
      const frame = frames.find((candidate) => candidate.id === frameId)
      if (frame) options.onChooseFrame?.(frame)
    },
    chooseZone: (index) => memory.set(() => ({ frameId: place.frame?.id ?? null, zone: index })),
    ready: (saidElsewhere = false) => {
      const missing = place.zoneMissing && !saidElsewhere
      setAsked((tries) => (missing ? tries + 1 : 0))
      return !missing
    },
  }
}
