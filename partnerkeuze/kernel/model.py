"""The domain model of a call: profile, settings, criteria, candidates, assessors and scores."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Criterion:
    """An assessment criterion with its weight (percent), scale and kind (scored or knock-out)."""

    id: str
    name: str
    weight: float
    scale_min: float
    scale_max: float
    kind: str = "Score"
    threshold: float | None = None
    description: str = ""
    questions: dict = field(default_factory=dict, compare=False, hash=False)
    row: int = 0
    names: dict = field(default_factory=dict, compare=False, hash=False)  # name per language

    @property
    def knockout(self) -> bool:
        """True for a knock-out criterion (excludes below the threshold, no weight)."""
        return self.kind == "Knock-out"


@dataclass(frozen=True)
class Candidate:
    """A candidate partner municipality as registered on the Kandidaten sheet."""

    id: str
    name: str
    country: str
    language: str
    region: str = ""
    channel: str = ""
    contact: str = ""
    email: str = ""
    received: dt.date | None = None
    status: str = "Ontvangen"
    note: str = ""
    row: int = 0


@dataclass(frozen=True)
class Assessor:
    """A person who scores the candidates."""

    id: str
    name: str
    role: str = ""
    email: str = ""
    row: int = 0


@dataclass(frozen=True, slots=True)
class Score:
    """One assessor's score of one candidate on one criterion, with the motivation."""

    candidate: str
    criterion: str
    assessor: str
    score: float | None
    motivation: str = ""
    row: int = 0


@dataclass(frozen=True)
class Settings:
    """The settings of the call (Instellingen sheet)."""

    mode: str = "stedenband"
    call_title: str = ""
    shortlist_size: int = 3
    aggregation: str = "mean"
    scale_min: float = 0.0
    scale_max: float = 5.0
    call_date: dt.date | None = None
    deadline: dt.date | None = None
    frozen_hash: str = ""
    frozen_at: str = ""
    frozen_by: str = ""
    values: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass
class Model:
    """Everything parsed from a workbook; ``tables`` keeps every table's typed rows by key."""

    profile: dict
    settings: Settings
    criteria: list[Criterion]
    candidates: list[Candidate]
    assessors: list[Assessor]
    scores: list[Score]
    tables: dict[str, list[dict]] = field(default_factory=dict)
    fields: dict[str, dict] = field(default_factory=dict)

    def criterion(self, cid: str) -> Criterion:
        """The criterion with this id."""
        return next(c for c in self.criteria if c.id == cid)

    def candidate(self, cid: str) -> Candidate:
        """The candidate with this id."""
        return next(c for c in self.candidates if c.id == cid)
