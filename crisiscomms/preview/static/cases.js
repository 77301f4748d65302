// crisiscomms preview, complaint cases: a case's three letters side by side in every language
// and its service-level status. Plain JavaScript like app.js: every text placed with
// textContent, rendered letters in sandboxed frames without scripts, nothing from the network.
"use strict";

(function () {
  const $ = (selector) => document.querySelector(selector);
  let seq = 0;

  const { el } = window.crisiscommsDom;

  async function getJson(url) {
    const response = await fetch(url, { headers: { "Accept": "application/json" } });
    let data = null;
    try { data = await response.json(); } catch (e) { data = { ok: false, error: response.statusText }; }
    return data;
  }

  function notice(text) {
    const box = $("#notice");
    box.replaceChildren(el("span", { text }));
    box.className = "notice error";
    box.hidden = !text;
  }

  function when(iso) { return iso ? iso.replace("T", " ").slice(0, 16) : "–"; }

  function row(label, value, kind) {
    return el("div", { className: "case-fact" + (kind ? " " + kind : "") }, [
      el("span", { className: "case-label", text: label }),
      el("span", { className: "case-value", text: value }),
    ]);
  }

  function drawStatus(view) {
    const s = view.status;
    const ack = s.acknowledged_at
      ? when(s.acknowledged_at) + (s.acknowledge_late_minutes ? " (late by " + s.acknowledge_late_minutes + " min)" : " (on time)")
      : "not made yet" + (s.acknowledge_late_minutes ? " (late by " + s.acknowledge_late_minutes + " min)" : "");
    const next = s.resolved ? "none: resolved"
      : (s.next || "–") + " by " + when(s.next_due) + (s.overdue_minutes ? " (OVERDUE by " + s.overdue_minutes + " min)" : "");
    const facts = [
      el("h2", { text: view.case + " (" + view.language + ")" }),
      row("Acknowledgement due", when(s.acknowledge_due)),
      row("Acknowledged", ack, s.acknowledge_late_minutes ? "late" : "ok"),
      row("Next", next, s.overdue_minutes ? "late" : (s.resolved ? "" : "ok")),
      row("Updates on time", s.updates_on_time + " of " + s.updates, s.updates_on_time < s.updates ? "late" : ""),
      row("Owner", s.owner_changed ? "changed (" + s.other_reps.join(", ") + ")" : "one rep throughout", s.owner_changed ? "late" : "ok"),
    ];
    const list = el("ul", { className: "findings" });
    for (const f of s.findings) {
      list.append(el("li", { className: f.severity }, [
        el("span", { className: "rule", text: f.rule + ": " }), el("span", { text: f.message })]));
    }
    $("#status").replaceChildren(...facts, list);
    $("#status").dataset.late = s.late ? "true" : "false";
  }

  function drawPanel(panel) {
    const box = el("div", { className: "panel" + (panel.error ? " has-error" : ""), lang: panel.language, dir: panel.dir, "data-lang": panel.language });
    box.append(el("div", { className: "panel-head" }, [el("span", { text: panel.language.toUpperCase() })]));
    if (panel.error) {
      box.append(el("p", { className: "error-box", text: panel.error }));
      return box;
    }
    box.append(el("div", { className: "output-body subject", text: panel.subject }));
    box.append(el("pre", { className: "output-body letter-text", text: panel.text }));
    const frame = el("iframe", { className: "rendered", sandbox: true, title: "HTML " + panel.language });
    frame.srcdoc = panel.html;
    box.append(el("details", {}, [el("summary", { text: "HTML" }), frame]));
    return box;
  }

  function drawLetters(view) {
    const rows = view.letters.map((letter) => el("div", { className: "channel case-letter", "data-kind": letter.kind }, [
      el("h3", { text: letter.kind }),
      el("div", { className: "langs" }, letter.panels.map(drawPanel)),
    ]));
    $("#letters").replaceChildren(...rows);
  }

  async function show() {
    const mine = ++seq;
    const params = new URLSearchParams({ source: $("#case").value, now: $("#now").value });
    const view = await getJson("/api/case?" + params.toString());
    if (mine !== seq) return;
    if (!view.ok) {
      notice(view.error || (view.problems || []).map((p) => (p.field ? p.field + ": " : "") + p.message).join("\n"));
      $("#status").replaceChildren();
      $("#letters").replaceChildren();
      return;
    }
    notice("");
    drawStatus(view);
    drawLetters(view);
    document.body.dataset.ready = "true";
  }

  function nowLocal(zone) {
    // The current time in the organisation's zone, as a datetime-local value.
    const parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date());
    const get = (type) => parts.find((p) => p.type === type).value;
    return get("year") + "-" + get("month") + "-" + get("day") + "T" + get("hour") + ":" + get("minute");
  }

  async function start() {
    const meta = await getJson("/api/meta");
    const select = $("#case");
    for (const c of meta.cases || []) select.append(el("option", { value: c.key, text: c.label }));
    const wanted = new URLSearchParams(location.search);
    if (wanted.get("case")) select.value = wanted.get("case");
    if (wanted.get("now")) $("#now").value = wanted.get("now");
    else $("#now").value = nowLocal(meta.time_zone);
    $("#zone").textContent = "times in " + meta.time_zone;
    select.addEventListener("change", show);
    $("#now").addEventListener("change", show);
    $("#now-button").addEventListener("click", () => { $("#now").value = nowLocal(meta.time_zone); show(); });
    if (select.value) await show();
  }

  start();
})();
