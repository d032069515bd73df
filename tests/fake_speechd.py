"""A speech-dispatcher that never finishes speaking, for tests: it answers the SSIP protocol
(https://htmlpreview.github.io/?https://github.com/brailcom/speechd/blob/master/doc/ssip.html)
well enough for Qt's speechd engine to load and offer English and Spanish voices, then
holds every text it is asked to say, as a real daemon with no sound server does:

- "silent": SPEAK is never answered (libspeechd, and the engine's thread with it, waits);
- "endless": the text is queued and its start reported, and its end never comes.

Point the kiosk at it with SPEECHD_ADDRESS=unix_socket:PATH. `close()` lets go of the
clients (libspeechd then returns, so a test process can end cleanly).
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
from pathlib import Path

# A voice for the "C" locale too: Qt's engine starts in the system locale, C on a server.
VOICES = (
    b"249-Default\tC\tnone\r\n"
    b"249-English\ten-US\tnone\r\n"
    b"249-Spanish\tes-419\tnone\r\n"
    b"249 OK VOICE LIST SENT\r\n"
)


class FakeSpeechd:
    def __init__(self, path: Path, mode: str = "endless"):
        assert mode in ("silent", "endless")
        self.path, self.mode = Path(path), mode
        self.spoken: list[str] = []
        self.said = threading.Event()  # a text reached the daemon
        self._clients: list[socket.socket] = []
        self._closed = threading.Event()
        self._server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._server.bind(str(self.path))
        self._server.listen(8)
        threading.Thread(target=self._accept, name="fake-speechd", daemon=True).start()

    @property
    def address(self) -> str:
        return f"unix_socket:{self.path}"

    def close(self) -> None:
        self._closed.set()
        for sock in [self._server, *self._clients]:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        with contextlib.suppress(OSError):
            os.unlink(self.path)

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            self._clients.append(client)
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        with contextlib.suppress(OSError):
            self._talk(client)

    def _talk(self, client: socket.socket) -> None:
        buffer, text, receiving, message = b"", [], False, 0
        while True:
            data = client.recv(4096)
            if not data:
                return
            buffer += data
            while b"\r\n" in buffer:
                line, buffer = buffer.split(b"\r\n", 1)
                if receiving:
                    if line != b".":
                        text.append(line.decode(errors="replace"))
                        continue
                    receiving = False
                    self.spoken.append(" ".join(text))
                    self.said.set()
                    if self.mode == "silent":
                        self._closed.wait()  # never answers
                        return
                    message += 1
                    client.sendall(b"225-%d\r\n225 OK MESSAGE QUEUED\r\n" % message)
                    client.sendall(b"701-%d\r\n701-1\r\n701 BEGIN\r\n" % message)  # never 702 END
                    continue
                client.sendall(self._reply(line.upper()))
                if line.upper().startswith(b"SPEAK"):
                    receiving, text = True, []
                elif line.upper().startswith(b"QUIT"):
                    return

    @staticmethod
    def _reply(command: bytes) -> bytes:
        if command.startswith(b"SPEAK"):
            return b"230 OK RECEIVING DATA\r\n"
        if command.startswith(b"LIST OUTPUT_MODULES"):
            return b"250-espeak-ng\r\n250 OK MODULE LIST SENT\r\n"
        if command.startswith(b"LIST SYNTHESIS_VOICES"):
            return VOICES
        if command.startswith(b"LIST VOICES"):
            return b"249-MALE1\r\n249 OK VOICE LIST SENT\r\n"
        if command.startswith(b"GET OUTPUT_MODULE"):
            return b"251-espeak-ng\r\n251 OK GET RETURNED\r\n"
        if command.startswith(b"GET"):
            return b"251-0\r\n251 OK GET RETURNED\r\n"
        if command.startswith(b"HISTORY GET CLIENT_ID"):
            return b"245-1\r\n245 OK CLIENT ID SENT\r\n"
        if command.startswith(b"QUIT"):
            return b"231 HAPPY HACKING\r\n"
        return b"200 OK\r\n"
