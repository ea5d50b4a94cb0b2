"""Printing an action's outcome: Dutch lines on stdout and warnings, or one JSON object."""

from __future__ import annotations

import datetime as dt
import json
import sys

from partnerkeuze.kernel.port import Outcome


def _default(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def show(outcome: Outcome, as_json: bool = False) -> None:
    """Print the outcome for a person, or its data as JSON on stdout."""
    if as_json:
        json.dump(outcome.data, sys.stdout, ensure_ascii=False, indent=2, default=_default)
        sys.stdout.write("\n")
        for w in outcome.warnings:
            print(f"Let op: {w}", file=sys.stderr)
        return
    for line in outcome.messages:
        print(line)
    for w in outcome.warnings:
        print(f"Let op: {w}")
