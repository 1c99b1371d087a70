// Chapter 6: the valley of L(w, b), with the learning rate, the momentum and centred inputs as controls.
// The data, the start and the update are the chapter's (snippets/figure_valley.py: torch.optim.SGD on
// nn.Linear); tests/test_explorables.py holds what this prints against the programs of the page.
import {
  axes, checkbox, choices, element, explorable, format, mean, parts, printedLines, shown, size, slider, svg, ticks,
} from "./common.js";

const X = [1, 2, 3, 4];
const Y = [2, 4, 6, 8];
const start = { w: 0.7645385265350342, b: 0.8300079107284546 }; // torch.manual_seed(42); nn.Linear(1, 1)
const tolerance = 0.001;
const most = 10000; // steps tried before giving up
const lrs = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.11, 0.12, 0.2, 0.3, 0.5, 0.7, 0.8, 0.9, 1];
const views = { raw: { w: [0.5, 2.5], b: [-0.9, 1.3] }, centred: { w: [0.5, 2.5], b: [2.6, 5.4] } }; // the figure's

function valleyOf(centred) {
  // The inputs, the start (the same line, w (x - mean) + b when centred), the loss and its gradient
  const x = centred ? X.map((xi) => xi - mean(X)) : X;
  const loss = (w, b) => mean(x.map((xi, i) => (w * xi + b - Y[i]) ** 2));
  const gradient = (w, b) => {
    const errors = x.map((xi, i) => w * xi + b - Y[i]);
    return [mean(errors.map((e, i) => 2 * e * x[i])), mean(errors.map((e) => 2 * e))];
  };
  // The Hessian H = 2/N [[sum x^2, sum x], [sum x, N]], its eigenvalues (smallest first), the minimum
  const [p, q, r] = [2 * mean(x.map((xi) => xi * xi)), 2 * mean(x), 2];
  const middle = (p + r) / 2, half = Math.hypot((p - r) / 2, q);
  const eigenvalues = [middle - half, middle + half];
  const slow = q === 0 ? (p < r ? [1, 0] : [0, 1]) : [q, eigenvalues[0] - p]; // the floor of the valley
  const wStar = (r * mean(x.map((xi, i) => xi * Y[i])) * 2 - q * 2 * mean(Y)) / (p * r - q * q);
  const bStar = (2 * mean(Y) - q * wStar) / r;
  const first = { w: start.w, b: centred ? start.b + start.w * mean(X) : start.b };
  return { loss, gradient, eigenvalues, slow, minimum: { w: wStar, b: bStar }, first };
}

function path({ loss, gradient, first }, lr, momentum, nSteps) {
  // torch.optim.SGD: velocity = momentum * velocity + gradient, then (w, b) -= lr * velocity
  let [w, b] = [first.w, first.b];
  let [vw, vb] = [0, 0];
  const wb = [[w, b]];
  for (let step = 0; step < nSteps; step++) {
    const [dw, db] = gradient(w, b); // 1. predict, 2. loss, 3. gradient
    [vw, vb] = [momentum * vw + dw, momentum * vb + db];
    [w, b] = [w - lr * vw, b - lr * vb]; // 4. update
    wb.push([w, b]);
    if (!(Math.abs(w) + Math.abs(b) < 1e6)) break; // diverged
  }
  return wb;
}

function stepsToConverge(valley, lr, momentum) {
  const { w, b } = valley.minimum;
  const wb = path(valley, lr, momentum, most);
  const within = wb.findIndex(([wk, bk]) => Math.hypot(wk - w, bk - b) < tolerance);
  return within >= 0 ? within : wb.length <= most ? Infinity : null;
}

