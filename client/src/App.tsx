import { lazy, Suspense, useEffect, useState } from 'react'
import { parseRoute, type Route } from './lib/links.js'
import { BoardPage } from './pages/BoardPage.js'
import { NotFound } from './ui/NotFound.js'
import { Toasts } from './ui/Toasts.js'

// Loaded on demand: a board link, what most people open, needs neither the landing page (with
// the built-in templates) nor the join page.
const LandingPage = lazy(() => import('./pages/LandingPage.js').then((m) => ({ default: m.LandingPage })))
const JoinPage = lazy(() => import('./join/JoinPage.js').then((m) => ({ default: m.JoinPage })))

function currentRoute(): Route {
  return parseRoute(window.location.pathname, window.location.hash)
}

export function App() {
  const [route, setRoute] = useState(currentRoute)
  useEffect(() => {
    const onChange = () => setRoute(currentRoute())
    window.addEventListener('popstate', onChange)
    window.addEventListener('hashchange', onChange)
    return () => {
      window.removeEventListener('popstate', onChange)
      window.removeEventListener('hashchange', onChange)
    }
  }, [])
  return (
    <>
      <Suspense fallback={null}>
        {route.page === 'landing' && <LandingPage />}
        {route.page === 'join' && <JoinPage key={route.code ?? ''} code={route.code} />}
      </Suspense>
      {route.page === 'board' && (
        <BoardPage key={`${route.boardId}#${route.token}`} boardId={route.boardId} token={route.token} />
      )}
      {route.page === 'notFound' && <NotFound />}
      <Toasts />
    </>
  )
}
