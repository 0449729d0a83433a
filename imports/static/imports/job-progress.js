// The import job's waiting page: ask for the progress every few seconds and update the
// bar and the status line in place; load the page once more when the report is ready.
// Without scripts a <noscript> meta refresh reloads the whole page instead.
"use strict";
(function () {
  const box = document.querySelector(".import-progress[data-progress-url]");
  if (!box) return;
  const url = box.dataset.progressUrl;
  const every = Math.max(1, Number(box.dataset.pollSeconds) || 1) * 1000;
  const status = box.querySelector(".import-state");
  const bar = box.querySelector("progress");
  let failures = 0;

  async function poll() {
    try {
      const response = await fetch(url, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        cache: "no-store",
      });
      if (!response.ok) throw new Error(String(response.status));
      const job = await response.json();
      failures = 0;
      if (job.finished) {
        window.location.reload();
        return;
      }
      bar.max = Math.max(job.total, 1);
      bar.value = job.done;
      status.dataset.state = job.state;
      status.textContent = job.text;
    } catch (error) {
      failures += 1;  // a restart of the server: keep trying, a little slower
    }
    window.setTimeout(poll, every * Math.min(1 + failures, 5));
  }
  window.setTimeout(poll, every);
})();
