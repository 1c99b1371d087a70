// What the explorable figures share (hooks/explorables.py loads them; tests/test_explorables.py checks
// them against the book's programs): numbers printed as Python prints them, labelled native controls,
// SVG drawn at the width it is shown (its text stays at its CSS size on a phone), and the start-up:
// each figure fills its placeholder and shows it. Without JavaScript the placeholder stays hidden, and
// the reader has the static figure above it.

// --- Numbers as Python's f-strings print them: f"{x:.3f}", f"{x:.2e}", f"{x:.4g}", f"{x:.1%}" -------
// On an exact tie Python rounds half to even (2.0625 -> "2.062"), where JavaScript's toFixed rounds up.

function decimalDigits(x) {
  // |x| = d.ddd... x 10^exponent: toExponential(99) gives the first 100 digits, exactly rounded
  const [mantissa, exponent] = Math.abs(x).toExponential(99).split("e");
  return { digits: mantissa.replace(".", ""), exponent: Number(exponent) };
}

function roundDigits(digits, keep) {
  // The first `keep` digits of a digit string, rounded half to even; one digit longer on a carry
  if (keep <= 0) return "0";
  const head = digits.slice(0, keep), rest = digits.slice(keep);
  const last = Number(head.at(-1));
  const up = rest[0] > "5" || (rest[0] === "5" && (/[1-9]/.test(rest.slice(1)) || last % 2 === 1));
  return up ? String(BigInt(head) + 1n).padStart(keep, "0") : head;
}

function sign(x) {
  return x < 0 || Object.is(x, -0) ? "-" : "";
}

function fixed(x, decimals) {
  const { digits, exponent } = decimalDigits(x);
  // "0" in front takes a carry (9.96 -> 10.0); keep every digit down to the last decimal
  const kept = roundDigits("0" + digits, exponent + 2 + decimals).replace(/^0+(?=\d)/, "");
  const padded = kept.padStart(decimals + 1, "0");
  const whole = padded.slice(0, padded.length - decimals);
  return sign(x) + whole + (decimals ? "." + padded.slice(whole.length) : "");
}

function scientific(x, decimals) {
  const { digits, exponent } = decimalDigits(x);
  let kept = roundDigits(digits, decimals + 1), e = x === 0 ? 0 : exponent;
  if (kept.length > decimals + 1) [kept, e] = [kept.slice(0, decimals + 1), e + 1]; // 9.99 -> 1.00e+01
  const mantissa = kept[0] + (decimals ? "." + kept.slice(1) : "");
  return { text: `${sign(x)}${mantissa}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`, e };
}

export function format(x, spec) {
  // spec as after Python's colon: ".3f", ".2e", ".4g", "g", ".1%"
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "nan" : sign(x) + "inf";
  const [, precision, type] = spec.match(/^(?:\.(\d+))?([feg%])$/);
  const p = precision === undefined ? 6 : Number(precision);
  if (type === "f") return fixed(x, p);
  if (type === "%") return fixed(x * 100, p) + "%"; // Python multiplies by 100 in float too
  if (type === "e") return scientific(x, p).text;
  const significant = Math.max(p, 1); // "g": fixed or scientific by the exponent, no trailing zeros
  const { text, e } = scientific(x, significant - 1);
  const shown = e >= -4 && e < significant ? fixed(x, significant - 1 - e) : text;
  return shown.replace(/(\.\d*?)0+(?=e|$)/, "$1").replace(/\.(?=e|$)/, "");
}

export function shown(x, spec) {
  // As printed, with a typographic minus: what the figures show
  return format(x, spec).replaceAll("-", "\u2212");
}

// --- Elements ---------------------------------------------------------------------------------------

export function element(tag, attributes = {}, ...children) {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) e.setAttribute(name, value);
  e.append(...children);
  return e;
}

const SVG = "http://www.w3.org/2000/svg";

export function svg(tag, attributes = {}, parent = null, text = null) {
  const e = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) e.setAttribute(name, value);
  if (text !== null) e.textContent = text;
  if (parent) parent.append(e);
  return e;
}

