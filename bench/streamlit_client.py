"""A light Streamlit visitor: one session over the app's websocket, no browser (for bench/bench_class.py).

It speaks what Streamlit's frontend speaks on `ws://host:port/_stcore/stream`: it sends `BackMsg`
protobufs (`rerun_script` with a `ClientState`: the URL's query string, the page by its hash or URL
name, the widget values, the fragment a widget lives in) and reads `ForwardMsg`s until the run's
`script_finished`. From the messages it keeps what a browser would need next: the pages' hashes
(`navigation`), the query string the page wrote (`page_info_changed`), every widget's id and the
fragment it was drawn in (`delta`), and what a visitor would see go wrong (exception elements,
`st.error` boxes, a page not found). Forty of these fit in one asyncio process where forty headless
Chromium tabs do not fit two cores.

Unlike a browser it reports no cached messages (`cached_message_hashes`), so the server sends every
element in full, and it sends a widget's value only when it changes it (the server keeps the others).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

RUN_TIMEOUT_S = 180.0  # a page's run on a server busy with forty sessions
DONE = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)
# st.rerun() ends a run early and starts the next one: the visitor waits on for that one's end.
WIDGETS = ("button", "checkbox", "radio", "selectbox", "slider", "text_area", "text_input", "number_input",
           "multiselect", "button_group")


@dataclass
class Run:
    """One script run as the visitor saw it: its seconds, what it drew, what went wrong."""

    page: str
    seconds: float = 0.0
    status: str = ""  # "finished", "fragment", "compile error", "page not found", "timeout"
    headings: list[str] = field(default_factory=list)  # st.title / st.header / st.subheader texts
    texts: list[str] = field(default_factory=list)  # st.markdown / st.caption texts
    elements: int = 0  # new elements received
    exceptions: list[str] = field(default_factory=list)  # exception elements (error boxes), not warnings
    errors: list[str] = field(default_factory=list)  # st.error alerts
    warnings: list[str] = field(default_factory=list)  # st.warning alerts
    received_bytes: int = 0
    query: str = ""  # the page's query string once the run is over (what the URL bar shows)
    not_found: bool = False  # the page asked for does not exist (Streamlit showed the default page)

    @property
    def problems(self) -> list[str]:
        """What a visitor would report: an exception box, a compile error, a missing page, no end."""
        found = [f"exception: {text}" for text in self.exceptions]
        return found + ([self.status] if self.status not in ("finished", "fragment") else [])


class Visitor:
    """One visitor's session: `await visitor.open(page)`, `await visitor.change(...)`, then `close()`."""

    def __init__(self, url: str, lang: str = "ko") -> None:
        self.stream = url.replace("http://", "ws://").rstrip("/") + "/_stcore/stream"
        self.lang = lang
        self.socket = None
        self.pages: dict[str, str] = {}  # URL name ("" for the default page) -> page_script_hash
        self.page_hash = ""  # the page on screen
        self.query = ""  # the query string the page on screen wrote last
        self.widgets: dict[str, str] = {}  # widget id -> fragment id ("" outside a fragment)
        self.runs: list[Run] = []

    async def connect(self) -> None:
        self.socket = await websockets.connect(self.stream, subprotocols=["streamlit"], max_size=None,
                                               open_timeout=60, ping_interval=None)

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()

    async def open(self, page: str, query: str = "") -> Run:
        """Go to the page whose URL name is `page` ("" the default page), as a link with `query` does."""
        if self.socket is None:
            await self.connect()
        self.widgets.clear()  # the last page's widgets leave with it
        message = BackMsg()
        state = message.rerun_script
        state.query_string = query
        state.page_name = page
        if page in self.pages:
            state.page_script_hash = self.pages[page]
        state.context_info.locale = "ko-KR" if self.lang == "ko" else "en-US"
        state.context_info.timezone = "Asia/Seoul"
        return await self._run(message, page or "home")

    async def change(self, key: str, what: str, value, label: str = "") -> Run:
        """Set the widget whose id ends with `-key` (its `key=`) on the page on screen, and rerun.

        `what`: the WidgetState field ("string_value", "double_array_value", "trigger_value", ...).
        """
        widget_id = self.widget_id(key)
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query
        state.page_script_hash = self.page_hash
        state.fragment_id = self.widgets[widget_id]
        widget = WidgetState(id=widget_id)
        if isinstance(value, list):
            getattr(widget, what).data.extend(value)
        else:
            setattr(widget, what, value)
        state.widget_states.widgets.append(widget)
        return await self._run(message, label or f"{key}={value}")

    def widget_id(self, key: str) -> str:
        found = [widget_id for widget_id in self.widgets if widget_id.endswith(f"-{key}")]
        if len(found) != 1:
            raise KeyError(f"no single widget with key {key!r} on the page ({len(found)} found)")
        return found[0]

    async def _run(self, message: BackMsg, label: str) -> Run:
        run = Run(label)
        started = time.perf_counter()
        await self.socket.send(message.SerializeToString())
        try:
            async with asyncio.timeout(RUN_TIMEOUT_S):
                while not run.status:
                    frame = await self.socket.recv()
                    run.received_bytes += len(frame)
                    self._read(ForwardMsg.FromString(frame), run)
        except TimeoutError:
            run.status = "timeout"
        run.seconds = time.perf_counter() - started
        run.query = self.query
        self.runs.append(run)
        return run

    def _read(self, message: ForwardMsg, run: Run) -> None:
        kind = message.WhichOneof("type")
        if kind == "new_session":
            self.page_hash = message.new_session.page_script_hash or self.page_hash
            self._learn_pages(message.new_session.app_pages)
        elif kind == "navigation":
            self.page_hash = message.navigation.page_script_hash or self.page_hash
            self._learn_pages(message.navigation.app_pages)
        elif kind == "page_info_changed":
            self.query = message.page_info_changed.query_string
        elif kind == "page_not_found":
            run.not_found = True  # Streamlit then runs the default page: wait for its end
            run.errors.append(f"page not found: {message.page_not_found.page_name or run.page}")
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            self._read_element(message.delta.new_element, message.delta.fragment_id, run)
        elif kind == "script_finished":
            if run.not_found:
                run.status = "page not found"
            elif message.script_finished in DONE:
                run.status = "fragment" if message.script_finished == DONE[1] else "finished"
            elif message.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                run.status = "compile error"

    def _learn_pages(self, app_pages) -> None:
        for page in app_pages:
            self.pages[page.url_pathname] = page.page_script_hash
            if page.is_default:
                self.pages[""] = page.page_script_hash

    def _read_element(self, element, fragment_id: str, run: Run) -> None:
        run.elements += 1
        kind = element.WhichOneof("type")
        if kind == "heading":
            run.headings.append(element.heading.body)
        elif kind == "markdown":
            run.texts.append(element.markdown.body)
        elif kind == "exception" and not element.exception.is_warning:
            run.exceptions.append(f"{element.exception.type}: {element.exception.message}"[:300])
        elif kind == "alert" and element.alert.format == Alert.ERROR:
            run.errors.append(element.alert.body[:300])
        elif kind == "alert" and element.alert.format == Alert.WARNING:
            run.warnings.append(element.alert.body[:300])
        elif kind in WIDGETS and getattr(element, kind).id:
            self.widgets[getattr(element, kind).id] = fragment_id
