// The web simulator page: four phones fed by one event stream of the
// simulator's log. Every entry is kept in `entries`; a phone shows the
// entries of the chat it currently looks at, so switching number, group or
// view simply re-renders from the list.
"use strict";

const entries = [];
let parties = { market: "Pasar", buyer: "6281234567001", groups: [], couriers: [], admins: [] };
const names = new Map(); // phone → display name

const $ = (id) => document.getElementById(id);

// phones describes each phone: who it sends as and which chat it shows.
// chat() returns {chat, group}: chat is a group name or a phone number.
const phones = {
  buyer: {
    from: () => normalize($("buyer-from").value),
    chat: () => ({ chat: normalize($("buyer-from").value), group: false }),
  },
  seller: {
    from: () => $("seller-from").value,
    chat: () => $("seller-view").value === "direct"
      ? { chat: $("seller-from").value, group: false }
      : { chat: $("seller-group").value, group: true },
  },
  courier: {
    from: () => $("courier-from").value,
    chat: () => $("courier-view").value === "direct"
      ? { chat: $("courier-from").value, group: false }
      : { chat: "kurir", group: true },
  },
  admin: {
    from: () => $("admin-from").value,
    chat: () => ({ chat: $("admin-from").value, group: false }),
  },
};

// normalize mirrors catalog.NormalizePhone closely enough to pick the chat
// to show; the server normalizes again for real.
function normalize(s) {
  let d = (s || "").replace(/[^0-9]/g, "");
  if (d.startsWith("0")) d = "62" + d.slice(1);
  else if (d.startsWith("8")) d = "62" + d;
  return d;
}

function option(sel, value, label) {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = label;
  sel.appendChild(o);
}

function fillSellerMembers() {
  const sel = $("seller-from");
  sel.textContent = "";
  const g = parties.groups.find((g) => g.id === $("seller-group").value);
  for (const m of (g ? g.members : [])) option(sel, m.phone, `${m.name} (${m.phone})`);
}

function setClock(c) {
  if (!c) return;
  $("clock-date").textContent = c.date;
  $("clock-time").textContent = c.time;
}

function status(msg) {
  $("status").textContent = msg || "";
}

async function post(path, body) {
  const res = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error || res.statusText);
  return data;
}

// bubble renders one entry for a phone whose sender is `me`.
function bubble(e, me) {
  const div = document.createElement("div");
  const who = document.createElement("span");
  who.className = "who";
  if (e.kind === "out") {
    div.className = "msg bot";
    who.textContent = parties.market;
  } else {
    div.className = e.from === me ? "msg mine" : "msg";
    who.textContent = e.from === me ? "" : (names.get(e.from) || e.from);
  }
  if (who.textContent) div.appendChild(who);
  if (e.image && e.image.startsWith("data:image/")) {
    const img = document.createElement("img");
    img.className = "pic";
    img.src = e.image;
    img.alt = "gambar";
    div.appendChild(img);
  }
  let text = e.text || "";
  if (e.location) text = `📍 ${e.location.lat},${e.location.lng} ${e.location.name || ""}\n` + text;
  appendFormatted(div, text);
  const at = document.createElement("span");
  at.className = "at";
  at.textContent = e.time;
  div.appendChild(at);
  return div;
}

function shows(party, e) {
  if (e.kind === "clock") return false;
  const c = phones[party].chat();
  return e.chat === c.chat && !!e.group === c.group;
}

function render(party) {
  const log = $(party + "-log");
  log.textContent = "";
  const me = phones[party].from();
  for (const e of entries) if (shows(party, e)) log.appendChild(bubble(e, me));
  log.scrollTop = log.scrollHeight;
}

function renderAll() {
  for (const p of Object.keys(phones)) render(p);
}

// transcriptLine writes an entry the way `pasarbot replay` does.
function transcriptLine(e) {
  if (e.kind === "clock") return `--- ${e.date} ${e.time}${e.advance ? " (+" + e.advance + ")" : ""} ---`;
  const prefix = e.kind === "in"
    ? `[${e.time}] ${e.group ? e.chat + "/" : ""}${e.from} > `
    : `[${e.time}] → ${e.chat}: `;
  const pad = " ".repeat([...prefix].length);
  return prefix + (e.text || "").split("\n").join("\n" + pad);
}

