/* blocwatch dashboard: the evidence view (one event's sentence in its article, with the actor,
 * verb and attribution spans highlighted) and the article view (text, mentions, cleaning record). */
"use strict";

/* The text split at every span boundary; each piece carries the classes of the spans covering it. */
BW.segments = function (text, spans) {
  var cuts = [0, text.length];
  spans.forEach(function (s) { cuts.push(Math.max(0, Math.min(s.start, text.length)), Math.max(0, Math.min(s.end, text.length))); });
  cuts = cuts.filter(function (v, i, all) { return all.indexOf(v) === i; }).sort(function (a, b) { return a - b; });
  var pieces = [];
  for (var i = 0; i + 1 < cuts.length; i++) {
    var start = cuts[i], end = cuts[i + 1];
    var covering = spans.filter(function (s) { return s.start <= start && s.end >= end && s.end > s.start; });
    pieces.push({start: start, end: end, spans: covering});
  }
  return pieces;
};

/* The text as DOM nodes: plain text nodes, and <mark>s for the highlighted pieces. */
BW.highlighted = function (text, spans, language) {
  var box = BW.h("div", {class: "article-text", lang: language || null});
  BW.segments(text, spans).forEach(function (piece) {
    var value = text.slice(piece.start, piece.end);
    if (!piece.spans.length) { box.appendChild(document.createTextNode(value)); return; }
    var classes = piece.spans.map(function (s) { return s.cls; }).join(" ");
    var titles = piece.spans.map(function (s) { return s.title; }).filter(Boolean).join("; ");
    var link = piece.spans.filter(function (s) { return s.href; })[0];
    box.appendChild(link ? BW.h("a", {class: "mark " + classes, title: titles || null, href: link.href}, value)
      : BW.h("mark", {class: classes, title: titles || null}, value));
  });
  return box;
};

BW.span = function (span, cls, title) {
  return span ? {start: span.start, end: span.end, cls: cls, title: title} : null;
};

BW.views.event = function (container, params) {
  BW.loading(container);
  return BW.source.get("/api/events/" + encodeURIComponent(params.id)).then(function (event) {
    return BW.source.get("/api/articles/" + encodeURIComponent(event.article_id)).then(function (article) {
      BW.renderEvidence(container, event, article);
    });
  });
};

BW.renderEvidence = function (container, event, article) {
  var spans = [BW.span(event, "in-sentence", "the evidence sentence"),
    BW.span(event.source_span, "hl-source", "who: " + event.source),
    BW.span(event.target_span, "hl-target", "to whom: " + (event.target || "—")),
    BW.span(event.verb, "hl-verb", "what: " + event.code + (event.label ? " " + event.label : ""))]
    .concat((event.attribution_spans || []).map(function (s) { return BW.span(s, "hl-attr", "who says so"); }))
    .filter(Boolean);
  var text = BW.highlighted(article.text, spans, article.language);
  BW.clear(container).appendChild(BW.h("div", {class: "split evidence"},
    BW.h("section", {class: "article-pane"},
      BW.h("h1", {lang: article.language || null}, article.title || article.id),
      BW.articleMeta(article),
      BW.highlightLegend(),
      text),
    BW.h("aside", {class: "side"}, BW.eventFacts(event))));
  var first = text.querySelector(".in-sentence");
  if (first) {
    first.id = "evidence-sentence";
    first.scrollIntoView({block: "center"});
  }
};

