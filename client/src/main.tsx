import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.js'
import { setupI18n } from './i18n/index.js'
import './styles/app.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

setupI18n()
  .then(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    )
  })
  .catch((error: unknown) => {
    root.textContent = `Atelier could not start: ${String(error)}`
  })
