// The alert form's live audience: as the topic, areas and groups change, asks the site (which asks the
// Notifications API) how many people the alert would reach, and says so in the form's aria-live panel.
// Without JavaScript the form's "Check audience" button does the same with a post.
const form = document.getElementById('alert-form')
const panel = document.getElementById('audience-count')

if (form && panel && form.dataset.audienceUrl) {
  let latest = 0
  let timer

  const query = () => {
    const data = new FormData(form)
    const params = new URLSearchParams()
    const topic = data.get('Input.Topic')
    if (topic) params.append('topic', topic)
    for (const area of data.getAll('Input.Areas')) params.append('areas', area)
    for (const group of data.getAll('Input.Groups')) params.append('groups', group)
    const schemes = data.get('Input.NeighbourhoodWatch')
    if (schemes) params.append('neighbourhoodWatch', schemes)
    return params
  }

  const show = (answer) => {
    panel.replaceChildren()
    if (!answer.known) {
      panel.append(answer.sentence)
      return
    }
    const strong = document.createElement('strong')
    strong.id = 'audience-subscribers'
    strong.textContent = answer.subscribers.toLocaleString('en-GB')
    panel.append('This alert would reach ', strong, answer.detail + '.')
  }

  const update = async () => {
    const asked = ++latest
    panel.setAttribute('aria-busy', 'true')
    try {
      const separator = form.dataset.audienceUrl.includes('?') ? '&' : '?'
      const response = await fetch(form.dataset.audienceUrl + separator + query().toString(), {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin'
      })
      if (!response.ok) throw new Error(`audience: ${response.status}`)
      const answer = await response.json()
      // An older answer arriving after a newer question is not shown.
      if (asked === latest) show(answer)
    } catch {
      if (asked === latest) {
        panel.replaceChildren('The audience could not be counted just now. Use "Check audience" to try again.')
      }
    } finally {
      if (asked === latest) panel.removeAttribute('aria-busy')
    }
  }

  const soon = () => {
    clearTimeout(timer)
    timer = setTimeout(update, 250)
  }

  form.addEventListener('change', (event) => {
    const name = event.target && event.target.name
    if (name === 'Input.Topic' || name === 'Input.Areas' || name === 'Input.Groups' || name === 'Input.NeighbourhoodWatch') {
      clearTimeout(timer)
      update()
    }
  })
  form.addEventListener('input', (event) => {
    if (event.target && event.target.name === 'Input.NeighbourhoodWatch') soon()
  })
}
