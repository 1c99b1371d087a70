// Display math and figures wider than their column scroll sideways: only then are they Tab stops, so
// a keyboard can scroll them (axe: scrollable-region-focusable) and nothing else is a stop.
// hooks/reader.py leaves display math unfocusable; this runs at load and whenever the width changes.
function bookFocusWide() {
  for (const e of document.querySelectorAll(".md-typeset :is(div.arithmatex, figure)")) {
    const wide = e.scrollWidth > e.clientWidth + 1;
    e.classList.toggle("book-overflows", wide);
    if (wide) e.setAttribute("tabindex", "0");
    else e.removeAttribute("tabindex");
  }
}
bookFocusWide();
new ResizeObserver(bookFocusWide).observe(document.body);
