/* blocwatch dashboard: the signed alignment graph as SVG.
 * Nodes are actors, edges are pairs coloured by their alignment score (green cooperation,
 * red conflict), blocs are drawn as shaded hulls. The layout is a small deterministic
 * force simulation, so the same store always gives the same picture. */
"use strict";

BW.BLOC_COLOURS = ["#3b6fb6", "#c0504d", "#8064a2", "#4bacc6", "#f79646", "#9bbb59", "#7f7f7f"];

BW.edgeColour = function (score) {
  if (score > 0.05) return score > 1 ? "#1b7f3b" : "#4caf6e";
  if (score < -0.05) return score < -1 ? "#b3261e" : "#e0645c";
  return "#9e9e9e";
};

BW.blocColour = function (index) {
  if (index === null || index === undefined || index < 0) return "#b0b0b0";
  return BW.BLOC_COLOURS[index % BW.BLOC_COLOURS.length];
};

/* Positions for the nodes: each bloc starts around its own point of a circle, then springs
 * (strong for cooperative pairs, weak for the others), repulsion, a pull toward the bloc's centre and gravity settle them. */
BW.layout = function (nodes, edges, width, height) {
  var byId = {}, blocIds = [];
  nodes.forEach(function (n) {
    var bloc = n.bloc === null || n.bloc === undefined ? -1 : n.bloc;
    if (blocIds.indexOf(bloc) < 0) blocIds.push(bloc);
  });
  blocIds.sort(function (a, b) { return a - b; });
  var seen = {};
  nodes.forEach(function (n) {
    var bloc = n.bloc === null || n.bloc === undefined ? -1 : n.bloc;
    var slot = blocIds.indexOf(bloc), count = seen[bloc] = (seen[bloc] || 0) + 1;
    var centre = (2 * Math.PI * slot) / blocIds.length + Math.PI;
    var cx = width / 2 + Math.cos(centre) * width * 0.28, cy = height / 2 + Math.sin(centre) * height * 0.28;
    byId[n.id] = {id: n.id, bloc: bloc, x: cx + Math.cos(count * 2.4) * 40 * Math.sqrt(count), y: cy + Math.sin(count * 2.4) * 40 * Math.sqrt(count), dx: 0, dy: 0};
  });
  var points = Object.keys(byId).map(function (id) { return byId[id]; });
  var k = Math.sqrt((width * height) / Math.max(points.length, 1)) * 0.5;
  for (var step = 0; step < 300; step++) {
    BW.layoutStep(points, edges, byId, k, width, height, 1 - step / 300);
  }
  return byId;
};

BW.layoutStep = function (points, edges, byId, k, width, height, heat) {
  var centres = {};
  points.forEach(function (p) {
    p.dx = 0; p.dy = 0;
    var c = centres[p.bloc] = centres[p.bloc] || {x: 0, y: 0, n: 0};
    c.x += p.x; c.y += p.y; c.n += 1;
  });
  for (var i = 0; i < points.length; i++) {
    for (var j = i + 1; j < points.length; j++) {
      var a = points[i], b = points[j];
      var dx = a.x - b.x, dy = a.y - b.y, d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
      var force = (k * k) / d;
      a.dx += (dx / d) * force; a.dy += (dy / d) * force;
      b.dx -= (dx / d) * force; b.dy -= (dy / d) * force;
    }
  }
  edges.forEach(function (e) {
    var a = byId[e.source], b = byId[e.target];
    if (!a || !b) return;
    // Every tie keeps its actors in view; cooperative ties pull harder, so allies sit together.
    var dx = a.x - b.x, dy = a.y - b.y, d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
    var pull = (d * d) / k * (e.score > 0 ? Math.min(0.4 + e.score, 1) : 0.12);
    a.dx -= (dx / d) * pull; a.dy -= (dy / d) * pull;
    b.dx += (dx / d) * pull; b.dy += (dy / d) * pull;
  });
  points.forEach(function (p) {
    var c = centres[p.bloc];
    if (p.bloc >= 0 && c.n > 1) { p.dx += (c.x / c.n - p.x) * 0.6; p.dy += (c.y / c.n - p.y) * 0.6; }
    p.dx += (width / 2 - p.x) * 0.12; p.dy += (height / 2 - p.y) * 0.12;
    var length = Math.max(Math.sqrt(p.dx * p.dx + p.dy * p.dy), 1), limit = 30 * heat + 1;
    p.x += (p.dx / length) * Math.min(length, limit);
    p.y += (p.dy / length) * Math.min(length, limit);
  });
};

