"""Two small scripts for the chat page, run with `st.html(..., unsafe_allow_javascript=True)` (Streamlit
has no setting for either): they only scroll, and hold no document text, so nothing in them can inject.

- CONTEXT_SCROLL: opening "查看原文上下文" scrolls its box to the highlighted passage (the box opens at its top);
  it also puts Chinese on Streamlit's keyboard skip link ("Skip to main content"), which has no setting.
- answer_into_view(turn_id): after a reply, the answer's first line is brought into view, not the feedback row.
"""

from __future__ import annotations

import re

CONTEXT_SCROLL = """<script>
(() => {
  const skip = document.querySelector('[data-testid="stSkipToContent"]');
  if (skip && skip.textContent !== "跳到正文") skip.textContent = "跳到正文";
  if (window.rqContextScroll) return;
  window.rqContextScroll = true;
  const center = (box) => {
    const cited = box.querySelector("mark") || box.querySelector(".rq-cited");
    if (!cited || box.clientHeight === 0) return false;
    box.scrollTop = Math.max(0, cited.offsetTop - box.clientHeight / 3);
    box.scrollIntoView({block: "center"});  // and the box itself to the middle of the window, clear of the chat box
    return true;
  };
  document.addEventListener("click", (event) => {
    const expander = event.target.closest && event.target.closest('[data-testid="stExpander"]');
    if (!expander || !expander.querySelector(".rq-context")) return;
    let tries = 0;
    const timer = setInterval(() => {
      const boxes = [...expander.querySelectorAll(".rq-context")];
      if (boxes.every(center) || ++tries > 30) clearInterval(timer);
    }, 60);
  }, true);
})();
</script>"""

_ANSWER_INTO_VIEW = """<script>
(() => {  // turn %s
  const answerTop = () => {
    const answers = document.querySelectorAll('[data-testid="stChatMessage"] :is(.rq-answer, .rq-notfound)');
    const last = answers[answers.length - 1];
    return last && [last, Math.round(last.getBoundingClientRect().top)];
  };
  // Streamlit lays out the rest of the turn after this runs (the chart loads last, seconds later on a busy
  // machine) and its chat pane sticks to the bottom while the page grows, so one scroll is undone. Bring
  // the answer back whenever it has moved, for 15 s or until the reader scrolls, clicks or types.
  let placedAt = null, ticks = 0;
  const timer = setInterval(() => {
    const found = answerTop();
    if (found && found[1] !== placedAt) {
      found[0].scrollIntoView({block: "start"});
      placedAt = answerTop()[1];
    }
    if (++ticks >= 150) clearInterval(timer);
  }, 100);
  const stop = () => clearInterval(timer);
  ["wheel", "pointerdown", "touchmove", "keydown"].forEach((name) =>
    window.addEventListener(name, stop, {once: true, passive: true}));
})();
</script>"""


def answer_into_view(turn_id: str) -> str:
    """The script for one reply; `turn_id` (hex) makes it a new element, so it runs once for that reply."""
    if not re.fullmatch(r"[0-9a-f]+", turn_id):
        raise ValueError(f"turn id must be hex, got {turn_id!r}")
    return _ANSWER_INTO_VIEW % turn_id
