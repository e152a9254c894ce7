import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { theme } from './theme'

const container = document.getElementById('root')
if (!container) throw new Error('页面缺少 #root 元素')

createRoot(container).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-left" limit={4} />
      <App />
    </MantineProvider>
  </StrictMode>,
)
