// How every consent action writes: while it runs the button shows it is working; when it is done
// a toast says what happened, and when it fails a toast says why. Nothing half-done is hidden.
import { useState } from 'react'
import { useToast } from '@sanity/ui/toast'
import { useArchiveText } from '../locale/index.ts'

export function useActionWrite(): { working: boolean; write: (work: () => Promise<string>) => Promise<boolean> } {
  const { t } = useArchiveText()
  const toast = useToast()
  const [working, setWorking] = useState(false)
  const write = async (work: () => Promise<string>) => {
    setWorking(true)
    try {
      toast.push({ status: 'success', title: await work() })
      return true
    } catch (error) {
      toast.push({ status: 'error', title: t('action.failed', { message: error instanceof Error ? error.message : String(error) }) })
      return false
    } finally {
      setWorking(false)
    }
  }
  return { working, write }
}
