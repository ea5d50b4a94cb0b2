"""partnerkeuze demo DIR: the demo workbook scored, with every document and the calendar."""

from __future__ import annotations


def add_parser(sub) -> None:
    """Register the command."""
    p = sub.add_parser("demo", help="bouw de demo: werkmap, documenten en kalender",
                       description="Bouw een demowerkmap in MAP, scoor ze en schrijf alle "
                                   "documenten, formulieren en de kalender.")
    p.add_argument("out", metavar="MAP", help="de map voor de demo")
    p.set_defaults(run=run)


def run(args) -> int:
    """Build the demo."""
    from partnerkeuze.app.demo import demo
    from partnerkeuze.app.cli import progress_printer
    from partnerkeuze.app.cli.output import show

    show(demo(args.out, progress_printer()))
    return 0
