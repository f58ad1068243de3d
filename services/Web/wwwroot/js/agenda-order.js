// Drag and drop for the console's agenda (Pages/Console/Meetings/Agenda.cshtml).
//
// The page works without this: its form lists the items in order (one hidden itemIds input per row) and the "Move up"
// and "Move down" buttons post it. This module shows a handle on each row; dragging a row by it (mouse, pen or touch,
// through pointer events) moves the row, and with it its hidden input, then posts the same form: the server saves the
// order the rows are in. Keyboard users keep the move buttons, which are real buttons in the tab order.

const form = document.querySelector('form[data-module="site-agenda-order"]')
const body = form && form.querySelector('[data-agenda-items]')

if (body) {
  const status = form.querySelector('[data-order-status]')
  const rows = () => Array.from(body.querySelectorAll('tr[data-agenda-item]'))
  const order = () => rows().map(row => row.dataset.agendaItem).join(',')

  for (const hint of document.querySelectorAll('.site-drag-instructions')) hint.hidden = false

  let dragging = null
  let before = ''
  let pointer = null

  const rowAt = (x, y) => {
    const element = document.elementFromPoint(x, y)
    const row = element && element.closest('tr[data-agenda-item]')
    return row && body.contains(row) ? row : null
  }

  const finish = (keep) => {
    if (!dragging) return
    const row = dragging
    dragging = null
    pointer = null
    row.classList.remove('site-agenda-row--dragging')
    if (!keep) {
      // Put the rows back as they were: nothing is saved.
      const byId = new Map(rows().map(r => [r.dataset.agendaItem, r]))
      for (const id of before.split(',')) body.appendChild(byId.get(id))
      return
    }

    if (order() !== before) {
      if (status) status.textContent = `Saving the new order: ${row.querySelector('[data-item-title]').textContent} moved.`
      form.requestSubmit()
    }
  }

  // Moves and the release are heard on the document: moving the row in the page releases any pointer capture.
  document.addEventListener('pointermove', event => {
    if (!dragging || event.pointerId !== pointer) return
    const target = rowAt(event.clientX, event.clientY)
    if (!target || target === dragging) return
    const box = target.getBoundingClientRect()
    // Over the top half of a row: go before it; over the bottom half: after it.
    body.insertBefore(dragging, event.clientY < box.top + box.height / 2 ? target : target.nextSibling)
  })

  document.addEventListener('pointerup', event => {
    if (event.pointerId === pointer) finish(true)
  })

  document.addEventListener('pointercancel', event => {
    if (event.pointerId === pointer) finish(false)
  })

  for (const handle of body.querySelectorAll('[data-drag-handle]')) {
    handle.hidden = false
    handle.addEventListener('pointerdown', event => {
      if (event.button !== 0 || dragging) return
      event.preventDefault()
      dragging = handle.closest('tr[data-agenda-item]')
      before = order()
      pointer = event.pointerId
      dragging.classList.add('site-agenda-row--dragging')
    })
  }

  document.addEventListener('keydown', event => {
    if (event.key === 'Escape') finish(false)
  })
}
