import { contextBridge, ipcRenderer } from 'electron'
import type { BridgeApi } from '../shared/api'

// The page gets exactly two functions; it never sees ipcRenderer, Node or process.env.
const bridge = {
  call: (method: string, input: unknown): Promise<unknown> =>
    ipcRenderer.invoke('api', method, input),
  // Only a ticket goes to main; main asks where to save and copies the file itself.
  save: (ticket: string): Promise<unknown> => ipcRenderer.invoke('save', ticket),
} satisfies BridgeApi

contextBridge.exposeInMainWorld('api', bridge)
