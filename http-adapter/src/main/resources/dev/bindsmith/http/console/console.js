// The bindsmith web console: plain JavaScript over the public API, nothing else. The token lives in
// this tab's sessionStorage only; every value shown is set as text (never parsed as HTML).
"use strict";

(function () {
  const TOKEN_KEY = "bindsmith.token";
  const ZONES_PER_PAGE = 25;
  const RECORDS_PER_PAGE = 50;
  const $ = (id) => document.getElementById(id);

  const state = {
    zones: [],          // every zone name the list returned (filtered and paged here)
    zonePage: 0,
    zone: null,         // the zone shown
    recordCursors: [""],// the cursor of each record page seen, for "Previous"
    recordPage: 0,
    editing: null,      // the record being edited, or null when adding
    pending: null,      // the change set previewed, waiting for "Apply"
    flash: false        // keep the notice across the next navigation
  };

  // ------------------------------------------------------------------ API

  /** Thrown for an answer that is not 2xx: the API's envelope, or what there was. */
  class ApiError extends Error {
    constructor(status, envelope) {
      super((envelope && envelope.error) || ("HTTP " + status));
      this.status = status;
      this.envelope = envelope || {};
    }
  }

  async function api(method, path, body) {
    const headers = { "Accept": "application/json" };
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) {
      headers["Authorization"] = "Bearer " + token;
    }
    const init = { method: method, headers: headers, credentials: "omit", cache: "no-store" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    const text = await response.text();
    let json = null;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch (e) {
        json = { error: text.trim(), details: "" };
      }
    }
    if (!response.ok) {
      throw new ApiError(response.status, json);
    }
    return json;
  }

  const zonePath = (name) => "/api/v1/zones/" + encodeURIComponent(name);

  // ------------------------------------------------------------------ messages

  function showError(e) {
    const box = $("error");
    box.replaceChildren();
    const env = e instanceof ApiError ? e.envelope : { error: String(e && e.message || e) };
    const title = document.createElement("strong");
    title.textContent = env.error || "Request failed";
    box.append(title);
    if (env.details) {
      box.append(document.createTextNode(": " + env.details));
    }
    if (Array.isArray(env.violations) && env.violations.length) {
      const list = document.createElement("ul");
      for (const v of env.violations) {
        const item = document.createElement("li");
        item.textContent = (v.field ? v.field + ": " : "") + (v.message || "");
        list.append(item);
      }
      box.append(list);
    }
    const meta = [];
    if (env.code) meta.push("code " + env.code);
    if (env.requestId) meta.push("request " + env.requestId);
    if (meta.length) {
      const small = document.createElement("small");
      small.textContent = " (" + meta.join(", ") + ")";
      box.append(small);
    }
    box.hidden = false;
    $("notice").hidden = true;
    if (e instanceof ApiError && e.status === 401) {
      signOut(false);
    }
  }

  function notice(text) {
    $("notice").textContent = text;
    $("notice").hidden = false;
    $("error").hidden = true;
  }

  function clearMessages() {
    $("error").hidden = true;
    $("notice").hidden = true;
  }

  // ------------------------------------------------------------------ views

  function show(id) {
    for (const s of ["sign-in", "zones", "zone"]) {
      $(s).hidden = s !== id;
    }
    $("sign-out").hidden = id === "sign-in";
  }

  function cell(row, text) {
    const td = document.createElement("td");
    td.textContent = text === undefined || text === null ? "" : String(text);
    row.append(td);
    return td;
  }

  function button(label, action) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.addEventListener("click", action);
    return b;
  }

  /** Any JSON value as a definition list / table, as text: for the fleet views, whose shape may grow. */
  function render(value) {
    if (Array.isArray(value)) {
      const objects = value.every((v) => v && typeof v === "object" && !Array.isArray(v));
      if (objects && value.length) {
        const keys = [...new Set(value.flatMap((v) => Object.keys(v)))];
        const table = document.createElement("table");
        const head = table.createTHead().insertRow();
        for (const k of keys) {
          const th = document.createElement("th");
          th.textContent = k;
          head.append(th);
        }
        const body = table.createTBody();
        for (const v of value) {
          const row = body.insertRow();
          for (const k of keys) {
            const td = row.insertCell();
            const x = v[k];
            if (x && typeof x === "object") {
              td.append(render(x));
            } else {
              td.textContent = x === undefined || x === null ? "" : String(x);
            }
          }
        }
        return table;
      }
      const span = document.createElement("span");
      span.textContent = value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join(", ");
      return span;
    }
    if (value && typeof value === "object") {
      const dl = document.createElement("dl");
      dl.className = "facts";
      for (const [k, v] of Object.entries(value)) {
        const dt = document.createElement("dt");
        dt.textContent = k;
        const dd = document.createElement("dd");
        if (v && typeof v === "object") {
          dd.append(render(v));
        } else {
          dd.textContent = v === null ? "" : String(v);
        }
        dl.append(dt, dd);
      }
      return dl;
    }
    const span = document.createElement("span");
    span.textContent = String(value);
    return span;
  }

  // ------------------------------------------------------------------ sign in

  function signOut(clear) {
    sessionStorage.removeItem(TOKEN_KEY);
    if (clear !== false) {
      clearMessages();
    }
    show("sign-in");
    $("token").value = "";
  }

  $("sign-in-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $("token").value.trim());
    $("token").value = "";
    try {
      await api("GET", "/api/v1/zones");
      clearMessages();
      if (location.hash.startsWith("#/zones")) {
        route();
      } else {
        location.hash = "#/zones";
      }
    } catch (e) {
      showError(e);
    }
  });

  $("sign-out").addEventListener("click", () => signOut(true));

  // ------------------------------------------------------------------ zones

  async function loadZones() {
    show("zones");
    const names = [];
    let cursor = "";
    // Follows nextCursor when the server pages the zone list; otherwise one answer holds them all.
    for (let i = 0; i < 1000; i++) {
      const page = await api("GET", "/api/v1/zones" + (cursor ? "?limit=1000&cursor=" + encodeURIComponent(cursor) : ""));
      const items = page.items || (page.zones || []).map((z) => ({ name: z }));
      names.push(...items);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    state.zones = names;
    state.zonePage = 0;
    renderZones();
  }

  function filteredZones() {
    const f = $("zone-filter").value.trim().toLowerCase();
    return f ? state.zones.filter((z) => z.name.toLowerCase().includes(f)) : state.zones;
  }

  function renderZones() {
    const zones = filteredZones();
    const pages = Math.max(1, Math.ceil(zones.length / ZONES_PER_PAGE));
    state.zonePage = Math.min(state.zonePage, pages - 1);
    const rows = $("zone-rows");
    rows.replaceChildren();
    for (const z of zones.slice(state.zonePage * ZONES_PER_PAGE, (state.zonePage + 1) * ZONES_PER_PAGE)) {
      const row = rows.insertRow();
      const name = cell(row, "");
      const link = document.createElement("a");
      link.href = "#/zones/" + encodeURIComponent(z.name);
      link.textContent = z.name;
      name.append(link);
      cell(row, z.zoneType);
      cell(row, z.filePath);
    }
    $("zone-count").textContent = zones.length + (zones.length === 1 ? " zone" : " zones");
    $("zone-page").textContent = "page " + (state.zonePage + 1) + " of " + pages;
    $("zone-prev").disabled = state.zonePage === 0;
    $("zone-next").disabled = state.zonePage >= pages - 1;
  }

  $("zone-filter").addEventListener("input", () => { state.zonePage = 0; renderZones(); });
  $("zone-prev").addEventListener("click", () => { state.zonePage--; renderZones(); });
  $("zone-next").addEventListener("click", () => { state.zonePage++; renderZones(); });

  const list = (text) => (text || "").split(",").map((s) => s.trim()).filter((s) => s);

  $("create-zone").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const f = new FormData(ev.target);
    const glue = {};
    for (const pair of list(f.get("nameServerIps"))) {
      const [host, ip] = pair.split("=");
      glue[(host || "").trim()] = (ip || "").trim();
    }
    const config = {
      ttl: Number(f.get("ttl") || 3600),
      soa: { primaryNs: f.get("primaryNs"), adminEmail: f.get("adminEmail") },
      nameServers: list(f.get("nameServers"))
    };
    if (Object.keys(glue).length) config.nameServerIps = glue;
    if (list(f.get("primaries")).length) config.primaries = list(f.get("primaries"));
    const body = { zoneName: f.get("zoneName").trim(), zoneType: f.get("zoneType"), zoneConfig: config };
    if (f.get("updateKeyName").trim()) body.updateKeyName = f.get("updateKeyName").trim();
    try {
      const created = await api("POST", "/api/v1/zones", body);
      ev.target.reset();
      notice(created.message || "Zone created");
      state.flash = true;
      location.hash = "#/zones/" + encodeURIComponent(created.zone || body.zoneName);
    } catch (e) {
      showError(e);
    }
  });

  // ------------------------------------------------------------------ one zone

  async function loadZone(name) {
    show("zone");
    state.zone = name;
    state.recordCursors = [""];
    state.recordPage = 0;
    resetRecordForm();
    $("zone-name").textContent = name;
    $("delete-zone").reset();
    const info = await api("GET", zonePath(name));
    const facts = $("zone-status");
    facts.replaceChildren();
    for (const key of ["zoneType", "serial", "dynamic", "secure", "lastLoaded", "filePath"]) {
      if (info[key] === undefined || info[key] === null) continue;
      const dt = document.createElement("dt");
      dt.textContent = key;
      const dd = document.createElement("dd");
      dd.textContent = String(info[key]);
      facts.append(dt, dd);
    }
    await Promise.all([loadRecords(), loadFleet(name, "propagation"), loadFleet(name, "dnssec")]);
  }

  /**
   * The fleet views (propagation per secondary, DNSSEC state) appear when the server has those routes
   * and they answer for this zone; a server without them (404 ENDPOINT_NOT_FOUND) shows nothing.
   */
  async function loadFleet(name, what) {
    const section = $(what);
    const body = $(what + "-body");
    body.replaceChildren();
    section.hidden = true;
    try {
      const answer = await api("GET", zonePath(name) + "/" + what);
      body.append(render(answer));
      section.hidden = false;
    } catch (e) {
      if (e instanceof ApiError && e.status === 404 && e.envelope.code === "ENDPOINT_NOT_FOUND") {
        return;
      }
      const p = document.createElement("p");
      p.className = "muted";
      p.textContent = (e.envelope && (e.envelope.error + (e.envelope.details ? ": " + e.envelope.details : ""))) || String(e);
      body.append(p);
      section.hidden = false;
    }
  }

  async function loadRecords() {
    const f = new FormData($("record-filter"));
    const query = new URLSearchParams({ limit: String(RECORDS_PER_PAGE) });
    if (f.get("name").trim()) query.set("name", f.get("name").trim());
    if (f.get("type").trim()) query.set("type", f.get("type").trim().toUpperCase());
    const cursor = state.recordCursors[state.recordPage];
    if (cursor) query.set("cursor", cursor);
    const rows = $("record-rows");
    rows.replaceChildren();
    let page;
    try {
      page = await api("GET", zonePath(state.zone) + "/records?" + query);
    } catch (e) {
      const row = rows.insertRow();
      const td = cell(row, (e.envelope && e.envelope.error ? e.envelope.error + ": " + (e.envelope.details || "") : String(e)));
      td.colSpan = 5;
      $("record-next").disabled = true;
      $("record-prev").disabled = state.recordPage === 0;
      return;
    }
    for (const r of page.records || []) {
      const row = rows.insertRow();
      cell(row, r.name);
      cell(row, r.type);
      cell(row, r.ttl);
      cell(row, r.value);
      const actions = cell(row, "");
      if (r.type !== "SOA") {
        actions.append(button("Edit", () => editRecord(r)), button("Remove", () => previewRemove(r)));
      }
    }
    state.recordCursors[state.recordPage + 1] = page.nextCursor || null;
    $("record-page").textContent = "page " + (state.recordPage + 1);
    $("record-prev").disabled = state.recordPage === 0;
    $("record-next").disabled = !page.nextCursor;
  }

  $("record-filter").addEventListener("submit", (ev) => {
    ev.preventDefault();
    state.recordCursors = [""];
    state.recordPage = 0;
    loadRecords().catch(showError);
  });
  $("record-prev").addEventListener("click", () => { state.recordPage--; loadRecords().catch(showError); });
  $("record-next").addEventListener("click", () => { state.recordPage++; loadRecords().catch(showError); });

  function resetRecordForm() {
    state.editing = null;
    state.pending = null;
    $("record-form").reset();
    $("record-form").elements.name.readOnly = false;
    $("record-form").elements.type.readOnly = false;
    $("record-form-title").textContent = "Add a record";
    $("record-cancel").hidden = true;
    $("preview").hidden = true;
  }

  function editRecord(r) {
    resetRecordForm();
    state.editing = r;
    const form = $("record-form").elements;
    form.name.value = r.name;
    form.type.value = r.type;
    form.value.value = r.value;
    form.ttl.value = r.ttl === undefined ? "" : r.ttl;
    form.name.readOnly = true;
    form.type.readOnly = true;
    $("record-form-title").textContent = "Edit " + r.name + " " + r.type + " " + r.value;
    $("record-cancel").hidden = false;
    form.value.focus();
  }

  $("record-cancel").addEventListener("click", resetRecordForm);

  $("record-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const f = new FormData(ev.target);
    const change = state.editing
      ? { op: "update", name: state.editing.name, type: state.editing.type,
          currentValue: state.editing.value, newValue: f.get("value").trim() }
      : { op: "add", name: f.get("name").trim(), type: f.get("type").trim().toUpperCase(), value: f.get("value").trim() };
    if (f.get("ttl")) change.ttl = Number(f.get("ttl"));
    if (f.get("priority")) change.priority = Number(f.get("priority"));
    await preview({ changes: [change] });
  });

  function previewRemove(r) {
    resetRecordForm();
    preview({ changes: [{ op: "remove", name: r.name, type: r.type, value: r.value }] });
  }

  /** Asks the API what the change set would do (dryRun=true), shows it, and keeps it for "Apply". */
  async function preview(changeSet) {
    try {
      const result = await api("PATCH", zonePath(state.zone) + "/records?dryRun=true", changeSet);
      state.pending = changeSet;
      const body = $("preview-body");
      body.replaceChildren();
      const table = document.createElement("table");
      const head = table.createTHead().insertRow();
      for (const h of ["", "Name", "Type", "TTL", "Value"]) {
        const th = document.createElement("th");
        th.textContent = h;
        head.append(th);
      }
      const rows = table.createTBody();
      const changes = result.changes || [result];
      const removed = changes.flatMap((c) => c.removed || []);
      const added = changes.flatMap((c) => c.added || []);
      for (const [sign, records] of [["−", removed], ["+", added]]) {
        for (const r of records) {
          const row = rows.insertRow();
          row.className = sign === "+" ? "added" : "removed";
          cell(row, sign);
          cell(row, r.name);
          cell(row, r.type);
          cell(row, r.ttl);
          cell(row, r.value);
        }
      }
      body.append(table);
      if (result.message) {
        const p = document.createElement("p");
        p.textContent = result.message;
        body.append(p);
      }
      $("preview").hidden = false;
      $("preview").scrollIntoView({ block: "nearest" });
      clearMessages();
    } catch (e) {
      showError(e);
    }
  }

  $("apply").addEventListener("click", async () => {
    if (!state.pending) return;
    try {
      const result = await api("PATCH", zonePath(state.zone) + "/records", state.pending);
      resetRecordForm();
      notice(result.message || "Applied");
      await loadRecords();
    } catch (e) {
      showError(e);
    }
  });
  $("discard").addEventListener("click", resetRecordForm);

  for (const b of document.querySelectorAll("[data-command]")) {
    b.addEventListener("click", async () => {
      try {
        const result = await api("POST", zonePath(state.zone) + "/" + b.dataset.command);
        notice(result.message || b.dataset.command + " done");
      } catch (e) {
        showError(e);
      }
    });
  }

  $("delete-zone").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const typed = new FormData(ev.target).get("confirm").trim();
    if (typed !== state.zone) {
      showError(new Error("Type the zone's name, " + state.zone + ", to delete it"));
      return;
    }
    try {
      await api("DELETE", zonePath(state.zone));
      notice("Zone " + state.zone + " deleted");
      state.flash = true;
      location.hash = "#/zones";
    } catch (e) {
      showError(e);
    }
  });

  // ------------------------------------------------------------------ routing

  async function route() {
    if (sessionStorage.getItem(TOKEN_KEY) === null) {
      show("sign-in");
      return;
    }
    const hash = location.hash || "#/zones";
    try {
      if (hash.startsWith("#/zones/")) {
        await loadZone(decodeURIComponent(hash.substring("#/zones/".length)));
      } else {
        await loadZones();
      }
    } catch (e) {
      showError(e);
    }
  }

  window.addEventListener("hashchange", () => {
    if (state.flash) {
      state.flash = false;
    } else {
      clearMessages();
    }
    route();
  });
  $("server").textContent = location.host;
  route();
})();
