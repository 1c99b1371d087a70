// Chapter 10: the NumPy network's decision boundary, epoch by epoch. The weights after each epoch kept were
// computed in Python at build time (snippets/figure_moons_boundary.py writes them with the samples, and
// hooks/figures.py serves them beside the figure); the forward pass, the loss and the accuracies are
// computed here, as moons_numpy.py computes them. tests/test_explorables.py holds what this prints against
// that program's output and against its functions at the other epochs.
import { axes, choices, element, explorable, format, parts, printedLines, size, svg } from "./common.js";

const url = new URL("../figures/moons_boundary.json", import.meta.url);
let data, K, C; // the samples and weights, hidden units, classes: fetched when the figure is first built
const region = { x: [-1.6, 2.6], y: [-1.1, 1.6] }; // the plane drawn, as in the static figure
const cell = 0.05; // the grid's step, in feature units

function logits(p, x) {
  // h = tanh(x W1 + b1), z = h W2 + b2: W1 is (d, K) and W2 (K, C), row by row
  const h = Array.from({ length: K }, (_, j) => Math.tanh(x[0] * p.W1[j] + x[1] * p.W1[K + j] + p.b1[j]));
  return Array.from({ length: C }, (_, c) => h.reduce((z, hj, j) => z + hj * p.W2[j * C + c], 0) + p.b2[c]);
}

function predicted(z) {
  // The largest logit (the first of a tie, as argmax)
  return z.reduce((best, v, c) => (v > z[best] ? c : best), 0);
}

function scores(p, rows) {
  // Mean cross-entropy and the share classified right, as loss_and_accuracy
  let loss = 0, right = 0;
  for (const i of rows) {
    const z = logits(p, data.X[i]), m = Math.max(...z);
    const e = z.map((v) => Math.exp(v - m)), sum = e.reduce((s, v) => s + v, 0);
    loss -= Math.log(e[data.Y[i]] / sum);
    right += predicted(z) === data.Y[i];
  }
  return { loss: loss / rows.length, accuracy: right / rows.length };
}

explorable("boundary", async (figure) => {
  data = await fetch(url).then((r) => r.json());
  [K, C] = [data.weights[0].b1.length, data.weights[0].b2.length];
  const plot = svg("svg", { role: "img" });
  const epoch = choices("epochs trained", data.epochs, { value: 0, text: String });
  const [printed, line] = printedLines("scores");
  parts(figure, plot, element("div", { class: "book-explorable-controls" }, epoch.control), printed);

  let width = 0;
  function update() {
    const n = epoch.value(), p = data.weights[data.epochs.indexOf(n)];
    const train = scores(p, data.train), val = scores(p, data.val);
    line.textContent = `epoch ${n}: training loss ${format(train.loss, ".4f")}, accuracy ${format(train.accuracy, ".1%")}; `
      + `validation loss ${format(val.loss, ".4f")}, accuracy ${format(val.accuracy, ".1%")}`;
    plot.setAttribute("aria-label", `The plane coloured by the class the network predicts after ${n} epochs, `
      + `with the ${data.train.length} training samples as dots and the ${data.val.length} validation samples as open squares`);
    draw(p);
  }

  function draw(p) {
    if (!width) return; // not laid out yet: drawn when its width is known
    plot.replaceChildren();
    const left = 40, right = 8, top = 8, bottom = 40;
    const scale = (width - left - right) / (region.x[1] - region.x[0]);
    const height = Math.round(top + bottom + scale * (region.y[1] - region.y[0]));
    size(plot, width, height);
    const x = (v) => left + (v - region.x[0]) * scale, y = (v) => top + (region.y[1] - v) * scale;
    // The regions: each row of cells as runs of one predicted class, one path per class
    const columns = Math.round((region.x[1] - region.x[0]) / cell), rows = Math.round((region.y[1] - region.y[0]) / cell);
    const runs = Array.from({ length: C }, () => []);
    for (let r = 0; r < rows; r++) {
      const y1 = region.y[1] - r * cell, centre = y1 - cell / 2;
      let start = 0, last = null;
      for (let c = 0; c <= columns; c++) {
        const k = c < columns ? predicted(logits(p, [region.x[0] + (c + 0.5) * cell, centre])) : null;
        if (k !== last) {
          if (last !== null) {
            const x0 = x(region.x[0] + start * cell), x1 = x(region.x[0] + c * cell);
            runs[last].push(`M${x0.toFixed(1)},${y(y1).toFixed(1)}H${x1.toFixed(1)}V${y(y1 - cell).toFixed(1)}H${x0.toFixed(1)}z`);
          }
          [start, last] = [c, k];
        }
      }
    }
    for (const [k, d] of runs.entries()) if (d.length) svg("path", { class: `book-region book-class${k}`, d: d.join("") }, plot);
    // The samples: training ones as dots, validation ones as open squares, coloured by their class
    for (let k = 0; k < C; k++) {
      const dots = data.train.filter((i) => data.Y[i] === k).map((i) => `M${x(data.X[i][0]).toFixed(1)},${y(data.X[i][1]).toFixed(1)}h0`);
      svg("path", { class: `book-point book-dots book-class${k}`, d: dots.join("") }, plot);
      const side = Math.min(8, 0.08 * scale); // 0.08 feature units, 8 px at most
      const squares = data.val.filter((i) => data.Y[i] === k).map((i) =>
        `M${(x(data.X[i][0]) - side / 2).toFixed(1)},${(y(data.X[i][1]) - side / 2).toFixed(1)}h${side}v${side}h${-side}z`);
      svg("path", { class: `book-point book-square book-class${k}`, d: squares.join("") }, plot);
    }
    axes(plot, { x, y, left, top, right: x(region.x[1]), bottom: y(region.y[0]), xs: [-1, 0, 1, 2], ys: [-1, 0, 1],
      xLabel: "feature 1", yLabel: "feature 2" });
  }

  epoch.input.addEventListener("input", update);
  return (shownWidth) => {
    width = shownWidth;
    update();
  };
});
