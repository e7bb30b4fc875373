// The newsgraph UI's only script: it lays out the network page with
// d3-force and moves the positions matrix along its time slider. Every page
// works without it; data comes from <script type="application/json">
// blocks written by the server, so the Content-Security-Policy needs no
// inline script.
import { network } from "./network.js";
import { positions } from "./positions.js";

function start() {
  const net = document.getElementById("network-data");
  if (net) network(document.getElementById("network"), JSON.parse(net.textContent));
  const pos = document.getElementById("positions-data");
  if (pos) positions(document.getElementById("matrix"), JSON.parse(pos.textContent));
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
