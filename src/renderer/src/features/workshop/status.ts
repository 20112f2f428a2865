import { createContext, useContext } from 'react'
import type { WorkshopStatus } from '../../../../shared/schemas/workshop'

/** The oefenomgeving's status as the auth gate last heard it, and how to ask again. */
export interface WorkshopApi {
  status: WorkshopStatus | null
  /** Main switched data (opened, reset or left): the gate starts over from main's answer. */
  switched: () => void
}

export const WorkshopContext = createContext<WorkshopApi>({ status: null, switched: () => {} })

export function useWorkshop(): WorkshopApi {
  return useContext(WorkshopContext)
}

export function isDemo(status: WorkshopStatus | null): boolean {
  return status?.mode === 'demo'
}
