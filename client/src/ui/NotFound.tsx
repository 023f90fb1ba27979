import { useTranslation } from 'react-i18next'

export function NotFound({ titleKey = 'board.notFound', helpKey }: { titleKey?: string; helpKey?: string }) {
  const { t } = useTranslation()
  return (
    <main className="center-page">
      <div className="card narrow">
        <h1>{t(titleKey)}</h1>
        {helpKey && <p>{t(helpKey)}</p>}
        <a className="button primary" href="/">
          {t('board.backHome')}
        </a>
      </div>
    </main>
  )
}
