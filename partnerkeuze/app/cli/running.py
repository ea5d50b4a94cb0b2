"""How a command-line command runs: through the pipeline (app/pipeline.py) on the workbook
file, its outcome printed in Dutch or as JSON. Exit 0 when it ran (warnings allowed); problems
and file errors are raised and become exit 1 or 2 in ``cli.main`` with nothing changed."""

from __future__ import annotations

from partnerkeuze.kernel.errors import EXIT_OK


def run_command(command: str, args, options: dict | None = None, *,
                as_json: bool = False) -> int:
    """Run a command on the workbook ``args.path`` and print its outcome."""
    from partnerkeuze.app.cli import progress_printer
    from partnerkeuze.app.cli.output import show
    from partnerkeuze.app.pipeline import run_file

    from partnerkeuze.kernel.errors import InputProblems

    try:
        outcome = run_file(command, args.path, options, progress_printer(quiet=as_json))
    except InputProblems as exc:
        if as_json:  # the refusal as JSON too (the problems are printed in Dutch as well)
            from partnerkeuze.app.cli.output import show_refusal

            show_refusal(command, args.path, exc.problems)
        raise
    show(outcome, as_json=as_json)
    return EXIT_OK


def add_out_command(sub, name: str, help_text: str, description: str, out_help: str) -> None:
    """Register a command ``NAME PATH --out DIR`` that writes documents or forms into DIR."""
    p = sub.add_parser(name, help=help_text, description=description)
    p.add_argument("path", metavar="PAD", help="de werkmap (.xlsx)")
    p.add_argument("--out", metavar="MAP", required=True, help=out_help)
    p.set_defaults(run=lambda args: run_command(name, args, {"out": args.out}))


def run_folder_command(command: str, args) -> int:
    """import or merge: read every form in ``args.folder``. Forms that cannot be read are named
    (each with its file) and the others are read and saved: exit 0. When nothing could be read
    and some forms had problems, nothing changed: exit 1."""
    import sys

    from partnerkeuze.app.cli import progress_printer
    from partnerkeuze.app.cli.output import show
    from partnerkeuze.app.pipeline import run_file
    from partnerkeuze.kernel.errors import EXIT_PROBLEMS

    options = {"folder": args.folder}
    if getattr(args, "reason", None):
        options["reason"] = args.reason
    outcome = run_file(command, args.path, options, progress_printer(quiet=args.json))
    show(outcome, as_json=args.json)
    problems = outcome.data.get("problems", [])
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        print(f"{len(problems)} formulier(en) of score(s) met problemen; "
              + ("de andere zijn ingelezen en bewaard." if outcome.changed else
                 "er is niets gewijzigd."), file=sys.stderr)
        return EXIT_OK if outcome.changed else EXIT_PROBLEMS
    return EXIT_OK
