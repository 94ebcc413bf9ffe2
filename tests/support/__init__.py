"""Test helpers that are not tests: servers, subprocesses, factories."""
