import type { FastifyInstance } from "fastify";

/**
 * Until the React tab is built (issue 3), local dev mode serves this plain page at `/`: it signs in
 * as a demo user through the dev sign-in and shows the demo meeting's agenda, updating live from
 * the event stream. Clearly labelled as dev mode; absent in Entra mode.
 */
const page = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Paragraf — utvecklingsläge</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:"Segoe UI",system-ui,sans-serif;margin:0;background:#f5f5f5;color:#242424}
header{background:#fff4ce;border-bottom:1px solid #c19c00;padding:8px 16px}
main{max-width:900px;margin:16px auto;padding:0 16px}
.card{background:#fff;border-radius:6px;padding:12px 16px;margin:8px 0;box-shadow:0 1px 2px #0002}
.status{font-size:12px;padding:2px 6px;border-radius:8px;background:#e0e0e0}
.current{background:#cfe4fa}.handled{background:#dff6dd}.withdrawn{text-decoration:line-through;color:#616161}
a{color:#0f6cbd}
</style></head><body>
<header><strong>Utvecklingsläge / Dev mode</strong> — lokal inloggning som demoanvändare, inte för produktion. <span id="who"></span></header>
<main><div id="users" class="card"></div><div id="meeting"></div><p id="live" aria-live="polite"></p></main>
<script type="module">
const q = new URLSearchParams(location.search);
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;","'":"&#39;"}[c]));
const users = await (await fetch("/api/dev/users")).json();
document.getElementById("users").innerHTML = "<strong>Logga in som / Sign in as:</strong> " +
  users.users.map((u) => '<a href="/?devUser=' + esc(u.userId) + '">' + esc(u.name) + "</a>").join(" · ");
const userId = q.get("devUser");
if (userId) {
  const { token, user } = await (await fetch("/api/dev/token", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ userId }) })).json();
  document.getElementById("who").textContent = "Inloggad som " + user.name + " — " + user.description;
  const auth = { authorization: "Bearer " + token };
  const meetingId = q.get("meeting") || "demo-meeting";
  const render = async () => {
    const res = await fetch("/api/meetings/" + encodeURIComponent(meetingId), { headers: auth });
    const data = await res.json();
    if (!res.ok) { document.getElementById("meeting").textContent = data.error.message.sv; return; }
    const m = data.meeting;
    document.getElementById("meeting").innerHTML = '<div class="card"><h1>' + esc(m.bodyName) + "</h1><p>" + esc(m.details.date) + " kl. " + esc(m.details.startTime) +
      (m.details.endTime ? "–" + esc(m.details.endTime) : "") + " · " + esc(m.details.place || "") + " · " + esc(m.details.dnr || "") + " · status: " + esc(m.status) +
      " · dina roller: " + esc(data.myRoles.join(", ")) + "</p></div>" +
      m.items.map((i) => '<div class="card ' + esc(i.status) + '"><strong>' + (data.paragraphs[i.id] ? "§ " + data.paragraphs[i.id] + " " : "") + esc(i.title) +
        '</strong> <span class="status ' + esc(i.status) + '">' + esc(i.status) + "</span>" +
        (i.presenters.length ? "<br><small>Föredragande: " + esc(i.presenters.join(", ")) + "</small>" : "") +
        (i.decision ? "<ul>" + i.decision.clauses.map((c) => "<li>att " + esc(c) + "</li>").join("") + "</ul>" : "") + "</div>").join("");
    return data.seq;
  };
  const seq = await render();
  const stream = new EventSource("/api/meetings/" + encodeURIComponent(meetingId) + "/stream?after=" + seq + "&access_token=" + encodeURIComponent(token));
  stream.addEventListener("meeting-event", (e) => { document.getElementById("live").textContent = "Senaste händelse: " + JSON.parse(e.data).event.type; render(); });
  stream.onerror = () => { document.getElementById("live").textContent = "Frånkopplad — återansluter … / Offline — reconnecting …"; };
}
</script></body></html>`;

/** Serves the dev page at `/` in local dev mode only. */
export function registerDevPage(app: FastifyInstance, enabled: boolean): void {
  if (!enabled) return;
  app.get("/", async (_req, reply) => reply.type("text/html; charset=utf-8").header("cache-control", "no-store").send(page));
}
