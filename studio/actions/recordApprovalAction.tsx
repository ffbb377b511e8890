// Recording the survivor's approval from the signed read-back sheet: the codes she approved, the
// scopes ticked, how and before whom, the dates. Refused with the reason when a code is not the
// code of the text as it is now; otherwise the consent record is written and the testimony marked
// approved, in one transaction. Offered where the workflow table allows it (from read-back on).
import { useState } from 'react'
import { Button, Checkbox, Flex, Radio, Select, Stack, Text, TextInput } from '@sanity/ui'
import { useClient, type DocumentActionComponent } from 'sanity'
import {
  consentInForce,
  consentScopes,
  localDate,
  scopeTitles,
  testimonyDocument,
  type ConsentScope,
  apiVersion,
} from '../../core/index.ts'
import { describeApprovalProblem, useArchiveText } from '../locale/index.ts'
import {
  checkApproval,
  consentMethodValues,
  approvalMutations,
  defaultReviewDate,
  readBackParts,
  stepOffered,
  shownState,
  type ApprovalForm,
  type ApprovalProblem,
} from '../workflow/index.ts'
import { storedPublicStory } from './storedPublicStory.ts'
import { refreshConsents, useConsents } from './useConsents.ts'
import { useActionWrite } from './useActionWrite.ts'
import { todayIso, useStaff } from './useStaff.ts'

const explainedInValues = ['km', 'cham', 'en', 'other'] as const

function emptyForm(): ApprovalForm {
  const today = todayIso()
  return {
    codes: {},
    scopes: [],
    method: null,
    explainedIn: 'km',
    witnessName: '',
    witnessRole: '',
    dateGiven: today,
    reviewDate: defaultReviewDate(today),
    notBefore: '',
  }
}

