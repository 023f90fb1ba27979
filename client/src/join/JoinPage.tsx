import { normalizeJoinCode } from '@atelier/shared'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { boardLink } from '../lib/links.js'
import { navigate } from '../lib/navigate.js'
import { ApiError } from '../sync/api.js'
import { LogoMark } from '../ui/icons.js'
import { LanguageSwitch } from '../ui/LanguageSwitch.js'
import { resolveJoinCode } from './api.js'
import { JoinCodeForm } from './JoinCodeForm.js'

type Problem = 'unknown' | 'tooMany' | 'full' | 'network'

function problemOf(error: unknown): Problem {
  if (!(error instanceof ApiError)) return 'network'
  if (error.status === 404) return 'unknown'
  if (error.status === 429) return 'tooMany'
  if (error.status === 403) return 'full'
  return 'network'
}

/**
 * `/j/<code>`: trades the code for a participant link and opens the board (the join page stays
 * out of the Back history); `/j` alone, or a code that fails, shows the form to type one.
 */
export function JoinPage({ code }: { code: string | null }) {
  const { t } = useTranslation()
  const normalized = code === null ? null : normalizeJoinCode(code)
  const [problem, setProblem] = useState<Problem | null>(code !== null && !normalized ? 'unknown' : null)
  const joining = normalized !== null && problem === null

  useEffect(() => {
    if (!normalized) return
    let cancelled = false
    resolveJoinCode(normalized)
      .then(({ boardId, token }) => {
        if (!cancelled) navigate(boardLink('', boardId, token), { replace: true })
      })
      .catch((error: unknown) => {
        if (!cancelled) setProblem(problemOf(error))
      })
    return () => {
      cancelled = true
    }
  }, [normalized])

  return (
    <div className="landing">
      <header className="landing-header">
        <a className="brand" href="/">
          <LogoMark />
          <span>{t('app.name')}</span>
        </a>
        <LanguageSwitch />
      </header>
      <main className="center-page join-page">
        <div className="card narrow">
          <h1>{t('join.title')}</h1>
          {joining ? (
            <p role="status" data-testid="join-status">
              {t('join.joining', { code: normalized })}
            </p>
          ) : (
            <>
              {problem && (
                <p className="join-error" role="alert" data-testid="join-problem">
                  {t(`join.problem.${problem}`, { code: code ?? '' })}
                </p>
              )}
              <JoinCodeForm initial={normalized ?? code ?? ''} autoFocus />
            </>
          )}
        </div>
      </main>
    </div>
  )
}
