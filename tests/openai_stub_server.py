"""A real OpenAI-compatible HTTP server on 127.0.0.1 for tests of the LLM answerer and the endpoint embedder.

/chat/completions plays a model that follows the prompt's rules: it answers with the first
sentence of passage [1] and cites it, or, when `reply` is set, returns that reply verbatim (to test
the number check). /embeddings returns deterministic vectors: character bigrams hashed into
`EMBEDDING_DIMENSION` slots (similar texts, similar vectors), after answering `failures` requests
with 503. It records every request body it receives.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

EMBEDDING_DIMENSION = 32


def stub_embedding(text: str) -> list[float]:
    """The vector the stub serves for `text` (not normalised: the client must normalise)."""
    vector = [0.0] * EMBEDDING_DIMENSION
    for a, b in itertools.pairwise(text):
        vector[zlib.crc32((a + b).encode()) % EMBEDDING_DIMENSION] += 2.0
    return vector


class OpenAIStubServer:
    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.reply: str | None = None
        self.failures = 0  # /embeddings requests still to answer with 503
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> OpenAIStubServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def answer_for(self, body: dict) -> str:
        if self.reply is not None:
            return self.reply
        prompt = body["messages"][-1]["content"]
        match = re.search(r"\[1\][^\n]*\n([^\n]+)", prompt)
        if not match:
            return "文中未提及。"
        first_sentence = re.split(r"(?<=[。；])", match.group(1))[0]
        return f"{first_sentence}[1]"

    def _handler(self):
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                stub.requests.append(body)
                if self.path.endswith("/embeddings"):
                    self.embeddings(body)
                    return
                text = stub.answer_for(body)
                created = int(time.time())
                if body.get("stream"):
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.end_headers()
                    for piece in [text[i : i + 8] for i in range(0, len(text), 8)]:
                        chunk = {
                            "id": "stub", "object": "chat.completion.chunk", "created": created,
                            "model": body["model"],
                            "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}],
                        }  # fmt: skip
                        self.wfile.write(f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode())
                    self.wfile.write(b"data: [DONE]\n\n")
                    return
                payload = {
                    "id": "stub", "object": "chat.completion", "created": created, "model": body["model"],
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                                 "finish_reason": "stop"}],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                }  # fmt: skip
                self.send_json(200, payload)

            def embeddings(self, body: dict) -> None:
                if stub.failures > 0:
                    stub.failures -= 1
                    self.send_json(503, {"error": {"message": "overloaded", "type": "server_error"}})
                    return
                texts = [body["input"]] if isinstance(body["input"], str) else body["input"]
                payload = {
                    "object": "list", "model": body["model"],
                    "data": [{"object": "embedding", "index": i, "embedding": stub_embedding(t)}
                             for i, t in enumerate(texts)],
                    "usage": {"prompt_tokens": 1, "total_tokens": 1},
                }  # fmt: skip
                self.send_json(200, payload)

            def send_json(self, status: int, payload: dict) -> None:
                data = json.dumps(payload, ensure_ascii=False).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler
