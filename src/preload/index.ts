import { contextBridge, ipcRenderer } from 'electron'
import type { BridgeApi } from '../shared/api'

// The page gets exactly one function; it never sees ipcRenderer, Node or process.env.
const bridge = {
  call: (method: string, input: unknown): Promise<unknown> =>
    ipcRenderer.invoke('api', method, input),
} satisfies BridgeApi

contextBridge.exposeInMainWorld('api', bridge)
