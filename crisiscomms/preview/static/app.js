// crisiscomms preview page: plain JavaScript, no framework, no build step, nothing from the
// network but this server. Every text from an incident or a template is placed with
// textContent (never innerHTML); rendered HTML channels go into sandboxed frames without
// scripts.
"use strict";

(function () {
  const state = {
    meta: null,          // /api/meta: form layout, sources, time zone
    source: null,        // key of the open incident
    saveable: false,
    version: null,       // content hash of the file as loaded or last saved
    seenFileVersion: null,
    languages: [],       // [{code, direction}] shown in the form
    rows: {},            // list section path -> row count
    seq: 0,              // render requests, newest wins
    timer: null,
    templatesStamp: null,
    panels: new Map(),   // "lang/channel" -> panel parts
    layoutKey: "",
    label: "",
    dirty: false,        // edited since loaded or saved
    historyId: null,     // the incident id whose statements the history shows
    journalSeq: null,    // its latest statement's seq, as last shown
  };

  const $ = (selector, root) => (root || document).querySelector(selector);

  const { el } = window.crisiscommsDom;

  async function api(method, url, body) {
    const options = { method, headers: { "Accept": "application/json" } };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    const response = await fetch(url, options);
    let data = null;
    try { data = await response.json(); } catch (e) { data = { ok: false, error: response.statusText }; }
    return { status: response.status, data };
  }

  // ---------------------------------------------------------------- notices

  function notice(kind, text, action) {
    const box = $("#notice");
    box.replaceChildren(el("span", { text }));
    box.className = "notice " + kind;
    box.dataset.kind = kind;
    if (action) {
      const button = el("button", { type: "button", text: action.label });
      button.addEventListener("click", action.run);
      box.append(button);
    }
    box.hidden = false;
  }

  function clearNotice() { $("#notice").hidden = true; }

  // ---------------------------------------------------------------- the form

  function controlId(name) { return "f-" + name.replace(/[^A-Za-z0-9_-]/g, "_"); }

  function fieldNames(section, field, prefix) {
    const base = prefix + field.name;
    if (field.type !== "localized") return [base];
    return state.languages.map((lang) => base + "." + lang.code);
  }

  function makeInput(field, name, value, lang) {
    let input;
    if (field.type === "select") {
      input = el("select", { name });
      if (!field.required) input.append(el("option", { value: "", text: "(none)" }));
      for (const option of field.options || []) input.append(el("option", { value: option, text: option }));
    } else if (field.type === "localized" && field.multiline) {
      input = el("textarea", { name, rows: 3 });
    } else {
      const type = { datetime: "datetime-local", date: "date", integer: "number" }[field.type] || "text";
      input = el("input", { name, type, min: field.min, max: field.max, step: field.type === "integer" ? 1 : null });
    }
    if (lang) {
      input.setAttribute("lang", lang.code);
      input.setAttribute("dir", lang.direction);
    }
    input.id = controlId(name);
    input.value = value || "";
    return input;
  }

  function fieldBlock(section, field, prefix, values) {
    const path = prefix + field.name;
    if (field.type === "localized") {
      const block = el("div", { className: "field localized", "data-path": path }, [
        el("span", { className: "label", text: field.label }),
      ]);
      for (const lang of state.languages) {
        const name = path + "." + lang.code;
        const input = makeInput(field, name, values[name], lang);
        input.setAttribute("aria-label", field.label + " (" + lang.code + ")");
        block.append(el("div", { className: "lang-control", "data-field": name }, [
          el("label", { className: "lang-tag", for: input.id, text: lang.code }),
          el("div", {}, [input, el("div", { className: "field-error", "data-error-for": name })]),
        ]));
      }
      return block;
    }
    const input = makeInput(field, path, values[path]);
    let control = input;
    if (field.now) {
      const button = el("button", { type: "button", className: "now", text: "now",
        title: "Set to the current time in " + state.meta.time_zone });
      button.addEventListener("click", () => { input.value = nowLocal(); scheduleRender(); });
      control = el("div", { className: "with-button" }, [input, button]);
    }
    return el("div", { className: "field", "data-field": path, "data-path": path }, [
      el("label", { for: input.id, text: field.label }),
      control,
      el("div", { className: "field-error", "data-error-for": path }),
    ]);
  }

  function nowLocal() {
    // The current time in the organisation's zone, as a datetime-local value.
    const parts = {};
    const format = new Intl.DateTimeFormat("en-CA", {
      timeZone: state.meta.time_zone, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    });
    for (const part of format.formatToParts(new Date())) parts[part.type] = part.value;
    return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
  }

  function buildForm(values) {
    const form = $("#incident-form");
    form.replaceChildren(el("ul", { className: "form-problems", id: "form-problems", "aria-live": "polite" }));
    for (const section of state.meta.form.sections) {
      const fieldset = el("fieldset", { "data-path": section.path || null }, [
        el("legend", { text: section.title }),
      ]);
      if (section.times) {
        fieldset.append(el("p", { className: "hint",
          text: "Times are in " + state.meta.time_zone + "; empty means not set." }));
      }
      if (section.list) {
        const count = state.rows[section.path] || 0;
        for (let i = 0; i < count; i++) {
          const prefix = `${section.path}[${i}].`;
          const remove = el("button", { type: "button", className: "remove-row",
            text: "remove", "aria-label": `Remove ${section.item} ${i + 1}` });
          remove.disabled = count <= (section.min || 0);
          remove.addEventListener("click", () => removeRow(section.path, i));
          const row = el("div", { className: "row", "data-path": `${section.path}[${i}]` }, [
            el("div", { className: "row-head" }, [el("span", { text: `${section.item} ${i + 1}` }), remove]),
          ]);
          for (const field of section.fields) row.append(fieldBlock(section, field, prefix, values));
          fieldset.append(row);
        }
        const add = el("button", { type: "button", className: "add-row", text: "add " + section.item.toLowerCase() });
        add.addEventListener("click", () => addRow(section.path));
        fieldset.append(add);
      } else {
        for (const field of section.fields) fieldset.append(fieldBlock(section, field, "", values));
      }
      form.append(fieldset);
    }
  }

  function collect() {
    const fields = {};
    for (const control of $("#incident-form").querySelectorAll("[name]")) {
      fields[control.name] = control.value;
    }
    return fields;
  }

  function rowsFrom(fields) {
    const rows = {};
    for (const section of state.meta.form.sections) {
      if (!section.list) continue;
      let count = section.min || 0;
      const pattern = new RegExp("^" + section.path + "\\[(\\d+)\\]\\.");
      for (const name of Object.keys(fields)) {
        const match = pattern.exec(name);
        if (match) count = Math.max(count, Number(match[1]) + 1);
      }
      rows[section.path] = count;
    }
    return rows;
  }

  function addRow(path) {
    const values = collect();
    state.rows[path] = (state.rows[path] || 0) + 1;
    buildForm(values);
    scheduleRender();
  }

  function removeRow(path, index) {
    // Close the gap: rows after the removed one move up by one.
    const values = collect();
    const moved = {};
    const pattern = new RegExp("^" + path + "\\[(\\d+)\\]\\.(.*)$");
    for (const [name, value] of Object.entries(values)) {
      const match = pattern.exec(name);
      if (!match) { moved[name] = value; continue; }
      const i = Number(match[1]);
      if (i === index) continue;
      moved[`${path}[${i > index ? i - 1 : i}].${match[2]}`] = value;
    }
    state.rows[path] -= 1;
    buildForm(moved);
    scheduleRender();
  }

  function showProblems(problems) {
    const form = $("#incident-form");
    for (const box of form.querySelectorAll(".field-error")) box.textContent = "";
    for (const control of form.querySelectorAll(".invalid")) {
      control.classList.remove("invalid");
      control.removeAttribute("aria-invalid");
    }
    const general = $("#form-problems");
    general.replaceChildren();
    for (const problem of problems || []) {
      const box = problem.field ? form.querySelector(`[data-error-for="${CSS.escape(problem.field)}"]`) : null;
      if (box) {
        const where = problem.path && problem.path !== problem.field ? problem.path + ": " : "";
        box.textContent = (box.textContent ? box.textContent + " " : "") + where + problem.message;
        const control = form.querySelector(`[name="${CSS.escape(problem.field)}"]`);
        if (control) {
          control.classList.add("invalid");
          control.setAttribute("aria-invalid", "true");
        }
      } else {
        general.append(el("li", { text: (problem.path ? problem.path + ": " : "") + problem.message }));
      }
    }
  }

  // ---------------------------------------------------------------- rendering

  function markDirty(dirty) {
    state.dirty = dirty;
    $("#file-state").textContent = (state.saveable ? state.label : "read-only example") +
      (dirty ? " · unsaved changes" : "");
  }

  function scheduleRender() {
    if (!state.dirty) markDirty(true);
    clearTimeout(state.timer);
    state.timer = setTimeout(rerender, 120);
  }

  async function rerender() {
    const seq = ++state.seq;
    const { data } = await api("POST", "/api/render", { fields: collect() });
    if (seq !== state.seq) return;  // a newer edit is on its way
    showProblems(data.problems);
    const general = $("#general");
    general.replaceChildren();
    if (data.error) {
      const where = data.error.file ? data.error.file + (data.error.line ? ":" + data.error.line : "") + ": " : "";
      general.append(el("div", { className: "error-box", id: "render-error",
        text: `The ${data.error.kind || "page"} has a problem: ${where}${data.error.message}` }));
    }
    const channels = $("#channels");
    if (!data.ok) {
      channels.classList.add("stale");
      if (!data.error) {
        general.append(el("div", { className: "stale-note",
          text: "The messages below are from the last valid version: fix the problems marked in the form." }));
      }
      summary(null);
      showPending(null);
      return;
    }
    channels.classList.remove("stale");
    if (data.findings.length) general.append(findingList(data.findings));
    drawMessages(data);
    summary(data);
    const errors = [...data.findings, ...data.messages.flatMap((m) => m.findings)]
      .filter((f) => f.severity === "error").length;
    showPending(data.pending, errors);
    if (data.pending && data.pending.incident_id !== state.historyId) {
      await loadHistory(data.pending.incident_id);
    }
    document.body.dataset.rendered = String(seq);
  }

  function summary(data) {
    const box = $("#summary");
    if (!data) { box.replaceChildren(el("span", { className: "errors", text: "incident has problems" })); return; }
    const all = [...data.findings, ...data.messages.flatMap((m) => m.findings)];
    const errors = all.filter((f) => f.severity === "error").length;
    const warnings = all.filter((f) => f.severity === "warning").length;
    if (!errors && !warnings) { box.replaceChildren(el("span", { className: "clean", text: "no findings" })); return; }
    // A button: it takes the reader to the first message with a finding.
    const jump = el("button", { type: "button", className: "jump",
      title: "Show the first message with a finding" }, [
      el("span", { className: "errors", text: errors ? `${errors} error${errors > 1 ? "s" : ""}` : "" }),
      errors && warnings ? " · " : "",
      el("span", { className: "warnings", text: warnings ? `${warnings} warning${warnings > 1 ? "s" : ""}` : "" }),
    ]);
    jump.addEventListener("click", () => {
      const first = document.querySelector(".panel.has-error, .panel.has-warning, #general .findings");
      if (first) first.scrollIntoView({ behavior: "smooth", block: "center" });
    });
    box.replaceChildren(jump);
  }

  function findingList(findings) {
    const list = el("ul", { className: "findings" });
    for (const finding of findings) {
      const where = finding.file ? ` (${finding.file}${finding.line ? ":" + finding.line : ""})` : "";
      const about = [finding.language, finding.channel].filter(Boolean).join("/");
      // The message may be Hebrew: isolated, so it reads in its own direction in any panel.
      list.append(el("li", { className: finding.severity, dir: "ltr", "data-rule": finding.rule }, [
        el("span", { className: "rule", text: `${finding.severity} ${finding.rule}${about ? " (" + about + ")" : ""}: ` }),
        el("bdi", { text: finding.message }),
        where,
      ]));
    }
    return list;
  }

  async function copy(text, button) {
    try {
      await navigator.clipboard.writeText(text);
    } catch (e) {
      // Not a secure context (a non-loopback --host): the old way still works.
      const area = el("textarea", { "aria-hidden": "true" });
      area.value = text;
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.append(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    button.textContent = "copied";
    setTimeout(() => { button.textContent = "copy"; }, 1500);
  }

  function copyButton(getText, label) {
    const button = el("button", { type: "button", className: "copy", text: "copy", "aria-label": "Copy " + label });
    button.addEventListener("click", () => copy(getText(), button));
    return button;
  }

  const OUTPUT_LABELS = { subject: "subject", text: "text", html: "HTML", ssml: "SSML (speech)" };

  function frameDocument(html) {
    // A fragment (banner) gets a minimal page around it; a full document (email) is shown as is.
    if (/^\s*<!DOCTYPE/i.test(html)) return html;
    return '<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{font-family:system-ui,"DejaVu Sans",sans-serif;margin:8px;line-height:1.5}</style></head><body>' + html + "</body></html>";
  }

  function makePanel(lang, channel, direction) {
    const panel = el("article", { className: "panel", "data-lang": lang, "data-channel": channel,
      lang, dir: direction, "aria-label": `${channel} (${lang})` });
    const head = el("div", { className: "panel-head" }, [el("strong", { text: lang })]);
    const badges = el("span", { className: "badges" });
    head.append(badges);
    const outputs = el("div", { className: "outputs" });
    const stats = el("div", { className: "stats", dir: "ltr" });
    const findings = el("div", { className: "panel-findings" });
    panel.append(head, outputs, stats, findings);
    return { panel, badges, outputs, stats, findings, blocks: {}, values: {} };
  }

  function outputBlock(parts, name, message) {
    const key = `${message.language}/${message.channel}/${name}`;
    const head = el("div", { className: "output-head" }, [
      el("span", { text: OUTPUT_LABELS[name] || name }),
      copyButton(() => parts.values[name], `${message.channel} ${name} (${message.language})`),
    ]);
    const block = el("div", { className: "output", "data-output": name }, [head]);
    const refs = { block };
    if (name === "html") {
      refs.frame = el("iframe", { className: "rendered", sandbox: "", title: `${message.channel} HTML as rendered (${message.language})`, "data-key": key });
      refs.source = el("pre", { className: "output-body source-code", dir: "ltr" });
      block.append(refs.frame, el("details", {}, [el("summary", { text: "HTML source" }), refs.source]));
    } else if (name === "ssml") {
      refs.spoken = el("div", { className: "stats", dir: "ltr" });
      refs.source = el("pre", { className: "output-body source-code", dir: "ltr" });
      block.append(refs.spoken, refs.source);
    } else {
      refs.body = el(name === "subject" ? "div" : "pre", { className: "output-body " + name });
      block.append(refs.body);
      if (message.segments) {
        refs.segments = el("div", { className: "segments" });
        block.append(refs.segments);
      }
    }
    parts.outputs.append(block);
    parts.blocks[name] = refs;
    return refs;
  }

  function stat(text, className) { return el("span", { className: "stat " + (className || ""), text }); }

  function updatePanel(parts, message) {
    for (const [name, value] of Object.entries(message.outputs)) {
      const refs = parts.blocks[name] || outputBlock(parts, name, message);
      if (parts.values[name] === value) continue;
      parts.values[name] = value;
      if (refs.frame) {
        refs.frame.classList.toggle("fragment", !/^\s*<!DOCTYPE/i.test(value));
        refs.frame.srcdoc = frameDocument(value);
        refs.source.textContent = value;
      } else if (refs.source) {
        refs.source.textContent = value;
      } else {
        refs.body.textContent = value;
      }
    }
    const over = (statName) => {
      for (const [budget, limit] of Object.entries(message.budgets)) {
        const target = message.budget_stats[budget];
        if (target === statName && Number(message.stats[statName]) > limit) return true;
      }
      return false;
    };
    if (parts.blocks.ssml && message.stats.seconds !== undefined) {
      const budget = message.budgets.max_seconds;
      parts.blocks.ssml.spoken.replaceChildren(stat(
        `≈ ${message.stats.seconds} s spoken` + (budget ? ` (budget ${budget} s)` : ""),
        over("seconds") ? "over" : "spoken"));
    }
    const segments = parts.blocks.text && parts.blocks.text.segments;
    if (segments) {
      segments.replaceChildren();
      const list = message.segments || [];
      list.forEach((segment, i) => {
        segments.append(el("div", { className: "segment" }, [
          el("span", { className: "segment-label", dir: "ltr", text: `segment ${i + 1}/${list.length} · ${segment.length} characters` }),
          segment,
        ]));
      });
    }
    const chips = Object.entries(message.stats).map(([key, value]) =>
      stat(`${key.replace(/_/g, " ")}: ${value}`, over(key) ? "over" : ""));
    for (const [budget, limit] of Object.entries(message.budgets)) {
      chips.push(stat(`budget ${budget.replace(/^max_/, "").replace(/_/g, " ")}: ${limit}`));
    }
    parts.stats.replaceChildren(...chips);
    const errors = message.findings.filter((f) => f.severity === "error").length;
    const warnings = message.findings.filter((f) => f.severity === "warning").length;
    parts.panel.classList.toggle("has-error", errors > 0);
    parts.panel.classList.toggle("has-warning", !errors && warnings > 0);
    parts.badges.replaceChildren(
      errors ? el("span", { className: "badge error", text: `${errors} error${errors > 1 ? "s" : ""}` }) : "",
      warnings ? el("span", { className: "badge warning", text: `${warnings} warning${warnings > 1 ? "s" : ""}` }) : "",
    );
    parts.findings.replaceChildren(message.findings.length ? findingList(message.findings) : "");
  }

  function drawMessages(data) {
    const channels = $("#channels");
    const key = data.channels.join(",") + "|" + data.languages.join(",") + "|" +
      data.messages.map((m) => Object.keys(m.outputs).join("+")).join(",");
    if (key !== state.layoutKey) {
      // Channels, languages or outputs changed (a config edit): build the panels anew.
      state.layoutKey = key;
      state.panels.clear();
      channels.replaceChildren();
      for (const channel of data.channels) {
        const langs = el("div", { className: "langs" });
        channels.append(el("section", { className: "channel", "data-channel": channel }, [
          el("h2", {}, [el("code", { text: channel })]), langs,
        ]));
        for (const message of data.messages.filter((m) => m.channel === channel)) {
          const parts = makePanel(message.language, channel, message.direction);
          state.panels.set(message.language + "/" + channel, parts);
          langs.append(parts.panel);
        }
      }
    }
    for (const message of data.messages) {
      updatePanel(state.panels.get(message.language + "/" + message.channel), message);
    }
  }

  // ---------------------------------------------------------------- publishing and history

  function direction(code) {
    const lang = (state.meta.languages || []).find((l) => l.code === code);
    return lang ? lang.direction : "auto";
  }

  function changeList(changes) {
    // Each change as the messages say it, in every language (the journal records the changes
    // of each statement; the server words them with the templates' language files).
    const list = el("ul", { className: "changes" });
    for (const change of changes) {
      const item = el("li", { "data-kind": change.kind });
      for (const [code, text] of Object.entries(change.sentences)) {
        item.append(el("span", { className: "sentence", lang: code, dir: direction(code), text }));
      }
      if (!item.childNodes.length) item.append(el("code", { text: change.kind }));
      list.append(item);
    }
    return list;
  }

  const NO_CHANGE = "No change to the estimate, status, services or workaround.";

  function showPending(pending, errors) {
    // What Publish would do now, against the journal's latest statement of this incident.
    if (!state.meta.journal) return;
    const box = $("#pending");
    if (!pending) {
      box.className = "pending error";
      box.dataset.state = "problems";
      box.replaceChildren(el("span", { text: "Fix the problems marked in the form to see what publishing will change." }));
      return;
    }
    const latest = pending.latest ? `statement ${pending.latest.seq} (${pending.latest.time})` : "";
    const head = {
      first: `No statement of ${pending.incident_id} yet: Publish records statement 1.`,
      new: `Publish records statement ${pending.seq}. What changes since ${latest}:`,
      unchanged: `The same as ${latest}: Publish changes nothing.`,
      stale: `“This statement speaks for” is not later than ${latest}: Publish would be refused. Press “now” to make a new statement. What would change:`,
      error: pending.message,
    }[pending.state] || pending.state;
    box.className = "pending " + pending.state;
    box.dataset.state = pending.state;
    box.replaceChildren(el("span", { text: head }));
    if (pending.state === "new" || pending.state === "stale") {
      box.append(pending.changes.length ? changeList(pending.changes) : el("div", { text: NO_CHANGE }));
    }
    if (errors && pending.state !== "unchanged" && pending.state !== "error") {
      box.append(el("div", { className: "refusal-ahead",
        text: `Publish would be refused: ${errors} error finding${errors > 1 ? "s" : ""} (see the messages).` }));
    }
  }

  async function loadHistory(id) {
    if (!state.meta.journal || !id) return;
    state.historyId = id;
    const { status, data } = await api("GET", "/api/history?id=" + encodeURIComponent(id));
    if (id !== state.historyId) return;  // the id changed meanwhile
    const list = $("#history");
    if (status !== 200) {
      $("#history-count").textContent = "";
      list.replaceChildren(el("li", { className: "error", text: data.error || "the journal cannot be read" }));
      return;
    }
    state.journalSeq = data.statements.length ? data.statements[0].seq : null;
    $("#history-count").textContent = data.total ? `(${data.total})` : "(none yet)";
    list.replaceChildren(...data.statements.map((s) => el("li", { value: s.seq, "data-seq": s.seq }, [
      el("span", { className: "when", text: `${s.seq} · ${s.time} · ${s.status}` }),
      s.warnings ? el("span", { className: "warnings", text: ` · ${s.warnings} warning${s.warnings > 1 ? "s" : ""}` }) : null,
      s.changes.length ? changeList(s.changes) :
        el("div", { className: "changes", text: s.seq === 1 ? "The first statement." : NO_CHANGE }),
    ])));
  }

  async function publish() {
    // The same path as `crisiscomms publish`: checks, refusals, the journal, the files.
    const button = $("#publish");
    const box = $("#publish-result");
    button.disabled = true;
    try {
      const { status, data } = await api("POST", "/api/publish", { fields: collect() });
      box.replaceChildren();
      delete box.dataset.refused;
      if (status === 200 && data.ok) {
        box.className = "publish-result ok";
        const where = data.folder ? ` Files: ${data.folder}` : "";
        box.append(el("span", { text: data.recorded ?
          `Published statement ${data.seq} of ${data.incident_id}.${where}` :
          `Unchanged: statement ${data.seq} is the latest; nothing was recorded.` }));
      } else if (status === 200) {
        showProblems(data.problems);
        box.className = "publish-result refused";
        box.dataset.refused = "problems";
        box.append(el("span", { text: "Not published: fix the problems marked in the form first." }));
      } else {
        box.className = "publish-result refused";
        box.dataset.refused = data.refused || "error";
        box.append(el("span", { text: data.error || "Not published: the server refused." }));
        if (data.findings && data.findings.length) box.append(findingList(data.findings));
      }
    } finally {
      button.disabled = false;
    }
    await loadHistory(state.historyId);
    await rerender();
  }

  // ---------------------------------------------------------------- incidents

  async function loadSource(key) {
    const { status, data } = await api("GET", "/api/incident?source=" + encodeURIComponent(key));
    if (status !== 200) { notice("error", data.error || "could not open the incident"); return; }
    state.source = key;
    state.saveable = data.saveable;
    state.version = data.version;
    state.seenFileVersion = data.version;
    state.languages = data.languages;
    state.rows = rowsFrom(data.fields);
    $("#source").value = key;
    $("#save").disabled = !data.saveable;
    $("#save").title = data.saveable ? "Write the incident back to " + data.label :
      "A built-in example is read-only: download it instead";
    state.label = data.label;
    buildForm(data.fields);
    markDirty(false);
    showProblems(data.problems);
    clearNotice();
    await rerender();
  }

  async function save() {
    const { status, data } = await api("POST", "/api/save",
      { source: state.source, fields: collect(), version: state.version });
    if (status === 200 && data.ok) {
      state.version = data.version;
      state.seenFileVersion = data.version;
      markDirty(false);
      notice("ok", `Saved ${state.label} (the previous version is kept as ${state.label}.bak).`);
    } else if (status === 200) {
      showProblems(data.problems);
      notice("error", "Not saved: fix the problems marked in the form first.");
    } else if (status === 409) {
      // The poll need not say it again: this notice already does.
      if (data.file_version) state.seenFileVersion = data.file_version;
      notice("error", "Not saved: " + data.error, { label: "Reload from disk", run: () => loadSource(state.source) });
    } else {
      notice("error", "Not saved: " + (data.error || "the server refused"));
    }
  }

  async function download() {
    const { data } = await api("POST", "/api/yaml", { source: state.source, fields: collect() });
    if (!data.ok) {
      showProblems(data.problems);
      notice("error", "Nothing to download yet: fix the problems marked in the form first.");
      return;
    }
    const url = URL.createObjectURL(new Blob([data.yaml], { type: "application/yaml;charset=utf-8" }));
    const link = el("a", { href: url, download: data.filename });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // ---------------------------------------------------------------- live reload

  async function poll() {
    try {
      const query = new URLSearchParams();
      if (state.source) query.set("source", state.source);
      if (state.historyId) query.set("id", state.historyId);
      const { status, data } = await api("GET", "/api/version?" + query);
      $("#live").classList.toggle("failed", status !== 200);
      if (status === 200) {
        if (state.templatesStamp !== null && data.templates !== state.templatesStamp) {
          await rerender();
        }
        state.templatesStamp = data.templates;
        if (state.meta.journal && state.historyId && data.journal !== state.journalSeq) {
          // Published elsewhere (the command, another tab): show it, and re-render against it.
          await loadHistory(state.historyId);
          await rerender();
        }
        if (state.saveable && data.file && data.file !== state.seenFileVersion) {
          state.seenFileVersion = data.file;
          const box = $("#notice");
          const showingError = !box.hidden && box.dataset.kind === "error";
          if (data.file !== state.version && !showingError) {
            notice("info", "The incident file changed on disk since you opened it.",
              { label: "Load it from disk", run: () => loadSource(state.source) });
          }
        }
      }
    } catch (e) {
      $("#live").classList.add("failed");  // the server stopped; keep trying quietly
    }
    setTimeout(poll, 1000);
  }

  async function start() {
    const { status, data } = await api("GET", "/api/meta");
    if (status !== 200) {
      // A config that stopped validating: say so; reloading the page after the fix recovers.
      notice("error", "The page cannot start: " + (data.error || "the server refused"));
      return;
    }
    state.meta = data;
    const select = $("#source");
    for (const source of data.sources) {
      select.append(el("option", { value: source.key, text: source.label }));
    }
    select.addEventListener("change", () => loadSource(select.value));
    $("#live").textContent = "templates: " + data.templates;
    $("#incident-form").addEventListener("input", scheduleRender);
    $("#incident-form").addEventListener("change", scheduleRender);
    $("#incident-form").addEventListener("submit", (event) => event.preventDefault());
    $("#save").addEventListener("click", save);
    $("#download").addEventListener("click", download);
    if (data.journal) {
      $("#journal").hidden = false;
      $("#journal-where").textContent = "Journal: " + data.journal + (data.out ? " · files: " + data.out : "");
      $("#publish").addEventListener("click", publish);
    }
    // The templates' fingerprint before the first render: an edit made from here on re-renders.
    const first = await api("GET", "/api/version");
    state.templatesStamp = first.data.templates;
    const asked = new URLSearchParams(location.search).get("source");
    const known = data.sources.some((s) => s.key === asked);
    await loadSource(known ? asked : data.default_source);
    poll();
  }

  document.addEventListener("DOMContentLoaded", start);
})();
