/* blocwatch dashboard: DOM helpers.
 * Every piece of article text or metadata goes into the page as a text node (never innerHTML),
 * so an article containing a script tag or an "onerror=" attribute shows up as those characters. */
"use strict";
var BW = window.BW || {};
window.BW = BW;

BW.SVG_NS = "http://www.w3.org/2000/svg";

/* Append children (strings become text nodes, null/false are skipped, arrays are flattened). */
BW.append = function (parent, children) {
  children.forEach(function (child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { BW.append(parent, child); return; }
    if (typeof child === "string" || typeof child === "number") {
      parent.appendChild(document.createTextNode(String(child)));
      return;
    }
    parent.appendChild(child);
  });
  return parent;
};

/* Set attributes; functions under on* become listeners, everything else a plain attribute. */
BW.setAttrs = function (node, attrs) {
  Object.keys(attrs || {}).forEach(function (key) {
    var value = attrs[key];
    if (value === null || value === undefined || value === false) return;
    if (key.slice(0, 2) === "on" && typeof value === "function") {
      node.addEventListener(key.slice(2), value);
    } else if (key === "text") {
      node.textContent = String(value);
    } else {
      node.setAttribute(key, value === true ? "" : String(value));
    }
  });
  return node;
};

/* An HTML element: BW.h("a", {href: "#/x"}, "label", child). */
BW.h = function (tag, attrs) {
  var node = BW.setAttrs(document.createElement(tag), attrs);
  return BW.append(node, Array.prototype.slice.call(arguments, 2));
};

/* An SVG element. */
BW.s = function (tag, attrs) {
  var node = BW.setAttrs(document.createElementNS(BW.SVG_NS, tag), attrs);
  return BW.append(node, Array.prototype.slice.call(arguments, 2));
};

BW.clear = function (node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
};

/* A hash link built from a route and query parameters (empty values left out). */
BW.href = function (route, params) {
  var query = BW.query(params);
  return "#" + route + (query ? "?" + query : "");
};

BW.query = function (params) {
  var parts = [];
  Object.keys(params || {}).forEach(function (key) {
    var value = params[key];
    if (value === null || value === undefined || value === "") return;
    parts.push(encodeURIComponent(key) + "=" + encodeURIComponent(value));
  });
  return parts.join("&");
};

BW.QUADS = {
  1: {label: "verbal cooperation", short: "verbal coop."},
  2: {label: "material cooperation", short: "material coop."},
  3: {label: "verbal conflict", short: "verbal conflict"},
  4: {label: "material conflict", short: "material conflict"}
};

BW.fmt = function (value, digits) {
  if (value === null || value === undefined || isNaN(value)) return "–";
  return Number(value).toFixed(digits === undefined ? 1 : digits);
};

/* A count as a link to the events behind it. */
BW.countLink = function (count, params, title) {
  return BW.h("a", {href: BW.href("/events", params), class: "count", title: title || "show these events"}, String(count));
};

BW.actorLink = function (code, name) {
  return BW.h("a", {href: BW.href("/events", {actor: code}), class: "actor", title: (name || code) + ": all events"}, code || "?");
};

/* Who says so, outermost reporter first, as "A → B → claim". */
BW.attributionText = function (chain) {
  if (!chain || !chain.length) return "asserted by the article itself";
  return "according to " + chain.join(" → citing ");
};

BW.badges = function (event) {
  var out = [];
  if (event.hedged) out.push(BW.h("span", {class: "badge hedged", title: "hedged: alleged, reportedly, may ..."}, "hedged"));
  if (event.negated) out.push(BW.h("span", {class: "badge negated", title: "negated or denied"}, "negated"));
  if (event.mode && event.mode !== "asserted") out.push(BW.h("span", {class: "badge mode"}, event.mode));
  if (event.attribution && event.attribution.length) out.push(BW.h("span", {class: "badge attributed"}, "attributed"));
  return out;
};

BW.plural = function (count, noun) {
  return count + " " + noun + (count === 1 ? "" : "s");
};

BW.quadClass = function (quad) {
  return "q" + quad;
};
