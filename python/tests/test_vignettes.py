"""The Python vignettes (docs/vignettes/*.md) run: their ```python blocks, in order, in one
namespace, from the repository root; a ```text block right after a python block is what that
block prints, and must stay so. A vignette cannot fall behind the library."""

import contextlib
import io
import pathlib
import re

import pytest

# A python block, and the text block that follows it with nothing but blank lines between.
BLOCK = re.compile(r"^```python\n(.*?)^```\n(?:\s*^```text\n(.*?)^```$)?", re.MULTILINE | re.DOTALL)


def vignettes(source_dir):
    return sorted(p for p in (pathlib.Path(source_dir) / "docs" / "vignettes").glob("*.md")
                  if BLOCK.search(p.read_text()))


def lines(text):
    return [line.rstrip() for line in text.strip("\n").splitlines()]


def test_there_is_a_python_vignette(source_dir):
    assert vignettes(source_dir), "no docs/vignettes/*.md with ```python blocks"


def test_every_python_vignette_runs_and_prints_what_it_shows(source_dir, monkeypatch):
    monkeypatch.chdir(source_dir)
    for path in vignettes(source_dir):
        namespace = {"__name__": "__vignette__"}
        for number, (code, shown) in enumerate(BLOCK.findall(path.read_text()), start=1):
            printed = io.StringIO()
            try:
                with contextlib.redirect_stdout(printed):
                    exec(compile(code, f"{path.name} block {number}", "exec"), namespace)
            except Exception as error:  # name the block, then let pytest show the error
                pytest.fail(f"{path.name}, python block {number} failed: {error!r}")
            if shown:
                assert lines(printed.getvalue()) == lines(shown), f"{path.name}, python block {number} prints otherwise"