/* Push apart nodes closer than `gap` (after scaling), so circles and labels do not overlap. */
BW.separate = function (byId, gap, width, height, margin) {
  var points = Object.keys(byId).map(function (id) { return byId[id]; });
  for (var round = 0; round < 80; round++) {
    var moved = false;
    for (var i = 0; i < points.length; i++) {
      for (var j = i + 1; j < points.length; j++) {
        var a = points[i], b = points[j];
        var dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy);
        if (d >= gap) continue;
        if (d < 0.01) { dx = 1; dy = 0.5; d = 1.1; }
        var push = (gap - d) / 2;
        a.x -= (dx / d) * push; a.y -= (dy / d) * push; b.x += (dx / d) * push; b.y += (dy / d) * push;
        moved = true;
      }
    }
    points.forEach(function (p) {
      p.x = Math.min(Math.max(p.x, margin), width - margin);
      p.y = Math.min(Math.max(p.y, margin), height - margin);
    });
    if (!moved) break;
  }
};

/* Stretch positions over the drawing area (each axis on its own), leaving room for labels. */
BW.fit = function (byId, width, height, margin) {
  var ids = Object.keys(byId);
  if (!ids.length) return;
  var xs = ids.map(function (id) { return byId[id].x; }), ys = ids.map(function (id) { return byId[id].y; });
  var minX = Math.min.apply(null, xs), maxX = Math.max.apply(null, xs);
  var minY = Math.min.apply(null, ys), maxY = Math.max.apply(null, ys);
  var scaleX = Math.min((width - 2 * margin) / Math.max(maxX - minX, 1), 3);
  var scaleY = Math.min((height - 2 * margin) / Math.max(maxY - minY, 1), 3);
  ids.forEach(function (id) {
    var p = byId[id];
    p.x = margin + (p.x - minX) * scaleX + (width - 2 * margin - (maxX - minX) * scaleX) / 2;
    p.y = margin + (p.y - minY) * scaleY + (height - 2 * margin - (maxY - minY) * scaleY) / 2;
  });
};

/* Convex hull (monotone chain) of points padded by a circle around each node. */
BW.hull = function (points, pad) {
  var cloud = [];
  points.forEach(function (p) {
    for (var a = 0; a < 16; a++) cloud.push([p.x + pad * Math.cos(a * Math.PI / 8), p.y + pad * Math.sin(a * Math.PI / 8)]);
  });
  cloud.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
  var cross = function (o, a, b) { return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]); };
  var lower = [], upper = [];
  cloud.forEach(function (p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  });
  cloud.slice().reverse().forEach(function (p) {
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  });
  return lower.slice(0, -1).concat(upper.slice(0, -1));
};

