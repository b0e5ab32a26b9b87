/* blocwatch dashboard: the router (hash routes, so every view has a link) and start-up. */
"use strict";

/* "#/pair/RUS/PRK?period=week" -> {view: "pair", params: {a: "RUS", b: "PRK", period: "week"}} */
BW.parseRoute = function (hash) {
  var text = (hash || "").replace(/^#/, "") || "/graph";
  var question = text.indexOf("?");
  var path = question < 0 ? text : text.slice(0, question);
  var params = {};
  if (question >= 0) {
    text.slice(question + 1).split("&").forEach(function (part) {
      if (!part) return;
      var eq = part.indexOf("=");
      var key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
      params[key] = eq < 0 ? "" : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, " "));
    });
  }
  var parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  var view = parts[0] || "graph";
  if (view === "pair") { params.a = parts[1] || ""; params.b = parts[2] || ""; }
  if (view === "event" || view === "article") params.id = parts.slice(1).join("/");
  return {view: view, params: params};
};

BW.TAB_OF = {event: "events", article: "articles"};

BW.render = function () {
  var hash = location.hash;
  var route = BW.parseRoute(hash);
  var view = BW.views[route.view];
  var container = document.getElementById("view");
  BW.hideBanner();
  Array.prototype.forEach.call(document.querySelectorAll(".tabs a"), function (tab) {
    tab.classList.toggle("active", tab.getAttribute("data-view") === (BW.TAB_OF[route.view] || route.view));
  });
  if (!view) { BW.showBanner("There is no view called " + route.view + "; showing the graph."); view = BW.views.graph; }
  document.body.setAttribute("data-loading", "true");
  Promise.resolve(view(container, route.params)).catch(function (error) {
    BW.clear(container);
    BW.showBanner(error.message || String(error));
  }).then(function () {
    if (location.hash !== hash) return;  // a newer route is rendering
    document.body.setAttribute("data-loading", "false");
    document.body.setAttribute("data-view", route.view);
    document.body.setAttribute("data-route", hash);
  });
};

BW.showBanner = function (message) {
  var banner = document.getElementById("banner");
  banner.textContent = message;
  banner.hidden = false;
};

BW.hideBanner = function () {
  document.getElementById("banner").hidden = true;
};

BW.renderStats = function () {
  return BW.source.get("/api/summary").then(function (summary) {
    var stats = BW.clear(document.getElementById("stats"));
    BW.append(stats, [
      BW.h("a", {href: "#/articles"}, summary.articles + " articles"), " · ",
      BW.countLink(summary.events + " events", {}), " · ",
      BW.h("a", {href: "#/actors"}, summary.actors + " actors"),
      summary.first_date ? " · " + summary.first_date + " – " + summary.last_date : ""]);
    var mode = document.getElementById("foot-mode");
    mode.textContent = BW.source.mode === "report" ? "Report generated " + (summary.generated || "") + " from " + (summary.db || "a blocwatch store") + "." : "Live from " + (summary.db || "the store") + ".";
  });
};

BW.start = function () {
  var embedded = document.getElementById("blocwatch-data");
  BW.source = embedded ? new BW.EmbeddedSource(JSON.parse(embedded.textContent)) : new BW.HttpSource();
  if (embedded) {
    var docs = document.getElementById("docs-link");
    if (docs) docs.parentNode.removeChild(docs);
  }
  window.addEventListener("hashchange", BW.render);
  BW.renderStats().catch(function (error) { BW.showBanner(error.message); });
  BW.render();
};

document.addEventListener("DOMContentLoaded", BW.start);