export const recordApprovalAction: DocumentActionComponent = (props) => {
  const { t, language } = useArchiveText()
  const staff = useStaff()
  const consents = useConsents(props.id)
  const client = useClient({ apiVersion })
  const { working: saving, write } = useActionWrite()
  const [open, setOpen] = useState(false)
  const [form, setForm] = useState<ApprovalForm>(emptyForm)
  const [problems, setProblems] = useState<ApprovalProblem[]>([])
  const testimony = testimonyDocument.safeParse(props.draft ?? props.published)
  if (!staff || !stepOffered('recordApproval', shownState(props.draft, props.published), staff.role)) return null
  if (!testimony.success) return { label: t('action.recordApproval'), disabled: true, title: t('publish.incomplete') }
  const parts = readBackParts(testimony.data)
  const update = (change: Partial<ApprovalForm>) => setForm((current) => ({ ...current, ...change }))
  // Functional updates: two quick ticks must not overwrite each other with a stale form.
  const toggleScope = (scope: ConsentScope) =>
    setForm((current) => ({
      ...current,
      scopes: current.scopes.includes(scope) ? current.scopes.filter((s) => s !== scope) : [...current.scopes, scope],
    }))

  const save = async () => {
    const inForce = consentInForce(props.id, consents ?? [])
    const recordId = `consent-${crypto.randomUUID()}`
    const checked = checkApproval({ testimony: testimony.data, inForce, form, today: todayIso(), recordedBy: staff.id, recordId })
    if (!checked.ok) return setProblems(checked.problems)
    setProblems([])
    const done = await write(async () => {
      const record = { ...checked.record, _id: recordId, _type: 'consentRecord' }
      const state = { consents: consents ?? [], previousStory: await storedPublicStory(client, props.id), published: props.published }
      await client.mutate(approvalMutations(props.id, record, props.draft ?? props.published, state), { visibility: 'sync' })
      await refreshConsents(client.config().dataset, props.id)
      return t('action.recordApproval.saved')
    })
    if (done) {
      setOpen(false)
      setForm(emptyForm())
    }
  }

  return {
    label: t('action.recordApproval'),
    tone: 'positive',
    disabled: consents === null,
    onHandle: () => setOpen(true),
    dialog: open && {
      type: 'dialog',
      header: t('action.recordApproval.header'),
      width: 'medium',
      onClose: () => setOpen(false),
      content: (
        <Stack gap={4}>
          <Text weight="semibold">{t('action.recordApproval.codes')}</Text>
          <Text size={1} muted>
            {t('action.recordApproval.codesHint')}
          </Text>
          {parts.map(({ part }) => (
            <Stack key={part} gap={2}>
              <Text as="label" htmlFor={`approval-code-${part}`} size={1}>
                {t(`part.${part}`)}
              </Text>
              <TextInput
                id={`approval-code-${part}`}
                placeholder="XXX-XXX-XXX"
                value={form.codes[part] ?? ''}
                onChange={(e) => {
                  const typed = e.currentTarget.value
                  setForm((current) => ({ ...current, codes: { ...current.codes, [part]: typed } }))
                }}
              />
            </Stack>
          ))}
          <Text weight="semibold">{t('action.recordApproval.scopes')}</Text>
          {consentScopes.map((scope) => (
            <Flex key={scope} as="label" gap={2} align="center">
              <Checkbox data-scope={scope} checked={form.scopes.includes(scope)} onChange={() => toggleScope(scope)} />
              <Text>{scopeTitles[scope][language]}</Text>
            </Flex>
          ))}
          <Text weight="semibold">{t('action.recordApproval.method')}</Text>
          {consentMethodValues.map((method) => (
            <Flex key={method} as="label" gap={2} align="center">
              <Radio name="consent-method" value={method} checked={form.method === method} onChange={() => update({ method })} />
              <Text>{t(`method.${method}`)}</Text>
            </Flex>
          ))}
          <Text as="label" htmlFor="approval-explained-in" weight="semibold">
            {t('action.recordApproval.explainedIn')}
          </Text>
          <Select id="approval-explained-in" value={form.explainedIn} onChange={(e) => update({ explainedIn: e.currentTarget.value })}>
            {explainedInValues.map((value) => (
              <option key={value} value={value}>
                {t(`language.${value}`)}
              </option>
            ))}
          </Select>
          {(
            [
              ['witnessName', 'action.recordApproval.witnessName', 'text'],
              ['witnessRole', 'action.recordApproval.witnessRole', 'text'],
              ['dateGiven', 'action.recordApproval.dateGiven', 'date'],
              ['reviewDate', 'action.recordApproval.reviewDate', 'date'],
            ] as const
          ).map(([field, key, type]) => (
            <Stack key={field} gap={2}>
              <Text as="label" htmlFor={`approval-${field}`} weight="semibold">
                {t(key)}
              </Text>
              <TextInput
                id={`approval-${field}`}
                type={type}
                value={form[field]}
                onChange={(e) => update({ [field]: e.currentTarget.value })}
              />
            </Stack>
          ))}
          <Stack gap={2}>
            <Text as="label" htmlFor="approval-notBefore" weight="semibold">
              {t('action.recordApproval.notBefore')}
            </Text>
            <Text size={1} muted>
              {t('action.recordApproval.notBeforeHint')}
            </Text>
            <TextInput
              id="approval-notBefore"
              type="date"
              value={form.notBefore ?? ''}
              onChange={(e) => update({ notBefore: e.currentTarget.value })}
            />
            {form.notBefore && <Text size={1}>{localDate(form.notBefore, language)}</Text>}
          </Stack>
          {problems.length > 0 && (
            <Stack gap={2} role="alert" data-testid="approval-problems">
              {problems.map((problem, index) => (
                <Text key={index} style={{ color: 'var(--card-badge-critical-fg-color, #c00)' }}>
                  {describeApprovalProblem(problem, language, t)}
                </Text>
              ))}
            </Stack>
          )}
          <Button text={t('action.recordApproval.save')} tone="positive" loading={saving} onClick={() => void save()} />
        </Stack>
      ),
    },
  }
}
recordApprovalAction.displayName = 'RecordApprovalAction'
