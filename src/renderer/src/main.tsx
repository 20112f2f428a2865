// Only the styles of the components the screens before the login show (the spinner, the login,
// the language switch, messages), in the order of Mantine's full styles.css. Every other part of
// the app brings the full file along (common/all-styles.ts, read in through load-part.ts).
import '@mantine/core/styles/baseline.css'
import '@mantine/core/styles/default-css-variables.css'
import '@mantine/core/styles/global.css'
import '@mantine/core/styles/UnstyledButton.css'
import '@mantine/core/styles/VisuallyHidden.css'
import '@mantine/core/styles/Paper.css'
import '@mantine/core/styles/Loader.css'
import '@mantine/core/styles/ActionIcon.css'
import '@mantine/core/styles/CloseButton.css'
import '@mantine/core/styles/Group.css'
import '@mantine/core/styles/Input.css'
import '@mantine/core/styles/FloatingIndicator.css'
import '@mantine/core/styles/Alert.css'
import '@mantine/core/styles/Text.css'
import '@mantine/core/styles/Button.css'
import '@mantine/core/styles/Center.css'
import '@mantine/core/styles/PasswordInput.css'
import '@mantine/core/styles/SegmentedControl.css'
import '@mantine/core/styles/Stack.css'
import '@mantine/core/styles/Title.css'
import './i18n/base'
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
