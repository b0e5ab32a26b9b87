/* blocwatch dashboard: the event table with its filters, contradictions, shifts and articles. */
"use strict";

BW.EVENT_FILTERS = ["actor", "pair", "code", "root", "quad_class", "plover", "date_from", "date_to", "language", "source", "hedged", "negated", "article"];

BW.views.events = function (container, params) {
  BW.loading(container);
  var limit = Number(params.limit || 50), offset = Number(params.offset || 0);
  return Promise.all([BW.source.get("/api/actors"), BW.source.get("/api/events", Object.assign({}, params, {limit: limit, offset: offset}))]).then(function (answers) {
    var page = answers[1];
    BW.clear(container).appendChild(BW.h("section", {},
      BW.h("h1", {}, "Events"),
      BW.eventFilterForm(answers[0].items, params),
      BW.h("div", {class: "result-bar"},
        BW.h("span", {class: "total", "data-total": page.total}, page.total + " events"),
        BW.downloadLinks(params)),
      page.items.length ? BW.eventTable(page.items) : BW.h("p", {class: "empty"}, "No event matches these filters."),
      BW.pager(params, page)));
  });
};

BW.filterField = function (name, label, control) {
  control.setAttribute("name", name);
  control.setAttribute("id", "filter-" + name);
  return BW.h("div", {class: "field"}, BW.h("label", {for: "filter-" + name}, label), control);
};

BW.choice = function (options, selected) {
  return BW.h("select", {}, options.map(function (o) {
    return BW.h("option", {value: o[0], selected: String(o[0]) === String(selected || "")}, o[1]);
  }));
};

BW.eventFilterForm = function (actors, params) {
  var text = function (name, placeholder, type) {
    return BW.h("input", {type: type || "text", value: params[name] || "", placeholder: placeholder || ""});
  };
  var yesNo = [["", "any"], ["true", "yes"], ["false", "no"]];
  var form = BW.h("form", {class: "filters event-filters"},
    BW.filterField("actor", "Actor", BW.choice([["", "any"]].concat(actors.map(function (a) { return [a.code, a.code + " · " + a.name]; })), params.actor)),
    BW.filterField("pair", "Pair", text("pair", "RUS-PRK")),
    BW.filterField("code", "CAMEO code", text("code", "057")),
    BW.filterField("root", "Root", text("root", "05")),
    BW.filterField("quad_class", "Quad class", BW.choice([["", "any"], ["1", "1 verbal cooperation"], ["2", "2 material cooperation"], ["3", "3 verbal conflict"], ["4", "4 material conflict"], ["1,2", "cooperation"], ["3,4", "conflict"]], params.quad_class)),
    BW.filterField("plover", "PLOVER type", text("plover", "AGREE")),
    BW.filterField("date_from", "From (date)", text("date_from", "2024-01-31 or 2024-01")),
    BW.filterField("date_to", "To (date)", text("date_to", "2024-12-31 or 2024-12")),
    BW.filterField("language", "Language", BW.choice([["", "any"], ["en", "English"], ["ru", "Russian"]], params.language)),
    BW.filterField("source", "Source", text("source", "Financial Times")),
    BW.filterField("hedged", "Hedged", BW.choice(yesNo, params.hedged)),
    BW.filterField("negated", "Negated", BW.choice(yesNo, params.negated)),
    BW.h("input", {type: "hidden", name: "article", value: params.article || ""}),
    BW.h("div", {class: "field buttons"}, BW.h("button", {type: "submit"}, "Filter"), BW.h("a", {href: "#/events", class: "reset"}, "Clear")));
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var values = {};
    BW.EVENT_FILTERS.forEach(function (name) { if (form.elements[name]) values[name] = form.elements[name].value.trim(); });
    location.hash = BW.href("/events", values);
  });
  return form;
};

BW.downloadLinks = function (params) {
  var filters = {};
  BW.EVENT_FILTERS.forEach(function (name) { if (params[name]) filters[name] = params[name]; });
  var csv = BW.source.downloadHref(filters, "csv");
  if (!csv) return null;
  return BW.h("span", {class: "downloads"}, "Download: ",
    BW.h("a", {href: csv, download: "events.csv"}, "CSV"), " · ",
    BW.h("a", {href: BW.source.downloadHref(filters, "jsonl"), download: "events.jsonl"}, "JSONL"));
};

