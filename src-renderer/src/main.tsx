import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import { MantineProvider } from '@mantine/core'
import { lazy, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { startFirstScreenCalls } from './app/firstCalls'
import { AfterFirstScreen } from './components/AfterFirstScreen'
import { theme } from './theme'

// The toasts' container follows the first screen; a notification raised before it mounts waits in the store.
const Toasts = lazy(async () => ({ default: (await import('./app/Toasts')).Toasts }))

startFirstScreenCalls()

const container = document.getElementById('root')
if (!container) throw new Error('页面缺少 #root 元素')

createRoot(container).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <AfterFirstScreen>
        <Toasts />
      </AfterFirstScreen>
      <App />
    </MantineProvider>
  </StrictMode>,
)