explorable("valley", (figure) => {
  const plot = svg("svg", { role: "img" });
  const lr = choices("learning rate <var>η</var> (<code>lr</code>)", lrs, { value: 0.01, text: String });
  const momentum = slider("momentum <var>μ</var>", { min: 0, max: 0.99, step: 0.01, value: 0, text: String });
  const nSteps = slider("steps drawn", { min: 1, max: 300, step: 1, value: 100, text: String });
  const centred = checkbox("centred inputs <var>x</var> − <var>x̄</var>");
  const [printed, after, converged, curvature, factors] = printedLines("after", "converged", "curvature", "factors");
  const controls = element("div", { class: "book-explorable-controls" },
    lr.control, momentum.control, nSteps.control, centred.control);
  parts(figure, plot, controls, printed);

  let width = 0;
  function update() {
    const valley = valleyOf(centred.input.checked);
    const rate = lr.value(), mu = momentum.input.valueAsNumber, n = nSteps.input.valueAsNumber;
    const wb = path(valley, rate, mu, n);
    const [w, b] = wb.at(-1);
    const count = stepsToConverge(valley, rate, mu);
    const { eigenvalues } = valley;
    after.textContent = wb.length > n
      ? `after ${n} steps: w = ${format(w, ".3f")}, b = ${format(b, ".3f")}, loss = ${format(valley.loss(w, b), ".2e")}`
      : `after ${wb.length - 1} steps (w, b) is beyond ${shown(1e6, "g")}: it diverges`;
    converged.textContent =
      count === Infinity ? `it diverges: never within ${tolerance} of the minimum`
      : count === null ? `not within ${tolerance} of the minimum after ${most} steps`
      : `within ${tolerance} of the minimum after ${count} steps`;
    curvature.textContent = `eigenvalues of H ${eigenvalues.map((e) => format(e, ".3f")).join(", ")}, ` +
      `condition number ${format(eigenvalues[1] / eigenvalues[0], ".2f")}`;
    factors.textContent = `without momentum each step multiplies the error along them by ` +
      eigenvalues.map((e) => format(1 - rate * e, ".3f")).join(", ");
    plot.setAttribute("aria-label", `Contours of the loss over w and b${centred.input.checked ? ", inputs centred" : ""}, ` +
      `and ${n} steps from the seeded start with lr ${rate} and momentum ${mu}: ${converged.textContent}`);
    draw(valley, wb, centred.input.checked ? views.centred : views.raw);
  }

  function draw(valley, wb, view) {
    if (!width) return; // not laid out yet: drawn when its width is known
    plot.replaceChildren();
    const [w0, w1] = view.w, [b0, b1] = view.b;
    const left = 44, top = 8, bottom = 36;
    const scale = Math.min((width - left - 8) / (w1 - w0), 420 / (b1 - b0)); // pixels per unit, w and b alike
    const height = top + scale * (b1 - b0) + bottom;
    const plotWidth = left + scale * (w1 - w0) + 8;
    size(plot, plotWidth, height);
    const x = (w) => left + (w - w0) * scale, y = (b) => top + (b1 - b) * scale;
    const clip = svg("clipPath", { id: "book-valley-clip" }, svg("defs", {}, plot));
    svg("rect", { x: left, y: top, width: scale * (w1 - w0), height: scale * (b1 - b0) }, clip);
    const inside = svg("g", { "clip-path": "url(#book-valley-clip)" }, plot);
    // Contours: ellipses around the minimum, their axes along the eigenvectors of H
    const { minimum, eigenvalues, slow } = valley;
    const angle = (-Math.atan2(slow[1], slow[0]) * 180) / Math.PI; // screen y points down
    const lowest = valley.loss(minimum.w, minimum.b);
    for (let k = 0; k < 12; k++) {
      const level = 0.01 * 3000 ** (k / 11); // the figure's levels: 0.01 to 30, evenly on a log scale
      const [r0, r1] = eigenvalues.map((e) => Math.sqrt((2 * (level - lowest)) / e) * scale);
      svg("ellipse", { class: "book-curve", "stroke-width": 0.8, cx: x(minimum.w), cy: y(minimum.b), rx: r0, ry: r1,
        transform: `rotate(${angle} ${x(minimum.w)} ${y(minimum.b)})` }, inside);
    }
    svg("polyline", { class: "book-path", points: wb.map(([w, b]) => `${x(w)},${y(b)}`).join(" ") }, inside);
    svg("path", { class: "book-step book-dots", d: wb.map(([w, b]) => `M${x(w)},${y(b)}h0`).join("") }, inside);
    svg("circle", { class: "book-step", cx: x(wb[0][0]), cy: y(wb[0][1]), r: 4.5 }, inside);
    const star = ticks(0, 9, 1).map((k) => {
      const [radius, turn] = [k % 2 ? 3.5 : 9, (k * Math.PI) / 5];
      return `${x(minimum.w) + radius * Math.sin(turn)},${y(minimum.b) - radius * Math.cos(turn)}`;
    });
    svg("polygon", { class: "book-minimum", points: star.join(" ") }, inside); // the minimum
    axes(plot, { x, y, left, top, bottom: y(b0), right: x(w1), xLabel: "w", yLabel: "b",
      xs: ticks(w0, w1, 0.5), ys: ticks(b0, b1, 0.5) });
  }

  for (const control of [lr.input, momentum.input, nSteps.input, centred.input]) {
    control.addEventListener("input", update);
  }
  return (shownWidth) => {
    width = shownWidth;
    update();
  };
});