BW.eventTable = function (events) {
  return BW.h("table", {class: "events"},
    BW.h("thead", {}, BW.h("tr", {}, ["Date", "Who", "Whom", "Event", "Sentence (click for the article)", "Says who"].map(function (t) { return BW.h("th", {}, t); }))),
    BW.h("tbody", {}, events.map(function (e) {
      return BW.h("tr", {class: BW.quadClass(e.quad_class), "data-event": e.id},
        BW.h("td", {class: "nowrap"}, e.date || "—"),
        BW.h("td", {}, BW.actorLink(e.source, e.source_name)),
        BW.h("td", {}, e.target ? BW.actorLink(e.target, e.target_name) : "—"),
        BW.h("td", {}, BW.h("a", {href: BW.href("/events", {code: e.code})}, e.code), " ", BW.h("span", {class: "muted"}, e.label || ""), BW.h("div", {}, BW.badges(e))),
        BW.h("td", {}, BW.h("a", {class: "sentence", href: BW.href("/event/" + encodeURIComponent(e.id)), lang: e.language || null}, e.sentence)),
        BW.h("td", {class: "small"}, e.attribution && e.attribution.length ? e.attribution.join(" → ") : "the article"));
    })));
};

BW.pager = function (params, page) {
  if (page.total <= page.limit) return null;
  var link = function (offset, label) { return BW.h("a", {href: BW.href("/events", Object.assign({}, params, {offset: offset})), class: "button"}, label); };
  return BW.h("nav", {class: "pager"},
    page.offset > 0 ? link(Math.max(page.offset - page.limit, 0), "← previous") : null,
    " " + (page.offset + 1) + "–" + Math.min(page.offset + page.limit, page.total) + " of " + page.total + " ",
    page.offset + page.limit < page.total ? link(page.offset + page.limit, "next →") : null);
};

BW.views.contradictions = function (container) {
  BW.loading(container);
  return BW.source.get("/api/contradictions").then(function (answer) {
    BW.clear(container).appendChild(BW.h("h1", {}, "Contradictions"));
    container.appendChild(BW.h("p", {class: "muted"}, "Claims about the same pair in the same period that point opposite ways, from different sources, side by side."));
    if (!answer.items.length) container.appendChild(BW.h("p", {class: "empty"}, "No contradicting claims found."));
    answer.items.forEach(function (item) {
      container.appendChild(BW.h("section", {class: "contradiction"},
        BW.h("h2", {}, BW.h("a", {href: BW.href("/pair/" + item.a + "/" + item.b)}, item.a + " – " + item.b), " ",
          BW.h("span", {class: "muted"}, [item.period, item.kind].filter(Boolean).join(" · "))),
        BW.h("div", {class: "sides"},
          BW.h("div", {class: "side-a"}, item.left.map(BW.eventCard)),
          BW.h("div", {class: "versus"}, "vs"),
          BW.h("div", {class: "side-b"}, item.right.map(BW.eventCard)))));
    });
  });
};

