"""The command line ``partnerkeuze``: a thin front door over the actions.

Each command lives in its own module ``partnerkeuze.app.cli.cmd_<name>`` with ``add_parser`` and
``run``; heavy imports stay inside ``run`` so that ``--help`` and quick commands start fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from partnerkeuze.kernel.errors import EXIT_FILE, PartnerkeuzeError

# Commands in the order ``--help`` lists them.
COMMANDS: tuple[str, ...] = ("new", "check", "score", "demo", "questionnaire", "dossier", "letters",
                             "plan", "remind", "forms", "import", "assessor-forms", "merge",
                             "match", "addin", "freeze", "record", "evaluate", "doctor",
                             "install")

_TRANSLATIONS = (
    ("the following arguments are required: ", "deze argumenten ontbreken: "),
    ("unrecognized arguments: ", "onbekende argumenten: "),
    ("invalid choice: ", "ongeldige keuze: "),
    ("argument ", "argument "),
    ("expected one argument", "verwacht één waarde"),
    ("choose from ", "kies uit "),
    ("usage: ", "gebruik: "),
)


def _dutch(text: str) -> str:
    for en, nl in _TRANSLATIONS:
        text = text.replace(en, nl)
    return text


class DutchParser(argparse.ArgumentParser):
    """An argument parser whose usage errors read in Dutch and exit with code 2."""

    def error(self, message: str):  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        self.exit(EXIT_FILE, f"{self.prog}: fout: {_dutch(message)}\n")

    def format_usage(self) -> str:
        return _dutch(super().format_usage())

    def format_help(self) -> str:
        return _dutch(super().format_help()).replace("options:", "opties:").replace(
            "show this help message and exit", "toon deze hulp en stop").replace(
            "positional arguments:", "argumenten:")


def build_parser(only: str | None = None) -> DutchParser:
    """The parser with every command's subparser, or with only the subparser of one command
    (what main needs to run it: importing and building all of them costs about 20 ms)."""
    parser = DutchParser(prog="partnerkeuze",
                         description="Partnerkeuze: een partnergemeente kiezen, eerlijk en open.")
    from partnerkeuze.kernel.version import __version__

    parser.add_argument("--version", action="version", version=f"partnerkeuze {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT", parser_class=DutchParser)
    for name in COMMANDS if only is None else (only,):
        importlib.import_module(f"partnerkeuze.app.cli.cmd_{name.replace('-', '_')}").add_parser(sub)
    return parser


def progress_printer(quiet: bool = False):
    """A progress reporter that writes to stderr (so stdout stays clean for --json)."""
    def show(message: str) -> None:
        if not quiet:
            print(f"… {message}", file=sys.stderr, flush=True)
    return show


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 done, 1 problems, 2 usage or file)."""
    if not os.environ.get("PARTNERKEUZE_DEBUG"):
        # A writer interrupted by a full disk leaves generators that complain in English at
        # clean-up; the user already got the Dutch message.
        sys.unraisablehook = lambda unraisable: None
    # A text the console cannot show must not fail a command after its files were written
    # (stderr already escapes; stdout would raise UnicodeEncodeError).
    if hasattr(sys.stdout, "reconfigure"):
        try:
            sys.stdout.reconfigure(errors="backslashreplace")
        except (ValueError, OSError):
            pass
    argv = sys.argv[1:] if argv is None else list(argv)
    # The command's own parser only when the first word names a command (`partnerkeuze merge
    # ...`); anything else (no command, --help, --version, a typo) gets the full parser and so
    # the full list of commands in its help and errors.
    parser = build_parser(argv[0] if argv and argv[0] in COMMANDS else None)
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_FILE
    try:
        return int(args.run(args) or 0)
    except PartnerkeuzeError as exc:
        for note in exc.notes:
            print(f"Let op: {note}", file=sys.stderr)
        problems = getattr(exc, "problems", None)
        if problems:
            for p in problems:
                print(str(p), file=sys.stderr)
            print(f"{len(problems)} probleem/problemen gevonden; "
                  f"{_what_changed() if _changed_files() else 'het bestand is niet gewijzigd.'}",
                  file=sys.stderr)
        else:
            print(f"Fout: {exc}", file=sys.stderr)
            if _changed_files():
                print(_what_changed(), file=sys.stderr)
        return exc.exit_code
    except OSError as exc:  # a file or network problem the command did not foresee
        from partnerkeuze.kernel.errors import os_reason

        where = exc.filename or "bestand"
        print(f"Fout: {where}: {os_reason(exc)}. {_what_changed()}", file=sys.stderr)
        return EXIT_FILE
    except MemoryError:
        print(f"Fout: te weinig geheugen voor deze werkmap. {_what_changed()}", file=sys.stderr)
        return EXIT_FILE
    except BrokenPipeError:  # the reader of our output went away (e.g. `| head`)
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except KeyboardInterrupt:
        print("Onderbroken.", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: say so plainly, keep the traceback for IT on demand
        if os.environ.get("PARTNERKEUZE_DEBUG"):
            raise
        print(f"Onverwachte fout ({type(exc).__name__}). {_what_changed()} "
              f"Zet PARTNERKEUZE_DEBUG=1 voor de technische details.", file=sys.stderr)
        return EXIT_FILE


def _changed_files() -> list:
    from partnerkeuze.io.saving import COMMITTED

    return list(COMMITTED)


def _what_changed() -> str:
    """'het bestand is niet gewijzigd' only when true; else the files this run replaced."""
    changed = _changed_files()
    if not changed:
        return "Er is niets gewijzigd."
    names = ", ".join(p.name for p in changed[:8]) + (" …" if len(changed) > 8 else "")
    return f"Wel gewijzigd of geschreven: {names}."
