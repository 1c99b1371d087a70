// Chapter 7: backward() one node at a time, on a small graph. Value is the chapter's engine
// (snippets/engine_value.py), operation for operation, with backward() cut into steps;
// tests/test_explorables.py holds every step against the engine in Python.
import { button, element, explorable, format, numberInput, parts, size, svg } from "./common.js";

class Value {
  constructor(data, inputs = [], op = "", localGrads = () => []) {
    this.data = data;
    this.grad = 0; // d output / d this: filled in by backward()
    this.inputs = inputs; // the Values this one was computed from
    this.op = op;
    this.localGrads = localGrads; // d this / d input, one per input
  }

  static of(x) {
    return x instanceof Value ? x : new Value(x);
  }

  add(other) { // d(a + b)/da = 1, d(a + b)/db = 1
    other = Value.of(other);
    return new Value(this.data + other.data, [this, other], "+", () => [1, 1]);
  }

  mul(other) { // d(a b)/da = b, d(a b)/db = a
    other = Value.of(other);
    return new Value(this.data * other.data, [this, other], "*", () => [other.data, this.data]);
  }

  pow(n) { // d(a^n)/da = n a^(n-1)
    return new Value(this.data ** n, [this], `**${n}`, () => [n * this.data ** (n - 1)]);
  }

  exp() { // d(e^a)/da = e^a
    const e = Math.exp(this.data);
    return new Value(e, [this], "exp", () => [e]);
  }

  tanh() { // d tanh(a)/da = 1 - tanh(a)^2
    const t = Math.tanh(this.data);
    return new Value(t, [this], "tanh", () => [1 - t ** 2]);
  }

  relu() { // max(a, 0): slope 1 where a > 0, else 0
    const positive = this.data > 0;
    return new Value(positive ? this.data : 0, [this], "relu", () => [positive ? 1 : 0]);
  }

  neg() { return this.mul(-1); }
  sub(other) { return this.add(other instanceof Value ? other.neg() : -other); }
  div(other) { return this.mul(other instanceof Value ? other.pow(-1) : other ** -1); }

  * backward() {
    // Python's backward(), pausing after setting self.grad and after each node
    const order = [], seen = new Set();
    const visit = (node) => {
      if (!seen.has(node)) {
        seen.add(node);
        for (const x of [...node.inputs].reverse()) visit(x); // inputs last to first
        order.push(node);
      }
    };
    visit(this);
    this.grad = 1; // d self / d self
    yield { order };
    for (const node of [...order].reverse()) { // outputs before the inputs they used
      const locals = node.localGrads();
      node.inputs.forEach((x, i) => {
        x.grad += locals[i] * node.grad; // chain rule; += sums the forks
      });
      yield { order, node, locals };
    }
  }
}

const named = (name, value) => Object.assign(value, { name });

// The chapter's expressions (fork and shared: "The engine against PyTorch"; gates: "The gate patterns")
const expressions = {
  fork: {
    text: "fork: f = a · b + a",
    inputs: { a: 1.5, b: 0.5 },
    build: ({ a, b }) => named("f", named("ab", a.mul(b)).add(a)),
    place: { a: [0, 0], b: [0, 1], ab: [1, 1], f: [2, 0.5] }, // [column, row]
  },
  shared: {
    text: "shared: c = a · b − 1, f = tanh(c) · c + exp(c) / 2",
    inputs: { a: 1.5, b: 0.5 },
    build: ({ a, b }) => {
      const c = named("c", named("ab", a.mul(b)).sub(1));
      const tc = named("tc", named("t", c.tanh()).mul(c));
      return named("f", tc.add(named("h", named("e", c.exp()).div(2))));
    },
    place: { a: [0, 0], b: [0, 1], ab: [1, 0.5], "\u22121": [1, 1.5], c: [2, 1], t: [3, 0], e: [3, 2], "0.5": [3, 3],
      tc: [4, 0.5], h: [4, 2.5], f: [5, 1.5] }, // a constant by its number
  },
  gates: {
    text: "gates: L = (a + b) · c + relu(d)",
    inputs: { a: 3, b: -1, c: -2, d: -1 },
    build: ({ a, b, c, d }) => named("L", named("p", named("s", a.add(b)).mul(c)).add(named("r", d.relu()))),
    place: { a: [0, 0], b: [0, 1], c: [0, 2], d: [0, 3], s: [1, 0.5], r: [1, 3], p: [2, 1.25], L: [3, 2.1] },
  },
};

