// Display math, figures and tables wider than their column scroll sideways: only then are they Tab
// stops, so a keyboard can scroll them (axe: scrollable-region-focusable) and nothing else is a stop,
// and only then do they show the shadows that say there is more (book.css: book-overflows).
// hooks/reader.py leaves display math unfocusable; this runs at load and whenever the width changes
// (material wraps each table in a md-typeset__scrollwrap once the page has loaded).
function bookFocusWide() {
  for (const e of document.querySelectorAll(".md-typeset :is(div.arithmatex, figure, .md-typeset__scrollwrap)")) {
    const wide = e.scrollWidth > e.clientWidth + 1;
    e.classList.toggle("book-overflows", wide);
    if (wide) e.setAttribute("tabindex", "0");
    else e.removeAttribute("tabindex");
  }
}
bookFocusWide();
new ResizeObserver(bookFocusWide).observe(document.body);
if (window.document$) document$.subscribe(() => bookFocusWide());  // after material wrapped the tables

// Search: material links a page whose matches are all in its sections to `?h=` with nothing to
// highlight. Such a link gets the query instead, so the page it opens highlights the words.
const bookResults = document.querySelector(".md-search-result__list");
const bookQuery = document.querySelector(".md-search__input");
if (bookResults && bookQuery) {
  new MutationObserver(() => {
    for (const link of bookResults.querySelectorAll('a[href*="h="]')) {
      const url = new URL(link.href);
      if (url.searchParams.get("h") === "" && bookQuery.value.trim()) {
        url.searchParams.set("h", bookQuery.value.trim());
        link.href = url.href;
      }
    }
  }).observe(bookResults, { childList: true, subtree: true });
}
