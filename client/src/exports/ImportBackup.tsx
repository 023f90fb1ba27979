import { type ChangeEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { boardLink } from '../lib/links.js'
import { navigate } from '../lib/navigate.js'
import { rememberBoard } from '../lib/storage.js'
import { showToast } from '../lib/toasts.js'
import { ApiError, importBoard } from '../sync/api.js'
import './exports.css'

/** The landing page's "Importer une sauvegarde": a `.atelier` file becomes a new board this browser facilitates. */
export function ImportBackup() {
  const { t } = useTranslation()
  const ids = useId()
  const [busy, setBusy] = useState(false)

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget
    const file = input.files?.[0]
    if (!file) return
    setBusy(true)
    try {
      const created = await importBoard(file)
      // The board's own title arrives when it opens; the file's name stands in until then.
      rememberBoard(localStorage, {
        id: created.id,
        title: file.name.replace(/\.atelier$/i, ''),
        role: 'facilitator',
        token: created.tokens.facilitator,
        tokens: created.tokens,
      })
      showToast('info', t('exports.import.imported'))
      navigate(boardLink('', created.id, created.tokens.facilitator))
    } catch (error) {
      const reason = error instanceof ApiError ? error.message : t('errors.network')
      showToast('error', t('exports.import.failed', { reason }))
      input.value = ''
      setBusy(false)
    }
  }

  return (
    <section className="card import-card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('exports.import.title')}</h2>
      <p className="muted">{t('exports.import.help')}</p>
      <label className="button file-button">
        {busy ? t('exports.import.importing') : t('exports.import.choose')}
        <input
          type="file"
          accept=".atelier,application/octet-stream"
          disabled={busy}
          onChange={(event) => void onFile(event)}
          data-testid="import-backup"
        />
      </label>
    </section>
  )
}
