"""The domain model of a call: profile, settings, criteria, candidates, assessors and scores."""

from __future__ import annotations

import datetime as dt

from partnerkeuze.kernel.plain import Plain, Value


class Criterion(Value):
    """An assessment criterion with its weight (percent), scale and kind (scored or knock-out).
    ``questions`` and ``names`` (the name per language) do not count in equality."""

    COMPARED = ("id", "name", "weight", "scale_min", "scale_max", "kind", "threshold",
                "description", "row")

    def __init__(self, id: str, name: str, weight: float, scale_min: float, scale_max: float,
                 kind: str = "Score", threshold: float | None = None, description: str = "",
                 questions: dict | None = None, row: int = 0, names: dict | None = None):
        self.id = id
        self.name = name
        self.weight = weight
        self.scale_min = scale_min
        self.scale_max = scale_max
        self.kind = kind
        self.threshold = threshold
        self.description = description
        self.questions = {} if questions is None else questions
        self.row = row
        self.names = {} if names is None else names

    @property
    def knockout(self) -> bool:
        """True for a knock-out criterion (excludes below the threshold, no weight)."""
        return self.kind == "Knock-out"


class Candidate(Value):
    """A candidate partner municipality as registered on the Kandidaten sheet."""

    def __init__(self, id: str, name: str, country: str, language: str, region: str = "",
                 channel: str = "", contact: str = "", email: str = "",
                 received: dt.date | None = None, status: str = "Ontvangen", note: str = "",
                 row: int = 0):
        self.id = id
        self.name = name
        self.country = country
        self.language = language
        self.region = region
        self.channel = channel
        self.contact = contact
        self.email = email
        self.received = received
        self.status = status
        self.note = note
        self.row = row


class Assessor(Value):
    """A person who scores the candidates."""

    def __init__(self, id: str, name: str, role: str = "", email: str = "", row: int = 0):
        self.id = id
        self.name = name
        self.role = role
        self.email = email
        self.row = row


class Score(Value):
    """One assessor's score of one candidate on one criterion, with the motivation."""

    __slots__ = ("candidate", "criterion", "assessor", "score", "motivation", "row")

    def __init__(self, candidate: str, criterion: str, assessor: str, score: float | None,
                 motivation: str = "", row: int = 0):
        self.candidate = candidate
        self.criterion = criterion
        self.assessor = assessor
        self.score = score
        self.motivation = motivation
        self.row = row


class Settings(Value):
    """The settings of the call (Instellingen sheet); ``values`` (every field by key) does not
    count in equality."""

    COMPARED = ("mode", "call_title", "shortlist_size", "aggregation", "scale_min", "scale_max",
                "call_date", "deadline", "frozen_hash", "frozen_at", "frozen_by")

    def __init__(self, mode: str = "stedenband", call_title: str = "", shortlist_size: int = 3,
                 aggregation: str = "mean", scale_min: float = 0.0, scale_max: float = 5.0,
                 call_date: dt.date | None = None, deadline: dt.date | None = None,
                 frozen_hash: str = "", frozen_at: str = "", frozen_by: str = "",
                 values: dict | None = None):
        self.mode = mode
        self.call_title = call_title
        self.shortlist_size = shortlist_size
        self.aggregation = aggregation
        self.scale_min = scale_min
        self.scale_max = scale_max
        self.call_date = call_date
        self.deadline = deadline
        self.frozen_hash = frozen_hash
        self.frozen_at = frozen_at
        self.frozen_by = frozen_by
        self.values = {} if values is None else values


class Model(Plain):
    """Everything parsed from a workbook; ``tables`` keeps every table's typed rows by key."""

    def __init__(self, profile: dict, settings: Settings, criteria: list[Criterion],
                 candidates: list[Candidate], assessors: list[Assessor], scores: list[Score],
                 tables: dict[str, list[dict]] | None = None,
                 fields: dict[str, dict] | None = None):
        self.profile = profile
        self.settings = settings
        self.criteria = criteria
        self.candidates = candidates
        self.assessors = assessors
        self.scores = scores
        self.tables = {} if tables is None else tables
        self.fields = {} if fields is None else fields

    def criterion(self, cid: str) -> Criterion:
        """The criterion with this id."""
        return next(c for c in self.criteria if c.id == cid)

    def candidate(self, cid: str) -> Candidate:
        """The candidate with this id."""
        return next(c for c in self.candidates if c.id == cid)
