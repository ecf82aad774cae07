# quotewire: `make run` and `make test` work on a fresh clone with nothing installed beforehand.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test setup system-deps serve bench clean schema lint

run: $(STAMP)
	$(BIN)/quotewire demo

test: $(STAMP)
	bash scripts/install-system-deps.sh
	$(BIN)/python -m pytest -q

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,ray]'
	touch $(STAMP)

system-deps:
	bash scripts/install-system-deps.sh

serve: $(STAMP)
	$(BIN)/quotewire serve

bench: $(STAMP)
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

schema: $(STAMP)
	$(BIN)/python -m quotewire.records --write-schema

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
