# GamePulse: the commands a person needs are `make run`, `make test` and `make demo` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help run demo test build deps format bench check-deploy

help:
	@echo "make run    - start PostgreSQL (project-local), local SES, the Web (http://localhost:8080) and the Worker"
	@echo "make demo   - the same as make run, but fed by the feed simulator: live games within seconds, no internet needed"
	@echo "make test   - restore, build and run every test (own throwaway PostgreSQL); results in TestResults/"
	@echo "make format - dotnet format (check with: dotnet format --verify-no-changes)"
	@echo "make bench  - run the benchmarks in bench/ (see bench/README.md)"

run:
	@bash build/run.sh

demo:
	@bash build/demo.sh

test:
	@bash build/test.sh

deps:
	@bash build/deps.sh

build: deps
	dotnet build GamePulse.sln -c Release

format:
	dotnet format GamePulse.sln

bench:
	@bash bench/run.sh
