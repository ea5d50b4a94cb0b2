"""What ``partnerkeuze doctor`` reports: the findings of a diagnosis, each with its level (OK,
LET OP, FOUT, INFO), what was checked and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass, field

OK, WARN, FAIL, INFO = "OK", "LET OP", "FOUT", "INFO"


@dataclass
class Finding:
    """One check's outcome: level (OK, LET OP, FOUT, INFO), what was checked, what to do."""

    level: str
    topic: str
    text: str
    fix: str = ""

    def lines(self) -> list[str]:
        """The finding as printed: '[LEVEL] topic: text' and an indented fix."""
        out = [f"[{self.level}] {self.topic}: {self.text}"]
        if self.fix:
            out.append(f"        Oplossing: {self.fix}")
        return out


@dataclass
class Report:
    """Every finding of a diagnosis, in the order of the checks."""

    findings: list[Finding] = field(default_factory=list)

    def add(self, level: str, topic: str, text: str, fix: str = "") -> None:
        self.findings.append(Finding(level, topic, text, fix))

    @property
    def failed(self) -> bool:
        return any(f.level == FAIL for f in self.findings)

    def text(self) -> str:
        lines = [line for f in self.findings for line in f.lines()]
        n_fail = sum(f.level == FAIL for f in self.findings)
        n_warn = sum(f.level == WARN for f in self.findings)
        lines.append("")
        lines.append("Alles in orde: Partnerkeuze kan werken op deze pc." if not n_fail and not n_warn
                     else f"{n_fail} fout(en) en {n_warn} waarschuwing(en): herstel ze in deze volgorde "
                          f"en voer 'partnerkeuze doctor' opnieuw uit.")
        return "\n".join(lines)
