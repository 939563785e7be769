"""Start-up cost: Whoosh is imported without urllib.request, and behaves as before."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sys
import search.api  # every Whoosh module we search with
print("urllib.request" in sys.modules)
import whoosh.compat
import urllib.request
print(urllib.request.urlopen is not None and urllib.request.__file__.endswith("request.py"))
target = sys.argv[2]
whoosh.compat.urlretrieve("file://" + sys.argv[1], target)
print(open(target, encoding="utf-8").read() == open(sys.argv[1], encoding="utf-8").read())
"""


def test_whoosh_loads_without_urllib_request_and_urlretrieve_still_works(tmp_path):
    source = tmp_path / "in.txt"
    source.write_text("Ruiz said the bridge would reopen in May.", encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", CODE, str(source), str(tmp_path / "out.txt")], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True", "True"]
