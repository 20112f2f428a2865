import '@mantine/core/styles.css'
import '@mantine/dates/styles.css'
import '@mantine/notifications/styles.css'
import 'mantine-datatable/styles.css'
import './i18n'
import { loadComputerLanguage } from './i18n/computer-language'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { Root } from './root'

// The language this computer keeps in main; the first paint used the browser's copy of it.
void loadComputerLanguage()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
)
