/* blocwatch dashboard: the views. Each takes (container, route parameters) and fills the container. */
"use strict";

BW.views = {};

/* One event as a card: who did what to whom, the sentence (a link to it in its article), who says so. */
BW.eventCard = function (event) {
  var label = event.code + (event.label ? " " + event.label : "");
  return BW.h("article", {class: "event-card " + BW.quadClass(event.quad_class), "data-event": event.id},
    BW.h("div", {class: "meta"},
      BW.h("span", {class: "date"}, event.date || "undated"), " · ",
      BW.actorLink(event.source, event.source_name), " → ", event.target ? BW.actorLink(event.target, event.target_name) : "—", " · ",
      BW.h("a", {href: BW.href("/events", {code: event.code}), class: "code", title: "CAMEO " + label}, label), " · ",
      BW.h("span", {class: "quad"}, BW.QUADS[event.quad_class] ? BW.QUADS[event.quad_class].label : ""), " ",
      BW.badges(event)),
    BW.h("a", {class: "sentence", href: BW.href("/event/" + encodeURIComponent(event.id)), lang: event.language || null,
      title: "show this sentence in its article"}, event.sentence),
    BW.h("div", {class: "attr"}, BW.attributionText(event.attribution), " · ",
      BW.h("a", {href: BW.href("/article/" + encodeURIComponent(event.article_id)), lang: event.language || null}, event.article_title || event.article_id)));
};

BW.loading = function (container) {
  BW.clear(container).appendChild(BW.h("p", {class: "muted"}, "Loading…"));
};

BW.views.graph = function (container, params) {
  BW.loading(container);
  return BW.source.get("/api/graph", params).then(function (graph) {
    var blocs = graph.blocs.items;
    var side = BW.h("aside", {class: "side", id: "side"});
    var window_ = {date_from: params.date_from || "", date_to: params.date_to || ""};
    var showEdge = function (edge) { BW.pairPanel(side, edge, window_); };
    var showNode = function (node) { BW.actorPanel(side, node, graph); };
    BW.clear(container).appendChild(BW.h("div", {class: "split"},
      BW.h("section", {class: "graph-area"},
        BW.h("h1", {}, "Who is aligned with whom"),
        BW.h("p", {class: "muted"}, graph.edges.length + " pairs of " + graph.nodes.length + " actors" + (graph.window ? " · " + graph.window : "")),
        BW.source.mode === "server" ? BW.windowForm(params) : null,
        graph.nodes.length ? BW.drawGraph(graph, showEdge, showNode) : BW.h("p", {class: "empty"}, "No events in the store yet: ingest some articles (blocwatch ingest PATH)."),
        BW.graphLegend()),
      side));
    BW.blocPanel(side, blocs, graph);
  });
};

/* From/to dates for the graph: the alignment scores and blocs of that window only. */
BW.windowForm = function (params) {
  var field = function (name, label, placeholder) {
    return BW.h("label", {}, label + " ", BW.h("input", {type: "text", name: name, id: "graph-" + name, value: params[name] || "", placeholder: placeholder}));
  };
  var form = BW.h("form", {class: "filters window"}, field("date_from", "From", "2024-01 or 2024-01-31"), field("date_to", "to", "2024-12"),
    BW.h("button", {type: "submit"}, "Show this window"), params.date_from || params.date_to ? BW.h("a", {href: "#/graph"}, "All dates") : null);
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    location.hash = BW.href("/graph", {date_from: form.elements.date_from.value.trim(), date_to: form.elements.date_to.value.trim()});
  });
  return form;
};