const number = (x) => format(x, ".4g").replaceAll("-", "\u2212"); // as Value's repr prints, minus drawn

function label(node) {
  // "s = a + b", "r = relu(d)", "a"; a constant is its number
  const ins = node.inputs.map((x) => x.name ?? (x.data < 0 ? `(${number(x.data)})` : number(x.data)));
  if (!ins.length) return node.name ?? number(node.data);
  const formula = node.op === "+" ? `${ins[0]} + ${ins[1]}` : node.op === "*" ? `${ins[0]} · ${ins[1]}`
    : node.op.startsWith("**") ? `${ins[0]}^${number(Number(node.op.slice(2)))}` : `${node.op}(${ins[0]})`;
  return node.name === undefined ? formula : `${node.name} = ${formula}`;
}

explorable("backward", (figure) => {
  const choice = element("select", {});
  for (const [name, { text }] of Object.entries(expressions)) choice.append(element("option", { value: name }, text));
  const expressionControl = element("div", { class: "book-explorable-control" },
    element("label", { for: "book-backward-expression" }, "expression"), choice);
  choice.id = "book-backward-expression";
  const inputsArea = element("div", { class: "book-explorable-controls" });
  const [step, back, again] = [button("Step"), button("Step back"), button("Start again")];
  const plot = svg("svg", { role: "img" });
  const printed = element("div", { class: "book-explorable-printed" });
  const said = printed.appendChild(element("p", { "data-printed": "step", "aria-live": "polite" }));
  const order = element("ol", { class: "book-explorable-order" });
  const orderTitle = element("p", { class: "book-explorable-order" }, "The nodes in the order backward() visits them:");
  parts(figure, element("div", { class: "book-explorable-controls" }, expressionControl), inputsArea, plot,
    element("div", { class: "book-explorable-buttons" }, step, back, again), printed, orderTitle, order);

  let inputs = {}, state = 0, width = 0;

  function choose() {
    inputs = {};
    inputsArea.replaceChildren();
    for (const [name, value] of Object.entries(expressions[choice.value].inputs)) {
      const { control, input } = numberInput(`input <var>${name}</var>`, value);
      input.addEventListener("input", () => Number.isFinite(input.valueAsNumber) && go(0));
      inputs[name] = input;
      inputsArea.append(control);
    }
    go(0);
  }

  function go(to) {
    // Build the graph afresh and run backward() up to step `to`: 0 is before it, 1 after self.grad = 1
    const values = Object.fromEntries(Object.entries(inputs).map(([name, input]) => [name, named(name, new Value(input.valueAsNumber))]));
    const output = expressions[choice.value].build(values);
    const steps = output.backward();
    let now = { order: [] };
    for (let k = 0; k < to; k++) now = steps.next().value;
    const all = now.order.length ? now.order : topological(output);
    state = to;
    step.disabled = to > all.length;
    back.disabled = to === 0;
    describe(output, now, all);
    draw(all, now);
  }

  function topological(output) {
    const steps = output.backward();
    const { order: all } = steps.next().value;
    for (const node of all) node.grad = 0; // only the order was wanted
    return all;
  }

  function describe(output, { node, locals }, all) {
    const total = all.length + 1;
    if (state === 0) said.textContent = `step 0 of ${total}: every .grad is 0; backward() starts with ${output.name}.grad = 1`;
    else if (!node) said.textContent = `step 1 of ${total}: ${output.name}.grad = 1, the gradient of ${output.name} with respect to itself`;
    else if (!node.inputs.length) said.textContent = `step ${state} of ${total}: ${label(node)} is an input: nothing to pass on, its .grad ${number(node.grad)} is complete`;
    else {
      said.textContent = `step ${state} of ${total}: ${label(node)} passes on its .grad ${number(node.grad)}: ` +
        node.inputs.map((x, i) => `${x.name ?? number(x.data)}.grad += ${number(locals[i])} · ${number(node.grad)} → ${number(x.grad)}`).join(", ");
    }
    order.replaceChildren(...[...all].reverse().map((n) => {
      const item = element("li", {}, label(n));
      if (n === node) item.setAttribute("aria-current", "step");
      return item;
    }));
  }

  function draw(all, { node: current, locals }) {
    if (!width) return; // not laid out yet: drawn when its width is known
    // The expression's places: columns left to right, or on a phone top to bottom
    plot.replaceChildren();
    const places = expressions[choice.value].place;
    const where = (node) => places[node.name ?? number(node.data)];
    const columns = 1 + Math.max(...all.map((n) => where(n)[0])), rows = 1 + Math.max(...all.map((n) => where(n)[1]));
    const across = width >= columns * 120;
    const boxHeight = 56, boxWidth = across ? 108 : Math.min(108, (width - 8) / rows - 6);
    const [gapX, gapY] = across ? [(width - boxWidth) / (columns - 1), 72] : [(width - boxWidth) / (rows - 1), 92];
    const place = (node) => {
      const [column, row] = where(node);
      return across ? [boxWidth / 2 + column * gapX, 4 + boxHeight / 2 + row * gapY]
        : [boxWidth / 2 + row * gapX, 4 + boxHeight / 2 + column * gapY];
    };
    const height = 8 + boxHeight + (across ? (rows - 1) * gapY : (columns - 1) * gapY);
    size(plot, width, height);
    plot.style.fontSize = across ? "" : "12px";
    plot.setAttribute("aria-label", `The graph of ${choice.selectedOptions[0].textContent}, each node with its value and .grad`);
    const defs = svg("defs", {}, plot);
    for (const now of ["", "current"]) { // arrowheads: the forward direction, each input into its node
      const marker = svg("marker", { id: `book-arrow${now}`, viewBox: "0 0 10 10", refX: 10, refY: 5,
        markerWidth: 6, markerHeight: 6, orient: "auto" }, defs);
      svg("path", { class: now ? "book-edge book-current" : "book-edge", d: "M0,0L10,5L0,10z" }, marker);
    }
    for (const node of all) { // edges first, under the boxes, with the local gradients of the current step
      node.inputs.forEach((x) => {
        const [[x0, y0], [x1, y1]] = [place(x), place(node)];
        const [from, to] = across ? [[x0 + boxWidth / 2, y0], [x1 - boxWidth / 2, y1]] : [[x0, y0 + boxHeight / 2], [x1, y1 - boxHeight / 2]];
        const now = node === current ? "current" : "";
        svg("line", { class: now ? "book-edge book-current" : "book-edge", "marker-end": `url(#book-arrow${now})`,
          x1: from[0], y1: from[1], x2: to[0], y2: to[1] }, plot);
      });
    }
    for (const node of all) {
      const [x, y] = place(node);
      const g = svg("g", { "data-order": all.indexOf(node), class: node === current ? "book-current" : "" }, plot);
      svg("rect", { class: "book-node", x: x - boxWidth / 2, y: y - boxHeight / 2, width: boxWidth, height: boxHeight, rx: 6 }, g);
      svg("text", { "data-label": "", x, y: y - 10, "text-anchor": "middle" }, g, label(node));
      svg("text", { "data-value": "", x, y: y + 6, "text-anchor": "middle" }, g, `= ${number(node.data)}`);
      svg("text", { class: "book-grad", "data-grad": "", x, y: y + 22, "text-anchor": "middle" }, g, `grad ${number(node.grad)}`);
    }
    current?.inputs.forEach((x, i) => { // the local gradients of this step, on its edges, over the boxes
      const [[x0, y0], [x1, y1]] = [place(x), place(current)];
      svg("text", { class: "book-grad book-local", "data-local": i, x: (x0 + x1) / 2, y: (y0 + y1) / 2 + 4, "text-anchor": "middle" },
        plot, `× ${number(locals[i])}`);
    });
  }

  choice.addEventListener("change", choose);
  step.addEventListener("click", () => go(state + 1));
  back.addEventListener("click", () => go(state - 1));
  again.addEventListener("click", () => go(0));
  choose();
  return (shownWidth) => {
    width = shownWidth;
    go(state);
  };
});
