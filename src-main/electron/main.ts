/** Entry of the desktop app's main process (built to out/main/index.js). */
import { startDesktop } from './lifecycle'

void startDesktop({ argv: process.argv, env: process.env, mainDir: import.meta.dirname })