BW.views.shifts = function (container) {
  BW.loading(container);
  return BW.source.get("/api/shifts").then(function (answer) {
    BW.clear(container).appendChild(BW.h("h1", {}, "Shifts"));
    container.appendChild(BW.h("p", {class: "muted"}, answer.periods ?
      "Pairs whose alignment score moved most from " + answer.periods.before + " to " + answer.periods.after + " (score from −1 conflict to +1 cooperation)." :
      "Pairs whose alignment moved most between two periods."));
    if (!answer.items.length) { container.appendChild(BW.h("p", {class: "empty"}, "No shifts: the store needs events in two periods.")); return; }
    container.appendChild(BW.h("table", {class: "shifts"},
      BW.h("thead", {}, BW.h("tr", {}, ["Pair", "Before", "After", "Change", "Events", "The event that weighs most"].map(function (t) { return BW.h("th", {}, t); }))),
      BW.h("tbody", {}, answer.items.map(function (s) {
        return BW.h("tr", {},
          BW.h("td", {}, BW.h("a", {href: BW.href("/pair/" + s.a + "/" + s.b)}, s.a + " – " + s.b)),
          BW.h("td", {}, BW.fmt(s.before, 2)), BW.h("td", {}, BW.fmt(s.after, 2)),
          BW.h("td", {class: s.change >= 0 ? "up" : "down"}, (s.change >= 0 ? "▲ +" : "▼ ") + BW.fmt(s.change, 2)),
          BW.h("td", {}, BW.countLink(s.events, {pair: s.a + "-" + s.b, date_from: s.from, date_to: s.to})),
          BW.h("td", {}, (s.evidence || []).slice(0, 1).map(function (e) {
            return BW.h("a", {class: "sentence", href: BW.href("/event/" + encodeURIComponent(e.id)), lang: e.language || null}, e.sentence);
          })));
      }))));
  });
};

BW.views.articles = function (container, params) {
  BW.loading(container);
  return Promise.all([BW.source.get("/api/articles", {limit: 200, offset: params.offset}), BW.source.get("/api/clusters")]).then(function (answers) {
    var page = answers[0];
    BW.clear(container).appendChild(BW.h("h1", {}, "Articles"));
    container.appendChild(BW.h("table", {class: "articles"},
      BW.h("thead", {}, BW.h("tr", {}, ["Published", "Title", "Site", "Language", "Events", "Story"].map(function (t) { return BW.h("th", {}, t); }))),
      BW.h("tbody", {}, page.items.map(function (a) {
        return BW.h("tr", {"data-article": a.id},
          BW.h("td", {class: "nowrap"}, a.published || "—"),
          BW.h("td", {}, BW.h("a", {href: BW.href("/article/" + encodeURIComponent(a.id)), lang: a.language || null}, a.title || a.id)),
          BW.h("td", {}, a.site || ""), BW.h("td", {}, a.language || ""),
          BW.h("td", {}, BW.countLink(a.events || 0, {article: a.id})),
          BW.h("td", {class: "small"}, a.cluster ? "story " + a.cluster + (a.cluster_size > 1 ? " (" + a.cluster_size + " copies)" : "") : ""));
      }))));
    BW.clusterList(container, answers[1].items);
  });
};

BW.clusterList = function (container, clusters) {
  var shared = clusters.filter(function (c) { return c.articles.length > 1; });
  container.appendChild(BW.h("h2", {}, "Stories told by several articles"));
  if (!shared.length) { container.appendChild(BW.h("p", {class: "muted"}, "Every article tells its own story: no near-duplicates or syndicated copies.")); return; }
  container.appendChild(BW.h("ul", {class: "clusters"}, shared.map(function (c) {
    return BW.h("li", {}, "story " + c.id + ": " + c.articles.length + " articles from " + c.sources + " sources: ",
      c.articles.map(function (a, i) { return [i ? "; " : "", BW.h("a", {href: BW.href("/article/" + encodeURIComponent(a.id))}, a.title || a.id)]; }));
  })));
};

BW.views.actors = function (container) {
  BW.loading(container);
  return BW.source.get("/api/actors").then(function (answer) {
    BW.clear(container).appendChild(BW.h("h1", {}, "Actors"));
    container.appendChild(BW.h("table", {class: "actors"},
      BW.h("thead", {}, BW.h("tr", {}, ["Code", "Name", "Kind", "Mentions", "Articles", "Events"].map(function (t) { return BW.h("th", {}, t); }))),
      BW.h("tbody", {}, answer.items.map(function (a) {
        return BW.h("tr", {"data-actor": a.code},
          BW.h("td", {}, BW.actorLink(a.code, a.name)), BW.h("td", {}, a.name || ""), BW.h("td", {}, a.kind || ""),
          BW.h("td", {}, String(a.mentions)), BW.h("td", {}, String(a.articles)),
          BW.h("td", {}, BW.countLink(a.events, {actor: a.code})));
      }))));
  });
};
