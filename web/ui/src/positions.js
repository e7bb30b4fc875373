// positions makes the matrix follow its time slider without a request: each
// cell shows the latest stance on or before the chosen day, from every
// dated stance the server sent ([actor, issue, day index, stance, negative]).
export function positions(table, data) {
  const slider = document.getElementById("t");
  const out = document.getElementById("t-out");
  if (!table || !slider) return;
  const byCell = new Map();
  for (const c of data.cells) {
    const key = c[0] + ":" + c[1];
    if (!byCell.has(key)) byCell.set(key, []);
    byCell.get(key).push(c);
  }
  const cells = table.querySelectorAll("td[data-a]");
  function update() {
    const t = Number(slider.value);
    const day = data.dates[t] || "";
    out.textContent = day;
    slider.setAttribute("aria-valuetext", day);
    for (const td of cells) {
      let best = null;
      for (const c of byCell.get(td.dataset.a + ":" + td.dataset.i) || []) {
        if (c[2] <= t && (!best || c[2] >= best[2])) best = c;
      }
      const a = td.querySelector("a");
      let word = "·";
      const sel = td.classList.contains("sel") ? " sel" : "";
      td.className = sel.trim();
      if (best) {
        word = (best[4] ? "not " : "") + (data.words[best[3]] || best[3]);
        td.className = "stance st-" + best[3] + (best[4] ? " neg" : "") + sel;
      }
      a.textContent = word;
      const u = new URL(a.href);
      u.searchParams.set("t", String(t));
      a.href = u.toString();
    }
  }
  slider.addEventListener("input", update);
}
