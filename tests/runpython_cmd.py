"""The command line xlwings' RunPython builds for a ribbon click, evaluated from the VBA itself.

The VBA string expressions (literals, '&', variables, Chr(34), GetConfig(...)) are read from the
add-in's own modules and evaluated; the Windows command line is then split into arguments with
the Microsoft C runtime's rules, as cmd.exe and python.exe would on Windows.
"""

from __future__ import annotations

import re

TOKEN = re.compile(r'\s*(?:(?P<str>"(?:[^"]|"")*")|(?P<amp>&)|(?P<call>[A-Za-z_][\w.]*)\((?P<arg>[^()]*)\)'
                   r'|(?P<name>[A-Za-z_][\w.]*))')


def vba_eval(expr: str, names: dict, calls: dict) -> str:
    """Evaluate a VBA string concatenation expression."""
    out, pos = [], 0
    expr = expr.strip()
    while pos < len(expr):
        m = TOKEN.match(expr, pos)
        if not m or m.end() == pos:
            raise ValueError(f"cannot evaluate VBA near: {expr[pos:pos + 40]!r}")
        pos = m.end()
        if m.group("str"):
            out.append(m.group("str")[1:-1].replace('""', '"'))
        elif m.group("call"):
            fn, arg = m.group("call"), m.group("arg").strip()
            parts = split_args(arg)
            if len(parts) > 1:
                out.append(str(calls[fn](*(vba_eval(a, names, calls) for a in parts))))
                continue
            value = vba_eval(arg, names, calls) if not arg.isdigit() else int(arg)
            out.append(str(calls[fn](value)))
        elif m.group("name"):
            out.append(str(names[m.group("name")]))
    return "".join(out)


def split_args(text: str) -> list[str]:
    """The comma-separated arguments of a VBA call (commas inside string literals kept)."""
    parts, cur, quoted = [], [], False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch == "," and not quoted:
            parts.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur).strip())
    return parts


def statement(code: str, start: str, containing: str = "") -> str:
    """The rest of the first statement starting with `start` (continuations joined)."""
    lines = code.replace("\r\n", "\n").split("\n")
    for i, line in enumerate(lines):
        if line.strip().startswith(start) and containing in line:
            text = line.strip()
            while text.endswith(" _"):
                i += 1
                text = text[:-2] + " " + lines[i].strip()
            return text[len(start):]
    raise AssertionError(f"statement not found: {start}")


def windows_argv(cmdline: str) -> list[str]:
    """Split a command line into arguments like the Microsoft C runtime (CommandLineToArgvW)."""
    args, cur, in_quotes, have, i = [], [], False, False, 0
    while i < len(cmdline):
        ch = cmdline[i]
        if ch == "\\":
            n = 0
            while i < len(cmdline) and cmdline[i] == "\\":
                n += 1
                i += 1
            if i < len(cmdline) and cmdline[i] == '"':
                cur.append("\\" * (n // 2))
                if n % 2:
                    cur.append('"')
                    i += 1
            else:
                cur.append("\\" * n)
            have = True
            continue
        if ch == '"':
            if in_quotes and i + 1 < len(cmdline) and cmdline[i + 1] == '"':
                cur.append('"')
                i += 2
                continue
            in_quotes = not in_quotes
            have = True
        elif ch in " \t" and not in_quotes:
            if have:
                args.append("".join(cur))
            cur, have = [], False
        else:
            cur.append(ch)
            have = True
        i += 1
    if have:
        args.append("".join(cur))
    return args


def click_command(modules: dict[str, str], button_id: str, *, active: str, addin: str,
                  pythonpath: str, log: str = "xlwings.log") -> tuple[list[str], str]:
    """(argv, stderr file) of the process Excel on Windows starts for a click on a button."""
    ribbon = modules["PartnerkeuzeRibbon"]
    xlw = modules["xlwings"]
    addin_name = addin.replace("\\", "/").rsplit("/", 1)[-1]
    command = vba_eval(statement(ribbon, "RunPython "),
                       {"control.Id": button_id, "ThisWorkbook.Name": addin_name},
                       {"Replace": lambda text, old, new: text.replace(old, new)})
    config = {"PYTHONPATH": pythonpath}
    get_config = lambda key: config.get(key, "")  # noqa: E731
    pythonpath_value = vba_eval(
        statement(xlw, "PYTHONPATH = ", containing="_WIN"),
        {"AddExcelDir": "true", "ActiveFullName": active, "ThisFullName": addin},
        {"GetConfig": get_config})
    pythonpath_value = pythonpath_value.replace("&", "^&").replace("\\", "\\\\")
    run_command = vba_eval(statement(xlw, "RunCommand = ", containing="PythonInterpreter"),
                           {"CondaCmd": "", "PythonInterpreter": "python",
                            "PYTHONPATH": pythonpath_value, "PythonCommand": command}, {})
    names = {"DriveCommand": "", "RunCommand": run_command, "ActiveWorkbook.Name":
             active.replace("\\", "/").rsplit("/", 1)[-1], "Application.Path": "C:\\Office",
             "Application.Name": "Microsoft Excel", "Application.Hwnd": 4242, "LOG_FILE": log}
    run_arg = statement(xlw, "ExitCode = WScript.Run(").rsplit(",", 2)[0]
    full = vba_eval(run_arg, names, {"Chr": chr})
    assert full.startswith("cmd.exe /C ")
    full = full[len("cmd.exe /C "):]
    full, _, redirect = full.partition(" 2> ")
    return windows_argv(full), windows_argv(redirect)[0]
