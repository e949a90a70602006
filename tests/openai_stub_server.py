"""A real OpenAI-compatible HTTP server on 127.0.0.1 for tests of the LLM answerer.

It plays a model that follows the prompt's rules: it answers with the first sentence of
passage [1] and cites it, or, when `reply` is set, returns that reply verbatim (to test the
number check). It records every request body it receives.
"""

from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class OpenAIStubServer:
    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.reply: str | None = None
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
                data = json.dumps(payload, ensure_ascii=False).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler
