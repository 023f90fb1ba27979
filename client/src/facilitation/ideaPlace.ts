import type { FrameZone, ItemSnapshot } from '@atelier/shared'
import { useState } from 'react'

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
 * The choice of a place for the next idea, on the phone and in the private composer alike, or for
 * an idea that moves (starting on the frame it is in). A new frame asks for its zone again: a
 * position on one scale says nothing of the next one.
 */
export function usePlaceChoice(
  frames: readonly ItemSnapshot[],
  startFrameId: string | null = null,
): IdeaPlace {
  const [picked, setPicked] = useState<PlacePicked>({ frameId: startFrameId, zone: null })
  const [asked, setAsked] = useState(0)
  const place = placeAmong(frames, picked)
  return {
    frames,
    ...place,
    asked,
    chooseFrame: (frameId) => setPicked((now) => (now.frameId === frameId ? now : { frameId, zone: null })),
    chooseZone: (index) => setPicked({ frameId: place.frame?.id ?? null, zone: index }),
    ready: (saidElsewhere = false) => {
      const missing = place.zoneMissing && !saidElsewhere
      setAsked((tries) => (missing ? tries + 1 : 0))
      return !missing
    },
  }
}
