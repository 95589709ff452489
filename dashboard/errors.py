"""Exceptions named for what went wrong."""

from __future__ import annotations


class PuentesError(Exception):
    """Base class of every error this project raises on purpose."""


class DataValidationError(PuentesError):
    """A raw or processed file does not have the expected shape or values.

    The message always names the file, and where known the column and rows.
    """

    def __init__(self, file: str, problem: str) -> None:
        self.file = file
        self.problem = problem
        super().__init__(f"{file}: {problem}")


class UnknownIndicator(PuentesError, KeyError):
    """An indicator id that is not in the catalogue."""

    def __str__(self) -> str:
        return f"unknown indicator: {self.args[0]!r}"


class ExportFailed(PuentesError):
    """The headless browser could not draw an image (missing, crashed or too slow)."""
