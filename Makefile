# Two entry points that work on a fresh clone with only Python 3.11+ and make:
#   make demo   create .venv, install, index seeds/ into index/, run sample searches
#   make test   create .venv, install with test extras, run the tests
#   make lint   ruff's rules and formatting, mypy's types (CI runs it before the tests)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SEARCH := $(BIN)/search

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# setup.py compiles the extractor (search/quotes) with mypyc: an edit there reinstalls.
# compileall: an editable install's modules are byte-compiled once here, so that where
# PYTHONDONTWRITEBYTECODE is set (Docker images, sandboxes) a command does not compile
# some thirty modules every time it starts (about 35 ms of a 120 ms search).
$(VENV)/.installed: pyproject.toml setup.py $(wildcard search/quotes/*.py) | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m compileall -q search > /dev/null
	touch $@

demo: $(VENV)/.installed
	$(SEARCH) index seeds/
	@echo; echo '$$ search query "return to normality"'
	@$(SEARCH) query "return to normality"
	@echo; echo '$$ search query --speaker lukyanov --kind quote'
	@$(SEARCH) query --speaker lukyanov --kind quote
	@echo; echo '$$ search query Ukraine --facet source --facet speaker --limit 3'
	@$(SEARCH) query Ukraine --facet source --facet speaker --limit 3
	@echo; echo '$$ search speakers'
	@$(SEARCH) speakers

test: $(VENV)/.installed
	$(BIN)/python -m pytest

# what CI checks before the tests (.ci/run): lint rules, formatting, types
lint: $(VENV)/.installed
	$(BIN)/ruff check search tests bench
	$(BIN)/ruff format --check search tests bench
	$(BIN)/python -m mypy search

bench: $(VENV)/.installed
	$(BIN)/python -m bench.quotes

clean:
	rm -rf $(VENV) index/MAIN* index/_MAIN* *.egg-info build .mypy_cache search/quotes/*.so
