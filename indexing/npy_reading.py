"""Reading .npy files one thread at a time.

numpy parses each file's header with ``ast.literal_eval``, and CPython 3.11 keeps the AST constructor's
recursion depth per interpreter, not per thread: two threads parsing at once may fail with "SystemError:
AST constructor recursion depth mismatch" (python/cpython#106905). An index version is loaded while other
threads answer from the last one, so every read of an index's arrays takes this lock.
"""

from __future__ import annotations

import threading

READING = threading.Lock()
