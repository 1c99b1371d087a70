// Chapter 2: gradient descent on the loss parabola, with the learning rate and the start w0 as controls.
// The loss and the loop are the chapter's (snippets/figure_lr_parabola.py, numpy_lr_stability.py);
// tests/test_explorables.py holds what this prints against those programs.
import { axes, element, explorable, format, mean, parts, printedLines, shown, size, slider, svg, ticks } from "./common.js";

const X = [1, 2, 3, 4];
const Y = [2, 4, 6, 8];
const loss = (w) => mean(X.map((x, i) => (w * x - Y[i]) ** 2));
const gradient = (w) => mean(X.map((x, i) => 2 * x * (w * x - Y[i])));
const L2 = 2 * mean(X.map((x) => x ** 2)); // the curvature L''(w)
const wStar = mean(X.map((x, i) => x * Y[i])) / mean(X.map((x) => x ** 2)); // the minimum
const nSteps = 6; // drawn and printed, as in the static figure
const tolerance = 0.001;
const most = 10000; // steps tried before giving up

function steps(lr, w) {
  const path = [w];
  for (let step = 0; step < nSteps; step++) {
    w -= lr * gradient(w); // 3. gradient, 4. update
    path.push(w);
  }
  return path;
}

function stepsToConverge(lr, w) {
  // The number of steps until |w - w*| < tolerance; Infinity if w runs away
  for (let step = 0; step <= most; step++) {
    if (Math.abs(w - wStar) < tolerance) return step;
    if (!(Math.abs(w - wStar) < 1e6)) return Infinity;
    w -= lr * gradient(w);
  }
  return null;
}

function verdict(lr) {
  const factor = 1 - lr * L2;
  if (Math.abs(factor) >= 1) return "diverges";
  return factor >= 0 ? "converges from one side" : "jumps over the minimum and closes in";
}

explorable("lr_parabola", (figure) => {
  const plot = svg("svg", { role: "img" });
  const lr = slider("learning rate <var>η</var> (<code>lr</code>)", {
    min: 0.001, max: 0.15, step: 0.001, value: 0.1, text: String,
  });
  const w0 = slider("start <var>w</var><sub>0</sub>", {
    min: -2, max: 6, step: 0.1, value: 0, text: (w) => format(w, ".1f"),
  });
  const [printed, curvature, factor, path, converged] = printedLines("curvature", "factor", "path", "converged");
  parts(figure, plot, element("div", { class: "book-explorable-controls" }, lr.control, w0.control), printed);

  let width = 0;
  function update() {
    const rate = lr.input.valueAsNumber, start = w0.input.valueAsNumber;
    const ws = steps(rate, start);
    const count = stepsToConverge(rate, start);
    curvature.textContent = `L''(w) = ${format(L2, ".1f")}, stable for lr < 2 / L''(w) = ${format(2 / L2, ".4f")}`;
    factor.textContent = `lr = ${rate}: each step multiplies w - ${wStar} by ${format(1 - rate * L2, ".3f")}`;
    path.textContent = `w = ${ws.map((w) => format(w, ".3f")).join(", ")}`;
    converged.textContent =
      count === Infinity ? `|w - ${wStar}| grows at every step: lr = ${rate} diverges`
      : count === null ? `|w - ${wStar}| is not < ${tolerance} after ${most} steps`
      : `|w - ${wStar}| < ${tolerance} after ${count} steps`;
    plot.setAttribute("aria-label",
      `${nSteps} steps on the parabola L(w) from w = ${shown(start, ".1f")} with lr ${rate}: ${verdict(rate)}`);
    draw(ws, rate);
  }

  function draw(ws, rate) {
    if (!width) return; // not laid out yet: drawn when its width is known
    plot.replaceChildren();
    const lrHeight = 46, height = Math.round(Math.min(340, Math.max(280, 0.45 * width)));
    const left = 48, right = 12, top = 10, bottom = height - 34 - lrHeight;
    size(plot, width, height);
    // The parabola over [-2, 6], widened to every step drawn
    const w0 = Math.min(-2, ...ws), w1 = Math.max(6, ...ws);
    const losses = ws.map(loss), L1 = Math.max(60, 1.1 * Math.max(...losses));
    const x = (w) => left + ((w - w0) / (w1 - w0)) * (width - left - right);
    const y = (L) => bottom - ((L + 3) / (L1 + 3)) * (bottom - top);
    const curve = ticks(0, 200, 1).map((k) => w0 + ((w1 - w0) * k) / 200);
    svg("path", { class: "book-curve", d: "M" + curve.map((w) => `${x(w)},${y(loss(w))}`).join("L") }, plot);
    axes(plot, { x, y, left, top, bottom, right: x(w1), xLabel: "w", yLabel: "L(w)",
      xs: ticks(w0, w1, w1 - w0 > 24 ? 10 : w1 - w0 > 12 ? 5 : 1), ys: ticks(0, L1, L1 > 400 ? 200 : L1 > 150 ? 50 : 20) });
    svg("line", { class: "book-axis", x1: x(wStar), x2: x(wStar), y1: y(0) + 4, y2: y(0) - 4 }, plot);
    // The steps: arrows from each w to the next, on the curve
    for (let k = 0; k < nSteps; k++) {
      svg("line", {
        class: "book-step", "marker-end": "url(#book-arrow)",
        x1: x(ws[k]), y1: y(losses[k]), x2: x(ws[k + 1]), y2: y(losses[k + 1]),
      }, plot);
    }
    for (const [k, w] of ws.entries()) svg("circle", { class: "book-step", cx: x(w), cy: y(losses[k]), r: 3.5 }, plot);
    const marker = svg("marker", { id: "book-arrow", viewBox: "0 0 10 10", refX: 10, refY: 5,
      markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, svg("defs", {}, plot));
    svg("path", { class: "book-step", d: "M0,0L10,5L0,10z" }, marker);
    learningRates(plot, rate, { left, right, width, top: height - lrHeight + 6 });
  }

  for (const control of [lr.input, w0.input]) control.addEventListener("input", update);
  return (shownWidth) => {
    width = shownWidth;
    update();
  };
});

function learningRates(plot, rate, { left, right, width, top }) {
  // The learning rate on its own axis: 1/L'' and 2/L'' marked, the regimes between them
  const lrMax = 0.15;
  const x = (lr) => left + (lr / lrMax) * (width - left - right);
  const marks = [[0, "0"], [1 / L2, "1/L''"], [2 / L2, "2/L''"], [lrMax, ""]];
  for (let k = 0; k < 3; k++) {
    svg("rect", { x: x(marks[k][0]), width: x(marks[k + 1][0]) - x(marks[k][0]), y: top, height: 8,
      fill: k === 2 ? "var(--book-explorable-step)" : "var(--book-explorable-zone)", opacity: k === 2 ? 0.35 : 1 }, plot);
  }
  for (const [lr, label] of marks.slice(0, 3)) {
    svg("line", { class: "book-axis", x1: x(lr), x2: x(lr), y1: top - 3, y2: top + 11 }, plot);
    svg("text", { x: x(lr), y: top + 25, "text-anchor": "middle" }, plot, label);
  }
  svg("text", { x: left - 7, y: top + 9, "text-anchor": "end" }, plot, "lr");
  svg("circle", { class: "book-step", cx: x(rate), cy: top + 4, r: 6 }, plot);
}
