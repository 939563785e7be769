"""Import Whoosh without `urllib.request`: 30 ms of every command's start-up.

`whoosh.compat`, which every Whoosh module imports, does `from urllib.request import
urlretrieve` at import time. That one line loads http.client, email, ssl and socket, about
30 ms on the machines we measure, for a function that only Whoosh's optional WordNet
downloader calls and this program never does. A `search query --json` call is measured
against bare `import whoosh, click, pydantic` (issue 4), and these 30 ms are an eighth of it.

`load_whoosh_compat()` imports `whoosh.compat` once with a stand-in `urllib.request` in
`sys.modules`, then takes the stand-in out again, so that any later `import urllib.request`
gets the real module. The stand-in's `urlretrieve` imports the real one when called: Whoosh
behaves exactly as before. If `urllib.request` or `whoosh.compat` is already loaded (a
program embedding us), nothing is done.
"""

from __future__ import annotations

import sys
import types
from typing import Any


def _urlretrieve(*args: Any, **kwargs: Any) -> Any:
    from urllib.request import urlretrieve

    return urlretrieve(*args, **kwargs)


def load_whoosh_compat() -> None:
    if "whoosh.compat" in sys.modules or "urllib.request" in sys.modules:
        return
    stand_in = types.ModuleType("urllib.request", "stand-in while whoosh.compat is imported")
    stand_in.urlretrieve = _urlretrieve  # type: ignore[attr-defined]
    sys.modules["urllib.request"] = stand_in
    try:
        import whoosh.compat  # noqa: F401
    finally:
        if sys.modules.get("urllib.request") is stand_in:
            del sys.modules["urllib.request"]
        urllib = sys.modules.get("urllib")
        if urllib is not None and getattr(urllib, "request", None) is stand_in:
            del urllib.request
