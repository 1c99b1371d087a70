// Render TeX to HTML with KaTeX at build time, so pages need KaTeX's CSS and fonts but no script.
// stdin: JSON [[tex, displayMode], ...]  ->  stdout: JSON [{html} | {error}, ...]
const katex = require("katex");
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const out = JSON.parse(input).map(([tex, displayMode]) => {
    try {
      return { html: katex.renderToString(tex, { displayMode, throwOnError: true, output: "htmlAndMathml" }) };
    } catch (e) {
      return { error: String(e.message || e) };
    }
  });
  process.stdout.write(JSON.stringify(out));
});
