/* blocwatch dashboard: where the data comes from.
 * Served by `blocwatch serve`, every view asks the HTTP API; in the self-contained report
 * (`blocwatch report --html`) the same paths are answered from the JSON embedded in the file. */
"use strict";

BW.HttpSource = function () {
  this.mode = "server";
};

BW.HttpSource.prototype.get = function (path, params) {
  var query = BW.query(params);
  return fetch(path + (query ? "?" + query : ""), {headers: {Accept: "application/json"}}).then(function (response) {
    return response.json().catch(function () { return {}; }).then(function (body) {
      if (!response.ok) {
        var message = (body && body.error) || ("the server answered " + response.status);
        throw new Error(message);
      }
      return body;
    });
  });
};

BW.HttpSource.prototype.downloadHref = function (params, format) {
  var copy = Object.assign({}, params, {format: format, limit: 100000});
  delete copy.offset;
  return "/api/events?" + BW.query(copy);
};

/* Answers API paths from the data embedded in the report file. */
BW.EmbeddedSource = function (data) {
  this.mode = "report";
  this.data = data;
  this.byArticle = {};
  var self = this;
  data.articles.forEach(function (article) { self.byArticle[article.id] = article; });
};

BW.EmbeddedSource.prototype.get = function (path, params) {
  var self = this;
  return new Promise(function (resolve, reject) {
    try { resolve(self.answer(path, params || {})); } catch (error) { reject(error); }
  });
};

BW.EmbeddedSource.prototype.downloadHref = function () {
  return null;
};

BW.EmbeddedSource.prototype.answer = function (path, params) {
  var d = this.data;
  var parts = path.replace(/^\/api\//, "").split("/").map(decodeURIComponent);
  switch (parts[0]) {
    case "summary": return d.summary;
    case "actors": return {items: d.actors};
    case "graph": return d.graph;
    case "blocs": return d.graph.blocs;
    case "shifts": return d.shifts;
    case "contradictions": return d.contradictions;
    case "clusters": return {items: d.clusters};
    case "articles": return parts[1] ? this.article(parts[1]) : this.page(d.articles.map(BW.articleSummary), params);
    case "events": return parts[1] ? this.event(parts[1]) : this.page(BW.filterEvents(d.events, params), params);
    case "dyads": return this.dyad(parts[1], parts[2]);
  }
  throw new Error("this report does not contain " + path);
};

BW.EmbeddedSource.prototype.page = function (items, params) {
  var limit = Number(params.limit || 50), offset = Number(params.offset || 0);
  return {total: items.length, limit: limit, offset: offset, items: items.slice(offset, offset + limit)};
};

BW.EmbeddedSource.prototype.article = function (id) {
  var article = this.byArticle[id];
  if (!article) throw new Error("no article " + id + " in this report");
  var events = this.data.events.filter(function (e) { return e.article_id === id; });
  return Object.assign({}, article, {events: events});
};

BW.EmbeddedSource.prototype.event = function (id) {
  var found = this.data.events.filter(function (e) { return String(e.id) === String(id); })[0];
  if (!found) throw new Error("no event " + id + " in this report");
  return found;
};

BW.EmbeddedSource.prototype.dyad = function (a, b) {
  var key = [a, b].sort().join("|");
  var timeline = this.data.dyads[key];
  if (!timeline) throw new Error("this report has no timeline for " + a + "–" + b + "; the pairs it has are in the graph");
  return timeline;
};

BW.articleSummary = function (article) {
  var copy = Object.assign({}, article);
  delete copy.text; delete copy.removals; delete copy.mentions;
  return copy;
};

/* The event filters of GET /api/events, applied in the browser (report mode only). */
BW.filterEvents = function (events, p) {
  var pair = p.pair ? String(p.pair).toUpperCase().split(/[-,]/) : null;
  var codes = p.code ? String(p.code).split(",") : null;
  return events.filter(function (e) {
    if (p.actor && e.source !== p.actor && e.target !== p.actor) return false;
    if (pair && !((e.source === pair[0] && e.target === pair[1]) || (e.source === pair[1] && e.target === pair[0]))) return false;
    if (codes && codes.indexOf(e.code) < 0) return false;
    if (p.root && e.root !== p.root) return false;
    if (p.quad_class && String(e.quad_class) !== String(p.quad_class)) return false;
    if (p.plover && e.plover !== p.plover) return false;
    if (p.language && e.language !== p.language) return false;
    if (p.source && (e.attribution || []).concat([e.site || ""]).join("|").toLowerCase().indexOf(String(p.source).toLowerCase()) < 0) return false;
    if (p.article && e.article_id !== p.article) return false;
    if (p.hedged && String(e.hedged) !== String(p.hedged)) return false;
    if (p.negated && String(e.negated) !== String(p.negated)) return false;
    // Like the server: the event's resolved day, compared at the precision of the bound (2024, 2024-06, 2024-06-19).
    var day = e.event_date || e.date;
    if (p.date_from && (!day || day.slice(0, p.date_from.length) < p.date_from)) return false;
    if (p.date_to && (!day || day.slice(0, p.date_to.length) > p.date_to)) return false;
    return true;
  });
};