BW.eventFacts = function (event) {
  var fact = function (label, value) { return [BW.h("dt", {}, label), BW.h("dd", {}, value)]; };
  return BW.h("div", {class: "event-facts"},
    BW.h("h2", {}, BW.actorLink(event.source, event.source_name), " → ", event.target ? BW.actorLink(event.target, event.target_name) : "—"),
    BW.h("blockquote", {class: "quote", lang: event.language || null}, event.sentence),
    BW.h("dl", {class: "facts"},
      fact("event", [BW.h("a", {href: BW.href("/events", {code: event.code})}, event.code), " ", event.label || ""]),
      fact("quad class", BW.QUADS[event.quad_class] ? BW.QUADS[event.quad_class].label : String(event.quad_class)),
      fact("Goldstein", BW.fmt(event.goldstein, 1)),
      fact("PLOVER", event.plover || "—"),
      fact("date", (event.date || "undated") + (event.date_from_publication ? " (publication date)" : "")),
      fact("says who", BW.attributionChain(event.attribution)),
      fact("hedged", event.hedged ? "yes: the claim is hedged" : "no"),
      fact("negated", event.negated ? "yes: negated or denied" : "no"),
      fact("mode", event.mode || "asserted"),
      event.pattern ? fact("pattern", BW.h("code", {}, event.pattern)) : null),
    event.target ? BW.h("p", {}, BW.h("a", {class: "button", href: BW.href("/pair/" + event.source + "/" + event.target)}, "Timeline of " + event.source + " and " + event.target + " →")) : null);
};

BW.attributionChain = function (chain) {
  if (!chain || !chain.length) return "the article asserts it itself";
  return BW.h("ol", {class: "chain"}, chain.map(function (name, i) {
    return BW.h("li", {}, name, i === 0 ? " (reports)" : " (cited by " + chain[i - 1] + ")");
  }));
};

BW.highlightLegend = function () {
  return BW.h("p", {class: "legend inline hl-legend"},
    BW.h("mark", {class: "in-sentence"}, "evidence sentence"), " ",
    BW.h("mark", {class: "hl-source"}, "who"), " ",
    BW.h("mark", {class: "hl-verb"}, "did what"), " ",
    BW.h("mark", {class: "hl-target"}, "to whom"), " ",
    BW.h("mark", {class: "hl-attr"}, "says who"));
};

BW.articleMeta = function (article) {
  return BW.h("p", {class: "muted article-meta"},
    [article.published, article.site, article.author, article.language ? "language: " + article.language : null].filter(Boolean).join(" · "),
    article.url ? [" · ", BW.h("a", {href: article.url, rel: "noopener noreferrer", target: "_blank"}, "original")] : null,
    " · ", BW.h("a", {href: BW.href("/article/" + encodeURIComponent(article.id))}, "whole article"));
};

BW.views.article = function (container, params) {
  BW.loading(container);
  return BW.source.get("/api/articles/" + encodeURIComponent(params.id)).then(function (article) {
    var spans = (article.mentions || []).filter(function (m) { return m.code; }).map(function (m) {
      return {start: m.start, end: m.end, cls: "mention kind-" + m.kind, title: m.name + " (" + m.code + ")"};
    }).concat((article.events || []).map(function (e) {
      return {start: e.start, end: e.end, cls: "event-sentence", title: e.source + " → " + (e.target || "—") + " " + e.code, href: BW.href("/event/" + encodeURIComponent(e.id))};
    }));
    BW.clear(container).appendChild(BW.h("div", {class: "split"},
      BW.h("section", {class: "article-pane"},
        BW.h("h1", {lang: article.language || null}, article.title || article.id),
        BW.articleMeta(article),
        BW.h("p", {class: "legend inline hl-legend"}, BW.h("mark", {class: "mention"}, "actor mention"), " ",
          BW.h("span", {class: "mark event-sentence"}, "sentence with an event (click it)")),
        BW.highlighted(article.text, spans, article.language),
        BW.removalList(article.removals || [])),
      BW.h("aside", {class: "side"}, BW.h("h2", {}, BW.plural((article.events || []).length, "event")),
        (article.events || []).map(BW.eventCard))));
  });
};

BW.removalList = function (removals) {
  return BW.h("details", {class: "removals"},
    BW.h("summary", {}, "Cleaning record: " + removals.length + " passages removed"),
    removals.length ? BW.h("table", {}, BW.h("thead", {}, BW.h("tr", {}, BW.h("th", {}, "rule"), BW.h("th", {}, "why"), BW.h("th", {}, "removed text"))),
      BW.h("tbody", {}, removals.map(function (r) {
        return BW.h("tr", {}, BW.h("td", {}, r.rule), BW.h("td", {}, r.reason), BW.h("td", {class: "removed"}, r.text));
      }))) : BW.h("p", {class: "muted"}, "Nothing was removed."));
};
