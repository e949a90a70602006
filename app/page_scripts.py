"""Two small scripts for the chat page, run with `st.html(..., unsafe_allow_javascript=True)` (Streamlit
has no setting for either): they only scroll, and hold no document text, so nothing in them can inject.

- CONTEXT_SCROLL (first on every page): opening "查看原文上下文" scrolls its box to the highlighted passage (the
  box opens at its top); it also puts Chinese on Streamlit's keyboard skip link ("Skip to main content"), which
  has no setting, and defines the `rqHold` the answer's script uses.
- answer_into_view(turn_id): after a reply, the answer's first line is brought into view, not the feedback row.
"""

from __future__ import annotations

import re

# Streamlit's chat pane sticks to its bottom while the page grows (a chart loads, an expander opens), so
# one scroll into view is undone a moment later: `rqHold` puts an element back in place whenever it has
# moved, for `ms` or until the reader scrolls, taps or types.
CONTEXT_SCROLL = """<script>
(() => {
  const skip = document.querySelector('[data-testid="stSkipToContent"]');
  if (skip && skip.textContent !== "跳到正文") skip.textContent = "跳到正文";
  if (window.rqHold) return;
  window.rqHold = (find, place, ms) => {
    const started = Date.now();
    let placedAt = null;
    const timer = setInterval(() => {
      const el = find();
      if (el && Math.round(el.getBoundingClientRect().top) !== placedAt) {
        place(el);
        placedAt = Math.round(el.getBoundingClientRect().top);
      }
      if (Date.now() - started > ms) clearInterval(timer);
    }, 100);
    const stop = () => clearInterval(timer);
    ["wheel", "pointerdown", "touchmove", "keydown"].forEach((name) =>
      window.addEventListener(name, stop, {once: true, passive: true}));
  };
  // the context box opens at its top: scroll it to the highlighted passage, and the box to the middle
  // of the window, clear of the chat box
  const ready = (box) => box && box.clientHeight > 0 && (box.querySelector("mark") || box.querySelector(".rq-cited"));
  const center = (box) => {
    const cited = box.querySelector("mark") || box.querySelector(".rq-cited");
    box.scrollTop = Math.max(0, cited.offsetTop - box.clientHeight / 3);
    box.scrollIntoView({block: "center"});
  };
  document.addEventListener("click", (event) => {
    const expander = event.target.closest && event.target.closest('[data-testid="stExpander"]');
    if (!expander || !expander.querySelector(".rq-context")) return;
    window.rqHold(() => {
      const box = expander.querySelector(".rq-context");
      return ready(box) ? box : null;
    }, center, 5000);
  }, true);
})();
</script>"""

_ANSWER_INTO_VIEW = """<script>
(() => {  // turn %s
  const answers = '[data-testid="stChatMessage"] :is(.rq-answer, .rq-notfound)';
  const last = () => [...document.querySelectorAll(answers)].pop();
  if (window.rqHold) window.rqHold(last, (answer) => answer.scrollIntoView({block: "start"}), 15000);
})();
</script>"""


def answer_into_view(turn_id: str) -> str:
    """The script for one reply; `turn_id` (hex) makes it a new element, so it runs once for that reply."""
    if not re.fullmatch(r"[0-9a-f]+", turn_id):
        raise ValueError(f"turn id must be hex, got {turn_id!r}")
    return _ANSWER_INTO_VIEW % turn_id