function add(e) {
  if (entries.length && e.seq <= entries[entries.length - 1].seq) return; // replayed after a reconnect
  entries.push(e);
  if (e.kind === "clock") setClock({ date: e.date, time: e.time });
  const pre = $("transcript");
  pre.textContent += transcriptLine(e) + "\n";
  pre.scrollTop = pre.scrollHeight;
  for (const p of Object.keys(phones)) {
    if (!shows(p, e)) continue;
    const log = $(p + "-log");
    log.appendChild(bubble(e, phones[p].from()));
    log.scrollTop = log.scrollHeight;
  }
}

async function send(party) {
  const input = $(party + "-input");
  const button = $(party + "-send");
  const text = input.value.trim();
  if (!text) return;
  const c = phones[party].chat();
  button.disabled = true;
  try {
    const data = await post("/api/send", { party, chat: c.group ? c.chat : "", from: phones[party].from(), text });
    setClock(data.clock);
    input.value = "";
    status("");
  } catch (err) {
    const div = document.createElement("div");
    div.className = "msg error";
    div.textContent = "Gagal kirim: " + err.message;
    $(party + "-log").appendChild(div);
  } finally {
    button.disabled = false;
    input.focus();
  }
}

async function advance(body, buttons) {
  buttons.forEach((b) => (b.disabled = true));
  try {
    const data = await post("/api/advance", body);
    setClock(data.clock);
    status("");
  } catch (err) {
    status("Gagal memajukan jam: " + err.message);
  } finally {
    buttons.forEach((b) => (b.disabled = false));
  }
}

function wire() {
  for (const party of Object.keys(phones)) {
    const form = $(party + "-input").form;
    form.addEventListener("submit", (ev) => { ev.preventDefault(); send(party); });
    $(party + "-input").addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" && !ev.shiftKey) { ev.preventDefault(); send(party); }
    });
  }
  $("buyer-from").addEventListener("input", () => render("buyer"));
  $("seller-group").addEventListener("change", () => { fillSellerMembers(); render("seller"); });
  for (const id of ["seller-from", "seller-view"]) $(id).addEventListener("change", () => render("seller"));
  for (const id of ["courier-from", "courier-view"]) $(id).addEventListener("change", () => render("courier"));
  $("admin-from").addEventListener("change", () => render("admin"));
  const buttons = [...document.querySelectorAll(".advance button")];
  for (const b of buttons) {
    b.addEventListener("click", () => advance(b.dataset.to ? { to: b.dataset.to } : { by: b.dataset.by }, buttons));
  }
}

async function start() {
  wire();
  const res = await fetch("/api/state");
  const state = await res.json();
  parties = state.parties;
  setClock(state.clock);
  $("market-name").textContent = parties.market;
  $("buyer-from").value = parties.buyer;
  for (const g of parties.groups) {
    option($("seller-group"), g.id, `${g.id} — ${g.name}`);
    for (const m of g.members) names.set(m.phone, m.name);
  }
  for (const c of parties.couriers) { option($("courier-from"), c.phone, `${c.name} (${c.phone})`); names.set(c.phone, c.name); }
  for (const a of parties.admins) { option($("admin-from"), a.phone, `${a.name} (${a.phone})`); names.set(a.phone, a.name); }
  fillSellerMembers();
  renderAll();
  // EventSource reconnects by itself and sends Last-Event-ID, so the server
  // resumes after the last entry this page has.
  const events = new EventSource("/api/events");
  events.addEventListener("entry", (ev) => add(JSON.parse(ev.data)));
  events.addEventListener("open", () => { document.body.dataset.live = "1"; status(""); });
  events.addEventListener("error", () => status("Sambungan ke simulator terputus, mencoba lagi…"));
}

start().catch((err) => status("Simulator tidak bisa dimuat: " + err.message));

// appendFormatted renders WhatsApp's *bold*, _italic_ and ~strike~ the way
// a phone shows them, building DOM nodes (never HTML from message text).
function appendFormatted(parent, text) {
  const re = /([*_~])([^*_~\n]+?)\1/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
    const tag = m[1] === "*" ? "strong" : m[1] === "_" ? "em" : "s";
    const el = document.createElement(tag);
    el.textContent = m[2];
    parent.appendChild(el);
    last = m.index + m[0].length;
  }
  if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
}
