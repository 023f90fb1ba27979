import { boardToScreen, type Camera, type ItemSnapshot } from '@atelier/shared'
import { useTranslation } from 'react-i18next'
import type { FacilitationModel } from '../facilitation/FacilitationModel.js'
import { castVote } from './castVote.js'
import { useBallot, useEligible, useLatestClosedRound, useOpenRound } from './hooks.js'
import { dotState, podium } from './voteState.js'

function screenBox(item: ItemSnapshot, camera: Camera) {
  const at = boardToScreen(camera, item)
  return { left: at.x, top: at.y, width: item.w * camera.zoom, height: item.h * camera.zoom }
}

/**
 * Dots on the board. While a round is open, each eligible item is a button: a click places a
 * dot, a click on one of your dots takes it back. After the close, the podium is highlighted.
 */
export function VoteOverlay({
  model,
  camera,
  visible,
}: {
  model: FacilitationModel
  camera: Camera
  visible: (item: ItemSnapshot) => boolean
}) {
  const open = useOpenRound(model)
  const closed = useLatestClosedRound(model)
  if (open && model.role !== 'observer') return <OpenDots model={model} camera={camera} visible={visible} />
  if (closed?.results?.length) return <ResultBadges model={model} camera={camera} results={closed.results} />
  return null
}

function OpenDots({
  model,
  camera,
  visible,
}: {
  model: FacilitationModel
  camera: Camera
  visible: (item: ItemSnapshot) => boolean
}) {
  const { t } = useTranslation()
  const round = useOpenRound(model)
  const ballot = useBallot(model)
  const eligible = useEligible(model, round)
  if (!round) return null
  const items = [...eligible]
    .map((id) => model.board.board.getItem(id))
    .filter((item): item is ItemSnapshot => item !== undefined && visible(item))
  return (
    <>
      {items.map((item) => {
        const state = dotState(round, ballot.mine, item.id)
        const box = screenBox(item, camera)
        const label = item.text?.trim() || t('voting.unnamedItem')
        return (
          <div
            key={item.id}
            className="vote-target"
            style={box}
            data-testid="vote-target"
            data-item-id={item.id}
          >
            <button
              type="button"
              className="vote-add"
              aria-label={t('voting.add', { label })}
              onClick={() => void castVote(model, item.id, 1)}
            />
            {state.mine > 0 && (
              <span className="vote-dots">
                {Array.from({ length: state.mine }, (_, index) => (
                  <button
                    // biome-ignore lint/suspicious/noArrayIndexKey: dots are interchangeable; the index is their identity.
                    key={index}
                    type="button"
                    className="vote-dot"
                    data-testid="vote-dot"
                    aria-label={t('voting.remove', { label })}
                    onClick={() => void castVote(model, item.id, -1)}
                  />
                ))}
              </span>
            )}
          </div>
        )
      })}
    </>
  )
}

function ResultBadges({
  model,
  camera,
  results,
}: {
  model: FacilitationModel
  camera: Camera
  results: NonNullable<ReturnType<typeof useLatestClosedRound>>['results']
}) {
  const { t } = useTranslation()
  return (
    <>
      {(results ?? []).map((result) => {
        const item = model.board.board.getItem(result.itemId)
        if (!item) return null
        const tier = podium(result.rank)
        return (
          <div
            key={result.itemId}
            className={`result-highlight ${tier ?? 'plain'}`}
            style={screenBox(item, camera)}
          >
            <span className="result-badge" data-testid="result-badge">
              {t('voting.badge', { rank: result.rank, count: result.votes })}
            </span>
          </div>
        )
      })}
    </>
  )
}
