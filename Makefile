# quotewire: `make run` and `make test` work on a fresh clone with nothing installed beforehand.
# `make run` installs what running needs (the package and its pinned dependencies); `make test`
# adds the `test` and `ray` extras. Each install says what it is doing, and pip shows every package.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test setup setup-test system-deps serve bench clean schema lint

run: $(STAMP)
	$(BIN)/quotewire demo

test: $(TEST_STAMP)
	bash scripts/install-system-deps.sh
	$(BIN)/python -m pytest -q

setup: $(STAMP)

setup-test: $(TEST_STAMP)

$(STAMP): pyproject.toml
	@echo "==> [1/3] $(VENV): a virtual environment for quotewire"
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "==> [2/3] pip: bringing it up to date"
	$(BIN)/python -m pip install --upgrade pip
	@echo "==> [3/3] quotewire and what it needs to run (first time: about 4 to 6 minutes on 2 cores, 820 MB; a line per package)"
	$(BIN)/python -m pip install -e .
	touch $(STAMP)
	@echo "==> installed; next time this step is skipped"

$(TEST_STAMP): $(STAMP)
	@echo "==> the test tools, Ray and the Ukrainian dictionary (extras test, ray and uk; first time: about 4 more minutes)"
	$(BIN)/python -m pip install -e '.[test,ray,uk]'
	touch $(TEST_STAMP)

system-deps:
	bash scripts/install-system-deps.sh

serve: $(STAMP)
	$(BIN)/quotewire serve

bench: $(TEST_STAMP)
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

schema: $(STAMP)
	$(BIN)/python -m quotewire.records --write-schema

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
