import { useEffect, useState } from 'react'
import { JoinPage } from './join/JoinPage.js'
import { parseRoute, type Route } from './lib/links.js'
import { BoardPage } from './pages/BoardPage.js'
import { LandingPage } from './pages/LandingPage.js'
import { NotFound } from './ui/NotFound.js'
import { Toasts } from './ui/Toasts.js'

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
      {route.page === 'landing' && <LandingPage />}
      {route.page === 'join' && <JoinPage key={route.code ?? ''} code={route.code} />}
      {route.page === 'board' && (
        <BoardPage key={`${route.boardId}#${route.token}`} boardId={route.boardId} token={route.token} />
      )}
      {route.page === 'notFound' && <NotFound />}
      <Toasts />
    </>
  )
}
