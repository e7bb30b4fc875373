import { forceSimulation, forceLink, forceManyBody, forceCenter, forceCollide, forceX, forceY } from "d3-force";

const SVG = "http://www.w3.org/2000/svg";

function el(name, attrs, parent) {
  const e = document.createElementNS(SVG, name);
  for (const k in attrs) e.setAttribute(k, attrs[k]);
  if (parent) parent.appendChild(e);
  return e;
}

// network draws the actors as nodes and the merged events between them as
// directed, coloured edges. The layout runs to the end before anything is
// drawn (no animation), and the result is fitted to the SVG's fixed
// viewBox, so the page does not move.
export function network(svg, data) {
  if (!svg || !data.nodes.length) {
    const ph = svg && svg.querySelector(".placeholder");
    if (ph) ph.textContent = "No edge in this window.";
    return;
  }
  const vb = svg.viewBox.baseVal;
  const W = vb.width, H = vb.height;
  const nodes = data.nodes.map((n) => ({ ...n }));
  const links = data.links.map((l) => ({ ...l }));
  const maxW = Math.max(...nodes.map((n) => n.weight));
  const radius = (n) => 5 + 13 * Math.sqrt(n.weight / maxW);
  const sim = forceSimulation(nodes)
    .force("link", forceLink(links).id((d) => d.id).distance(110).strength(0.5))
    .force("charge", forceManyBody().strength(-360).distanceMax(320))
    .force("center", forceCenter(W / 2, H / 2))
    .force("x", forceX(W / 2).strength(0.07 * H / W))
    .force("y", forceY(H / 2).strength(0.1))
    .force("collide", forceCollide().radius((d) => radius(d) + 8 + Math.min(d.name.length, 24) * 2.2).strength(0.9))
    .stop();
  const n = Math.ceil(Math.log(sim.alphaMin()) / Math.log(1 - sim.alphaDecay()));
  for (let i = 0; i < n; i++) sim.tick();

  // Fit the layout into the drawing, keeping its proportions.
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const d of nodes) {
    x0 = Math.min(x0, d.x); y0 = Math.min(y0, d.y);
    x1 = Math.max(x1, d.x); y1 = Math.max(y1, d.y);
  }
  const pad = 60;
  const k = Math.min((W - 2 * pad) / Math.max(x1 - x0, 1), (H - 2 * pad) / Math.max(y1 - y0, 1), 1.6);
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  for (const d of nodes) {
    d.x = W / 2 + (d.x - cx) * k;
    d.y = H / 2 + (d.y - cy) * k;
  }

  svg.textContent = "";
  const defs = el("defs", {}, svg);
  const types = [...new Set(links.map((l) => l.type))];
  for (const t of types) {
    const m = el("marker", { id: "arrow-" + t, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 11, markerHeight: 11, markerUnits: "userSpaceOnUse", orient: "auto" }, defs);
    el("path", { d: "M0,0L10,5L0,10z", class: "t-" + t }, m);
  }
  const maxC = Math.max(...links.map((l) => l.count));
  // Parallel edges between one pair bend apart.
  const pairs = new Map();
  for (const l of links) {
    const key = [l.source.id, l.target.id].sort().join("|");
    const list = pairs.get(key) || [];
    list.push(l);
    pairs.set(key, list);
  }
  const gl = el("g", { class: "links" }, svg);
  for (const list of pairs.values()) {
    list.forEach((l, i) => {
      const s = l.source, t = l.target;
      const dx = t.x - s.x, dy = t.y - s.y;
      const len = Math.hypot(dx, dy) || 1;
      const ux = dx / len, uy = dy / len;
      // Bend: the first edge straight when alone, otherwise spread.
      const flip = s.id < t.id ? 1 : -1;
      const bend = list.length === 1 ? 0 : (i - (list.length - 1) / 2) * 28 * flip;
      const rs = radius(s) + 2, rt = radius(t) + 4;
      const sx = s.x + ux * rs, sy = s.y + uy * rs;
      const tx = t.x - ux * rt, ty = t.y - uy * rt;
      const mx = (sx + tx) / 2 - uy * bend, my = (sy + ty) / 2 + ux * bend;
      const a = el("a", { href: l.href }, gl);
      el("title", {}, a).textContent = `${s.name} ${l.type} ${t.name}: ${l.count} merged event${l.count === 1 ? "" : "s"}`;
      el("path", {
        d: `M${sx.toFixed(1)},${sy.toFixed(1)}Q${mx.toFixed(1)},${my.toFixed(1)} ${tx.toFixed(1)},${ty.toFixed(1)}`,
        class: "edge t-" + l.type,
        "stroke-width": (1.5 + 4.5 * Math.sqrt(l.count / maxC)).toFixed(2),
        "marker-end": `url(#arrow-${l.type})`,
      }, a);
    });
  }
  const gn = el("g", { class: "nodes" }, svg);
  for (const d of nodes) {
    const a = el("a", { href: d.href, class: "node ty-" + d.type }, gn);
    el("title", {}, a).textContent = `${d.name} (${d.type}): ${d.weight} event ends`;
    el("circle", { cx: d.x.toFixed(1), cy: d.y.toFixed(1), r: radius(d).toFixed(1) }, a);
    const label = el("text", { x: d.x.toFixed(1), y: (d.y + radius(d) + 13).toFixed(1), "text-anchor": "middle" }, a);
    label.textContent = d.name;
  }
}
