"""Two small scripts for the chat page, run with `st.html(..., unsafe_allow_javascript=True)` (Streamlit
has no setting for either): they only scroll, and hold no document text, so nothing in them can inject.

- CONTEXT_SCROLL (first on every page): opening "查看原文上下文" scrolls its box to the highlighted passage (the
  box opens at its top); it also puts Chinese on Streamlit's keyboard skip link ("Skip to main content"), which
  has no setting, and defines the `rqHold` the turn scripts use.
- question_into_view(turn_id): a question just asked, and the "正在查找" under it, are brought into view (the
  page does not follow its bottom: the chat box sits in `st.bottom`).
- answer_into_view(turn_id): after a reply, the answer's first line is brought into view, not the feedback row.
"""

from __future__ import annotations

import re

# `rqHold` puts one element in place, and back whenever the page moves it while a turn is laid out (the chart
# loads, an expander opens), for `ms` or until the reader scrolls, taps or types; a new hold ends the last.
CONTEXT_SCROLL = """<script>
(() => {
  const skip = document.querySelector('[data-testid="stSkipToContent"]');
  if (skip && skip.textContent !== "跳到正文") skip.textContent = "跳到正文";
  if (window.rqHold) return;
  let holding = null;
  const stop = () => clearInterval(holding);
  ["wheel", "pointerdown", "touchmove", "keydown"].forEach((name) =>
    window.addEventListener(name, stop, {passive: true}));
  window.rqHold = (find, place, ms) => {
    stop();
    const started = Date.now();
    let placedAt = null;
    holding = setInterval(() => {
      const el = find();
      if (el && Math.round(el.getBoundingClientRect().top) !== placedAt) {
        place(el);
        placedAt = Math.round(el.getBoundingClientRect().top);
      }
      if (Date.now() - started > ms) stop();
    }, 100);
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

_INTO_VIEW = """<script>
(() => {  // turn %s
  const last = () => [...document.querySelectorAll('%s')].pop();
  if (window.rqHold) window.rqHold(last, (el) => el.scrollIntoView({block: "start"}), 15000);
})();
</script>"""


def _into_view(turn_id: str, selector: str) -> str:
    # `turn_id` (hex) makes each script a new element, so it runs once, for its own turn
    if not re.fullmatch(r"[0-9a-f]+", turn_id):
        raise ValueError(f"turn id must be hex, got {turn_id!r}")
    return _INTO_VIEW % (turn_id, selector)


def question_into_view(turn_id: str) -> str:
    """The script for a question just asked: its message, with the search status under it, into view."""
    return _into_view(turn_id, '[data-testid="stChatMessage"]:has(.rq-question)')


def answer_into_view(turn_id: str) -> str:
    """The script for one reply: the answer's first line into view."""
    return _into_view(turn_id, '[data-testid="stChatMessage"] :is(.rq-answer, .rq-notfound)')
