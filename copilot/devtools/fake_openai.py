"""A fake OpenAI-compatible server on 127.0.0.1 for tests and benchmarks.

It speaks just enough of the API (``/v1/chat/completions`` with and without streaming,
``/v1/embeddings``, ``/v1/models``) to exercise the real ``openai``/``langchain-openai`` clients,
and lets a test script each reply: a completion, malformed text, an HTTP error such as 429, or a
delay longer than the client's timeout.
"""

from __future__ import annotations

import hashlib
import json
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    """One scripted answer. ``status`` != 200 sends an OpenAI-style error body; ``raw`` sends these
    bytes as the whole 200 response body (a proxy's HTML page, a truncated body); ``hang`` accepts the
    request and never answers until the server stops."""

    content: str = ""
    status: int = 200
    delay: float = 0.0
    raw: bytes | None = None
    hang: bool = False


Responder = Callable[[dict[str, Any]], str]


class FakeOpenAI:
    """Context manager running the fake server in a background thread.

    Replies are taken from the scripted queue first (:meth:`push`), then from ``responder``
    (a function of the request body returning the assistant text), then ``"{}"``.
    """

    def __init__(self, responder: Responder | None = None, *, latency: float = 0.0, model: str = "fake-model"):
        self.responder = responder
        self.latency = latency
        self.model = model
        self.script: deque[Reply] = deque()
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)  # notified on each chat request (wait_for_chat)
        self._server: _Server | None = None
        self.stopping = threading.Event()  # releases hanging replies when the server stops
        self._thread: threading.Thread | None = None

    # -- scripting -------------------------------------------------------------------------
    def push(self, *replies: Reply | str) -> None:
        with self._lock:
            for r in replies:
                self.script.append(r if isinstance(r, Reply) else Reply(content=r))

    def _next(self, body: dict[str, Any]) -> Reply:
        with self._lock:
            self.requests.append(body)
            self._arrived.notify_all()
            if self.script:
                return self.script.popleft()
        text = self.responder(body) if self.responder else "{}"
        return Reply(content=text, delay=self.latency)

    @property
    def url(self) -> str:
        assert self._server is not None, "server not started"
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    @property
    def chat_requests(self) -> list[dict[str, Any]]:
        return [r for r in self.requests if "messages" in r]

    def wait_for_chat(self, n: int = 1, timeout: float = 60.0) -> bool:
        """Block until ``n`` chat requests have arrived (a test's sign that a call is in flight, e.g. holding a
        hung reply), instead of sleeping and hoping; False when ``timeout`` passed first (a guard, not a measure)."""
        with self._arrived:
            return self._arrived.wait_for(lambda: len(self.chat_requests) >= n, timeout)

    # -- lifecycle -------------------------------------------------------------------------
    def __enter__(self) -> FakeOpenAI:
        self._server = _Server(self)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        if self._server:
            self._server.shutdown()
            self._server.server_close()


class _Handler(BaseHTTPRequestHandler):
    """Speaks enough of the OpenAI HTTP API for the real clients: chat (plain and streamed), models, embeddings."""

    server: _Server
    protocol_version = "HTTP/1.1"

    @property
    def fake(self) -> FakeOpenAI:
        return self.server.fake

    def log_message(self, *args: Any) -> None:  # keep test output clean
        pass

    def _send(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802
        if self.path.rstrip("/").endswith("/models"):
            self._send(200, {"object": "list", "data": [{"id": self.fake.model, "object": "model"}]})
        else:
            self._send(404, {"error": {"message": "not found"}})

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        try:
            body = json.loads(self.rfile.read(length) or b"{}")
        except json.JSONDecodeError:
            self._send(400, {"error": {"message": "bad json"}})
            return
        if self.path.endswith("/embeddings"):
            self.fake.requests.append(body)
            self._embeddings(body)
            return
        reply = self.fake._next(body)
        if reply.hang:
            self.fake.stopping.wait()
            return
        if reply.delay:
            time.sleep(reply.delay)
        if reply.raw is not None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(reply.raw)))
            self.end_headers()
            self.wfile.write(reply.raw)
            return
        if reply.status != 200:
            self._send(
                reply.status,
                {"error": {"message": reply.content or "error", "type": "fake_error", "code": reply.status}},
                {"retry-after-ms": "10"},
            )
            return
        if body.get("stream"):
            self._stream(reply.content)
            return
        self._send(
            200,
            {
                "id": "chatcmpl-fake",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": body.get("model", self.fake.model),
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": reply.content},
                        "finish_reason": "stop",
                    }
                ],
                "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
            },
        )

    def _stream(self, content: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Connection", "close")
        self.end_headers()
        step = 8
        for i in range(0, max(len(content), 1), step):
            chunk = {
                "id": "chatcmpl-fake",
                "object": "chat.completion.chunk",
                "created": int(time.time()),
                "model": self.fake.model,
                "choices": [{"index": 0, "delta": {"content": content[i : i + step]}, "finish_reason": None}],
            }
            self.wfile.write(f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode())
        self.wfile.write(b"data: [DONE]\n\n")
        self.wfile.flush()
        self.close_connection = True

    def _embeddings(self, body: dict[str, Any]) -> None:
        inputs = body.get("input", [])
        if isinstance(inputs, str):
            inputs = [inputs]
        data = []
        for i, text in enumerate(inputs):
            digest = hashlib.sha256(str(text).encode()).digest()
            vec = [(b - 128) / 128 for b in digest[:16]]
            data.append({"object": "embedding", "index": i, "embedding": vec})
        self._send(200, {"object": "list", "data": data, "model": body.get("model", "fake-emb"),
                         "usage": {"prompt_tokens": 1, "total_tokens": 1}})


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, fake: FakeOpenAI) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.fake = fake

    def handle_error(self, request: Any, client_address: Any) -> None:
        # a client that timed out and hung up is a scripted scenario, not an error
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)