BW.blocPanel = function (side, blocs, graph) {
  BW.clear(side).appendChild(BW.h("h2", {}, "Blocs"));
  if (!blocs.length) side.appendChild(BW.h("p", {class: "muted"}, "No blocs found."));
  blocs.forEach(function (bloc) {
    side.appendChild(BW.h("section", {class: "bloc"},
      BW.h("h3", {}, BW.h("span", {class: "dot", "data-bloc": bloc.id}), bloc.label || ("Bloc " + (bloc.id + 1))),
      BW.h("p", {class: "members"}, bloc.members.map(function (code, i) { return [i ? ", " : "", BW.actorLink(code)]; })),
      (bloc.ties || []).length ? BW.h("ul", {class: "ties"}, bloc.ties.map(BW.tieItem)) : null));
  });
  if ((graph.blocs.oppositions || []).length) {
    side.appendChild(BW.h("section", {class: "bloc"}, BW.h("h3", {}, "Strongest oppositions between blocs"),
      BW.h("ul", {class: "ties"}, graph.blocs.oppositions.map(BW.tieItem))));
  }
  BW.colourDots(side);
  side.appendChild(BW.h("p", {class: "hint"}, "Click an edge of the graph to read the sentences behind it."));
};

BW.colourDots = function (root) {
  Array.prototype.forEach.call(root.querySelectorAll(".dot[data-bloc]"), function (dot) {
    dot.style.background = BW.blocColour(Number(dot.getAttribute("data-bloc")));
  });
};

/* A tie of a bloc: the pair, its score, its events (a link) and its weightiest sentence. */
BW.tieItem = function (tie) {
  var first = (tie.evidence || [])[0];
  return BW.h("li", {}, BW.h("a", {href: BW.href("/pair/" + tie.source + "/" + tie.target)}, tie.source + "–" + tie.target),
    " score " + BW.fmt(tie.score, 2) + " · ", BW.countLink(tie.events + (tie.events === 1 ? " story" : " stories"), {pair: tie.source + "-" + tie.target}),
    first ? BW.h("a", {class: "tie-evidence", href: BW.href("/event/" + encodeURIComponent(first.id)), lang: first.language || null}, first.sentence) : null);
};

/* The side panel for one pair: its score, its counts (links to the events) and its evidence sentences. */
BW.pairPanel = function (side, edge, window_) {
  var pair = edge.source + "-" + edge.target;
  var within = {date_from: (window_ || {}).date_from || "", date_to: (window_ || {}).date_to || ""};
  var facts = BW.h("dl", {class: "facts"},
    BW.h("dt", {}, "alignment score"), BW.h("dd", {}, BW.fmt(edge.score, 2) + " (−1 opposed … +1 aligned)"),
    BW.h("dt", {}, "stories"), BW.h("dd", {}, String(edge.events) + " (copies of one story count once)"));
  BW.clear(side).appendChild(BW.h("h2", {class: "pair-title"}, edge.source + " – " + edge.target));
  side.appendChild(facts);
  side.appendChild(BW.h("p", {}, BW.h("a", {href: BW.href("/pair/" + edge.source + "/" + edge.target), class: "button"}, "Timeline of this pair →")));
  var list = BW.h("div", {class: "evidence-list"}, BW.h("p", {class: "muted"}, "Loading evidence…"));
  side.appendChild(BW.h("h3", {}, "Evidence"));
  side.appendChild(list);
  var counts = [["events", {}], ["cooperation", {quad_class: "1,2"}], ["conflict", {quad_class: "3,4"}]];
  return Promise.all(counts.map(function (c) {
    return BW.source.get("/api/events", Object.assign({pair: pair, limit: c[0] === "events" ? 25 : 1}, within, c[1]));
  })).then(function (pages) {
    counts.forEach(function (c, i) {
      BW.append(facts, [BW.h("dt", {}, c[0]), BW.h("dd", {}, BW.countLink(pages[i].total, Object.assign({pair: pair}, within, c[1])))]);
    });
    BW.clear(list);
    pages[0].items.forEach(function (event) { list.appendChild(BW.eventCard(event)); });
    if (pages[0].total > pages[0].items.length) list.appendChild(BW.h("p", {}, BW.countLink("all " + pages[0].total + " events", Object.assign({pair: pair}, within))));
  });
};

BW.actorPanel = function (side, node, graph) {
  var ties = graph.edges.filter(function (e) { return e.source === node.id || e.target === node.id; });
  ties.sort(function (x, y) { return Math.abs(y.score) - Math.abs(x.score); });
  BW.clear(side).appendChild(BW.h("h2", {}, node.name + " (" + node.id + ")"));
  side.appendChild(BW.h("p", {}, BW.countLink("all events of " + node.id, {actor: node.id})));
  side.appendChild(BW.h("ul", {class: "ties"}, ties.map(function (edge) {
    var other = edge.source === node.id ? edge.target : edge.source;
    return BW.h("li", {}, BW.h("span", {class: "swatch-line", "data-score": edge.score}), " ",
      BW.h("a", {href: "#", onclick: function (ev) { ev.preventDefault(); BW.pairPanel(side, edge); }}, other),
      " score " + BW.fmt(edge.score, 2) + " · ", BW.countLink(edge.events + (edge.events === 1 ? " story" : " stories"), {pair: edge.source + "-" + edge.target}));
  })));
  Array.prototype.forEach.call(side.querySelectorAll(".swatch-line"), function (el) {
    el.style.background = BW.edgeColour(Number(el.getAttribute("data-score")));
  });
};

BW.views.pair = function (container, params) {
  BW.loading(container);
  return BW.source.get("/api/actors").then(function (actors) {
    var a = params.a || "", b = params.b || "";
    var form = BW.pairForm(actors.items, a, b, params.period || "month");
    var chart = BW.h("div", {class: "chart"});
    BW.clear(container).appendChild(BW.h("section", {},
      BW.h("h1", {}, a && b ? "Timeline of " + a + " and " + b : "Timeline of a pair"), form, chart));
    if (!a || !b) {
      chart.appendChild(BW.h("p", {class: "muted"}, "Choose two actors above, or click an edge of the alignment graph."));
      return;
    }
    return BW.source.get("/api/dyads/" + encodeURIComponent(a) + "/" + encodeURIComponent(b), {period: params.period}).then(function (timeline) {
      if (timeline.rows.length) {
        chart.appendChild(BW.drawTimeline(timeline, a, b));
        chart.appendChild(BW.quadLegend());
      } else {
        chart.appendChild(BW.h("p", {class: "empty"}, "No dated events between " + a + " and " + b + ": nothing to draw over time."));
      }
      var list = BW.h("div", {class: "evidence-list"});
      chart.appendChild(BW.h("h2", {}, "Events of this pair"));
      chart.appendChild(list);
      return BW.source.get("/api/events", {pair: a + "-" + b, limit: 50}).then(function (page) {
        if (!page.items.length) list.appendChild(BW.h("p", {class: "muted"}, "No events between " + a + " and " + b + "."));
        page.items.forEach(function (event) { list.appendChild(BW.eventCard(event)); });
        if (page.total > page.items.length) list.appendChild(BW.h("p", {}, BW.countLink("all " + page.total + " events", {pair: a + "-" + b})));
      });
    });
  });
};

BW.actorSelect = function (name, actors, selected, label) {
  return BW.h("label", {}, label, BW.h("select", {name: name},
    BW.h("option", {value: ""}, "—"),
    actors.map(function (actor) {
      return BW.h("option", {value: actor.code, selected: actor.code === selected}, actor.code + " · " + actor.name);
    })));
};

BW.pairForm = function (actors, a, b, period) {
  var form = BW.h("form", {class: "filters"},
    BW.actorSelect("a", actors, a, "Actor "), BW.actorSelect("b", actors, b, "and "),
    BW.h("label", {}, "by ", BW.h("select", {name: "period"}, ["day", "week", "month"].map(function (p) {
      return BW.h("option", {value: p, selected: p === period}, p);
    }))),
    BW.h("button", {type: "submit"}, "Show"));
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    location.hash = BW.href("/pair/" + form.elements.a.value + "/" + form.elements.b.value, {period: form.elements.period.value});
  });
  return form;
};
