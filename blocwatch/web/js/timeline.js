/* blocwatch dashboard: the timeline of one pair as stacked bars by quad class.
 * Every bar segment is a link to the events it counts. */
"use strict";

BW.QUAD_COLOURS = {1: "#8fd19e", 2: "#1b7f3b", 3: "#f4a259", 4: "#b3261e"};

BW.drawTimeline = function (timeline, a, b) {
  var rows = timeline.rows || [];
  var width = 900, height = 300, left = 44, bottom = 52, top = 16;
  var maxCount = Math.max.apply(null, [1].concat(rows.map(function (r) { return r.events; })));
  var slot = (width - left - 10) / Math.max(rows.length, 1);
  var barWidth = Math.min(slot * 0.7, 60);
  var y = function (count) { return top + (height - top - bottom) * (1 - count / maxCount); };
  var svg = BW.s("svg", {viewBox: "0 0 " + width + " " + height, class: "timeline", role: "img", "aria-label": "events of " + a + " and " + b + " over time"});
  BW.timelineAxis(svg, maxCount, y, left, width);
  rows.forEach(function (row, i) {
    var x = left + i * slot + (slot - barWidth) / 2, base = 0;
    [1, 2, 3, 4].forEach(function (quad) {
      var count = row["q" + quad] || 0;
      if (!count) return;
      var params = {pair: a + "-" + b, quad_class: quad, date_from: row.start, date_to: row.end};
      var label = row.period + ": " + count + " " + BW.QUADS[quad].label + " events";
      svg.appendChild(BW.s("a", {href: BW.href("/events", params), class: "bar", "aria-label": label},
        BW.s("title", {}, label),
        BW.s("rect", {x: x, width: barWidth, y: y(base + count), height: y(base) - y(base + count), fill: BW.QUAD_COLOURS[quad]})));
      base += count;
    });
    svg.appendChild(BW.s("a", {href: BW.href("/events", {pair: a + "-" + b, date_from: row.start, date_to: row.end}), class: "bar-total"},
      BW.s("text", {x: x + barWidth / 2, y: y(base) - 4, "text-anchor": "middle"}, String(row.events))));
    svg.appendChild(BW.s("text", {x: x + barWidth / 2, y: height - bottom + 16, "text-anchor": "middle", class: "tick"}, row.period));
    svg.appendChild(BW.s("text", {x: x + barWidth / 2, y: height - bottom + 32, "text-anchor": "middle", class: "tick goldstein"},
      "G " + BW.fmt(row.goldstein_mean, 1)));
  });
  return svg;
};

BW.timelineAxis = function (svg, maxCount, y, left, width) {
  var step = Math.max(1, Math.ceil(maxCount / 5));
  for (var value = 0; value <= maxCount; value += step) {
    svg.appendChild(BW.s("line", {x1: left, x2: width - 10, y1: y(value), y2: y(value), class: "grid"}));
    svg.appendChild(BW.s("text", {x: left - 6, y: y(value) + 4, "text-anchor": "end", class: "tick"}, String(value)));
  }
};

BW.quadLegend = function () {
  return BW.h("ul", {class: "legend inline"}, [1, 2, 3, 4].map(function (quad) {
    return BW.h("li", {}, BW.h("span", {class: "swatch " + BW.quadClass(quad)}), " " + BW.QUADS[quad].label);
  }).concat([BW.h("li", {}, "G: mean Goldstein value (−10 conflict … +10 cooperation)")]));
};
