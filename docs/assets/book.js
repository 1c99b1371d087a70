// Display math, figures and tables wider than their column scroll sideways: only then are they Tab
// stops, so a keyboard can scroll them (axe: scrollable-region-focusable) and nothing else is a stop,
// and only then do they show the shadows that say there is more (book.css: book-overflows).
// hooks/reader.py leaves display math unfocusable. A resize observer watches each of them (and the
// page, for a font that widens what it holds): it calls back when they are first laid out, when their
// width changes, and for the tables once material has wrapped each in a md-typeset__scrollwrap. It calls
// back after the browser has laid the page out, so reading the widths costs nothing; read anywhere else,
// the first width would make the browser lay out the whole page there and then (on a long chapter, a
// task of 140 ms on Lighthouse's phone).
const bookBoxes = ".md-typeset :is(div.arithmatex, figure, .md-typeset__scrollwrap)";
const bookWide = new ResizeObserver(() => {
  const boxes = [...document.querySelectorAll(bookBoxes)];
  const wide = boxes.map(e => e.scrollWidth > e.clientWidth + 1);  // every read before any change
  boxes.forEach((e, i) => {
    e.classList.toggle("book-overflows", wide[i]);
    if (!wide[i]) e.removeAttribute("tabindex");
    else if (!e.hasAttribute("tabindex")) e.setAttribute("tabindex", "0");
  });
});
function bookWatchWide() {
  for (const e of [document.body, ...document.querySelectorAll(bookBoxes)]) bookWide.observe(e);
}
bookWatchWide();
if (window.document$) document$.subscribe(bookWatchWide);  // after material wrapped the tables

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
