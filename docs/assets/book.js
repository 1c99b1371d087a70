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

// Search. Material links a page whose matches are all in its sections to `?h=` with nothing to
// highlight: such a link gets the query instead, so the page it opens highlights the words. And each
// result's preview is short: the parts of its section that match (at most two), a code block cut to
// its matching lines (at most three), a paragraph begun a little before its first match; book.css
// clamps what is left to a few lines. The index keeps the whole text (hooks/search.py).
const bookResults = document.querySelector(".md-search-result__list");
const bookQuery = document.querySelector(".md-search__input");

function bookCutBefore(element, keep) {  // drop the text more than `keep` characters before the first match
  const mark = element.querySelector("mark");
  if (!mark) return;
  const before = document.createRange();
  before.setStart(element, 0);
  before.setEndBefore(mark);
  let cut = before.toString().length - keep;
  if (cut <= 0) return;
  const texts = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    if (cut <= node.length) {
      before.setEnd(node, cut);
      before.deleteContents();
      element.prepend("… ");
      return;
    }
    cut -= node.length;
  }
}

function bookShortPreview(article) {
  article.dataset.bookShort = "";
  const parts = [...article.children].filter(e => !e.matches("h1, h2, .md-search-result__icon"));
  const matching = parts.filter(e => e.querySelector("mark"));
  const kept = (matching.length ? matching : parts).slice(0, 2);
  for (const part of parts) if (!kept.includes(part)) part.remove();
  for (const code of article.querySelectorAll("pre > code")) {
    const lines = code.innerHTML.split("\n").filter(line => line.trim());
    const hits = lines.filter(line => line.includes("<mark>"));
    const shown = (hits.length ? hits : lines).slice(0, 3);
    code.innerHTML = shown.join("\n") + (shown.length < lines.length ? "\n…" : "");
  }
  for (const text of article.querySelectorAll(":scope > :is(p, ul, ol)")) bookCutBefore(text, 60);
}

if (bookResults && bookQuery) {
  new MutationObserver(() => {
    for (const link of bookResults.querySelectorAll('a[href*="h="]')) {
      const url = new URL(link.href);
      if (url.searchParams.get("h") === "" && bookQuery.value.trim()) {
        url.searchParams.set("h", bookQuery.value.trim());
        link.href = url.href;
      }
    }
    for (const article of bookResults.querySelectorAll(".md-search-result__article:not([data-book-short])")) {
      bookShortPreview(article);
    }
  }).observe(bookResults, { childList: true, subtree: true });
}