export function axes(plot, { x, y, xs, ys, left, top, right, bottom, xLabel, yLabel }) {
  // Two axes, their ticks (one path: a figure's elements count in the page's budget), a number at each
  const d = [`M${left},${top}V${bottom}H${right}`, ...xs.map((v) => `M${x(v)},${bottom}v4`), ...ys.map((v) => `M${left},${y(v)}h-4`)];
  svg("path", { class: "book-axis", d: d.join("") }, plot);
  for (const v of xs) svg("text", { x: x(v), y: bottom + 17, "text-anchor": "middle" }, plot, shown(v, "g"));
  for (const v of ys) svg("text", { x: left - 7, y: y(v) + 4, "text-anchor": "end" }, plot, shown(v, "g"));
  svg("text", { x: (left + right) / 2, y: bottom + 31, "text-anchor": "middle" }, plot, xLabel);
  svg("text", { x: left + 6, y: top + 12 }, plot, yLabel);
}

let controls = 0; // ids for the labels' `for`

function row(label, input, output) {
  input.id = `book-explorable-control-${++controls}`;
  const name = element("label", { for: input.id });
  name.innerHTML = label; // the page's own text: names with <var>, <sub>
  return element("div", { class: "book-explorable-control" }, name, input, ...(output ? [output] : []));
}

export function slider(label, { min, max, step, value, text }) {
  // A native range input with its label and its value; `text` formats the value for eyes and ears
  const input = element("input", { type: "range", min, max, step, value });
  const output = element("output", { for: "", "aria-hidden": "true" });
  const show = () => {
    output.textContent = text(input.valueAsNumber);
    input.setAttribute("aria-valuetext", output.textContent);
  };
  const control = row(label, input, output);
  output.setAttribute("for", input.id);
  input.addEventListener("input", show);
  show();
  return { control, input };
}

export function choices(label, values, { value, text }) {
  // A range input over a list of values (a learning rate from 0.001 to 1, say): input.value is the index
  const { control, input } = slider(label, {
    min: 0, max: values.length - 1, step: 1, value: values.indexOf(value), text: (i) => text(values[i]),
  });
  input.dataset.values = JSON.stringify(values); // what each position stands for
  return { control, input, value: () => values[input.valueAsNumber] };
}

export function checkbox(label, checked = false) {
  const input = element("input", { type: "checkbox" });
  input.checked = checked;
  return { control: row(label, input, null), input };
}

export function numberInput(label, value) {
  const input = element("input", { type: "number", step: "any", value, inputmode: "decimal" });
  return { control: row(label, input, null), input };
}

export function button(text) {
  return element("button", { type: "button", class: "book-explorable-button" }, text);
}

// --- Start-up -----------------------------------------------------------------------------------------

export function explorable(name, build) {
  // build(figure) fills each placeholder <figure data-explorable=name> (above its caption) and returns
  // draw(width) (or a promise of it), called then and whenever the figure's width changes. A figure is built when the reader
  // comes near it, not while the page loads: its computing does not hold up the page's first paint.
  // (The placeholder, hidden, has no box to watch: what stands above it has.)
  for (const figure of document.querySelectorAll(`figure[data-explorable="${name}"]`)) {
    const near = new IntersectionObserver(async (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      near.disconnect();
      const draw = await build(figure);
      figure.hidden = false;
      let width = 0;
      new ResizeObserver(() => {
        if (figure.clientWidth !== width) draw((width = figure.clientWidth));
      }).observe(figure);
    }, { rootMargin: "0px 0px 100% 0px" }); // within a screen below the window
    near.observe(figure.previousElementSibling || figure.parentElement);
  }
}

export function size(plot, width, height) {
  // The SVG is drawn at the size it is shown, so that its text keeps its CSS size
  plot.setAttribute("width", width);
  plot.setAttribute("height", height);
  plot.setAttribute("viewBox", `0 0 ${width} ${height}`);
}

export function printedLines(...names) {
  // The lines a figure prints, as its page's program prints them: [their live region, a <p> per name]
  const printed = element("div", { class: "book-explorable-printed", "aria-live": "polite" });
  return [printed, ...names.map((name) => printed.appendChild(element("p", { "data-printed": name })))];
}

export function parts(figure, ...children) {
  // The explorable's parts go above the caption the page wrote
  figure.prepend(...children);
}

export const clamp = (x, low, high) => Math.min(high, Math.max(low, x));
export const mean = (values) => values.reduce((sum, v) => sum + v, 0) / values.length;
export const ticks = (low, high, step) => {
  const first = Math.ceil(low / step - 1e-9), last = Math.floor(high / step + 1e-9);
  return Array.from({ length: last - first + 1 }, (_, k) => (first + k) * step);
};
