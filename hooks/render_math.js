// Render TeX to MathML with Temml at build time: browsers lay MathML out themselves, so pages run no
// math script. The TeX stays in each <math> as an <annotation> (copy, screen readers, the tests).
// stdin: JSON [[tex, displayMode], ...]  ->  stdout: JSON [{html} | {error}, ...]
const temml = require("temml");
// Temml puts U+203E over a \bar, a character the book's math font (Noto Sans Math) does not have.
const macros = { "\\bar": "\\overline{#1}" };
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const out = JSON.parse(input).map(([tex, displayMode]) => {
    try {
      return { html: temml.renderToString(tex, { displayMode, throwOnError: true, annotate: true, macros }) };
    } catch (e) {
      return { error: String(e.message || e) };
    }
  });
  process.stdout.write(JSON.stringify(out));
});