/* The graph's SVG; onEdge(edge) and onNode(node) are called on click or Enter. */
BW.drawGraph = function (graph, onEdge, onNode) {
  var width = 900, height = 620;
  var maxEvents = Math.max.apply(null, [1].concat(graph.edges.map(function (e) { return e.events; })));
  var byId = BW.layout(graph.nodes, graph.edges, width, height);
  BW.fit(byId, width, height, 70);
  BW.separate(byId, 120, width, height, 50);
  var svg = BW.s("svg", {viewBox: "0 0 " + width + " " + height, class: "graph", role: "img", "aria-label": "alignment graph"});
  BW.drawHulls(svg, graph, byId);
  // Weak ties first, so the strongest lie on top where lines cross.
  graph.edges.slice().sort(function (x, y) { return Math.abs(x.score) - Math.abs(y.score); }).forEach(function (edge) {
    var a = byId[edge.source], b = byId[edge.target];
    if (!a || !b) return;
    var activate = function () { onEdge(edge); };
    var label = edge.source + "–" + edge.target + ": score " + BW.fmt(edge.score, 2) + ", " + edge.events + " stories";
    svg.appendChild(BW.s("g", {class: "edge", "data-edge": edge.source + "-" + edge.target, tabindex: 0, role: "button", "aria-label": label,
        onclick: activate, onkeydown: function (ev) { if (ev.key === "Enter") activate(); }},
      BW.s("title", {}, label),
      BW.s("line", {x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: "edge-hit"}),
      BW.s("line", {x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: "edge-line", stroke: BW.edgeColour(edge.score),
        "stroke-width": 1.5 + 6 * Math.sqrt(edge.events / maxEvents), "stroke-dasharray": edge.score < -0.05 ? "7 4" : null})));
  });
  graph.nodes.forEach(function (node) {
    var p = byId[node.id];
    var radius = 9 + 4 * Math.sqrt(node.events || 1);
    var activate = function () { onNode(node); };
    svg.appendChild(BW.s("g", {class: "node", "data-node": node.id, transform: "translate(" + p.x + "," + p.y + ")", tabindex: 0, role: "button",
        "aria-label": node.name + " (" + node.id + ")", onclick: activate, onkeydown: function (ev) { if (ev.key === "Enter") activate(); }},
      BW.s("title", {}, node.name + " (" + node.id + "): " + (node.events || 0) + " stories with other actors"),
      BW.s("circle", {r: Math.min(radius, 26), fill: BW.blocColour(node.bloc)}),
      BW.s("text", {class: "node-code", "text-anchor": "middle", dy: "0.35em"}, node.id),
      BW.s("text", {class: "node-name", "text-anchor": "middle", y: Math.min(radius, 26) + 14}, node.name)));
  });
  return svg;
};

BW.drawHulls = function (svg, graph, byId) {
  var groups = {};
  graph.nodes.forEach(function (n) {
    if (n.bloc === null || n.bloc === undefined || n.bloc < 0) return;
    (groups[n.bloc] = groups[n.bloc] || []).push(byId[n.id]);
  });
  Object.keys(groups).forEach(function (bloc) {
    if (groups[bloc].length < 2) return;
    var points = BW.hull(groups[bloc], 34).map(function (p) { return p[0].toFixed(1) + "," + p[1].toFixed(1); }).join(" ");
    svg.appendChild(BW.s("polygon", {points: points, class: "bloc-hull", fill: BW.blocColour(Number(bloc)), stroke: BW.blocColour(Number(bloc))}));
  });
};

BW.graphLegend = function () {
  var item = function (cls, colour, text, dashed) {
    return BW.h("li", {}, BW.s("svg", {width: 34, height: 12, class: "legend-swatch"},
      BW.s("line", {x1: 2, y1: 6, x2: 32, y2: 6, stroke: colour, "stroke-width": cls, "stroke-dasharray": dashed ? "7 4" : null})), " " + text);
  };
  return BW.h("ul", {class: "legend", "aria-label": "legend"},
    item(5, "#1b7f3b", "strong cooperation (aligned)"),
    item(3, "#4caf6e", "cooperation"),
    item(3, "#9e9e9e", "mixed or neutral"),
    item(3, "#e0645c", "conflict", true),
    item(5, "#b3261e", "strong conflict (opposed)", true),
    BW.h("li", {}, "Line width: number of stories (copies of one story count once). Shaded areas and node colours: blocs. Click an edge or an actor for the evidence."));
};
