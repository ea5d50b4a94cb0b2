"""A small interpreter for the add-in's VBA GetConfig, run on the source olevba reads back.

It executes the function's own statements (If/End If, #If/#End If, assignments, Exit Function)
with Python stand-ins for the helpers GetConfig calls (sheets, files, environment), so that the
test follows the lookup order the add-in really has, not a copy of it.
"""

from __future__ import annotations

import re

from runpython_cmd import split_args


def function_body(module: str, header: str) -> list[str]:
    """The statements of the function starting with `header` (without its first/last line)."""
    lines = module.replace("\r\n", "\n").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(header))
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("End Function"))
    return [line.split(" '")[0].strip() if not line.strip().startswith("'") else ""
            for line in lines[start + 1:end]]


def baked_values(config_module: str) -> dict[str, str]:
    """The Case lines of PartnerkeuzeConfig.BakedConfig: key -> value."""
    out = {}
    for m in re.finditer(r'^\s*Case "([A-Z_]+)": BakedConfig = "((?:[^"]|"")*)"\s*$',
                         config_module.replace("\r\n", "\n"), flags=re.MULTILINE):
        out[m.group(1)] = m.group(2).replace('""', '"')
    return out


class Sheet:
    """A conf sheet as GetConfigFromSheet returns it (Scripting.Dictionary, keys upper case)."""

    def __init__(self, values: dict):
        self.d = {k.upper(): v for k, v in values.items()}

    def Exists(self, key):  # noqa: N802 - VBA name
        return key in self.d

    def Item(self, key):  # noqa: N802 - VBA name
        return self.d.get(key, "")


def conf_file_lookup(text: str, key: str):
    """xlwings' GetConfigFromFile: 'Input #' of "name","value" pairs, first match by LCase."""
    for line in text.splitlines():
        m = re.match(r'^\s*"([^"]*)"\s*,\s*"([^"]*)"\s*$', line)
        if m and m.group(1).lower() == key.lower():
            return True, m.group(2)
    return False, ""


def get_config(body: list[str], key: str, *, workbook_sheet: dict | None, addin_sheet: dict | None,
               directory_file: str | None, user_file: str | None, baked: dict,
               default: str = "", source: str = "", workbook_saved: bool = True) -> str:
    """Run GetConfig(key, default, source) and return its value."""
    names = {"configKey": key, "default": default, "source": source, "configValue": "",
             "GetConfig": None, "PROJECT_NAME": "partnerkeuze", "App": "Microsoft Excel",
             "Application.Name": "Microsoft Excel", "True": True, "False": False}
    files = {"DIR": directory_file, "USER": user_file}
    sheets = {"ActiveWorkbook": workbook_sheet, "ThisWorkbook": addin_sheet}

    def from_file(which, k):
        found, value = conf_file_lookup(files[which] or "", k)
        if found:
            names["configValue"] = value
        return found

    funcs = {
        "SheetExists": lambda wb, name: sheets[wb] is not None,
        "GetConfigFromSheet": lambda wb: Sheet(sheets[wb]),
        "GetFullName": lambda wb: "C:\\werk\\oproep.xlsx" if workbook_saved else "",
        "FileExists": lambda path: files[path] is not None,
        "GetDirectoryConfigFilePath": lambda: "DIR",
        "GetConfigFilePath": lambda: "USER",
        "GetConfigFromFile": lambda path, k, _v: from_file(path, k),
        "ExpandEnvironmentStrings": lambda v: v,
        "CStr": lambda v: "" if v is None else str(v),
        "BakedConfig": lambda k: baked.get(k.upper(), ""),
        "InStr": lambda a, b: a.find(b) + 1,
        "GetDirectoryPath": lambda: "C:\\werk",
    }

    def ev(expr: str):
        expr = expr.strip()
        for op in (" Or ", " And "):
            parts = _split_top(expr, op)
            if len(parts) > 1:
                vals = [ev(p) for p in parts]
                return any(vals) if op == " Or " else all(vals)
        for op in ("<>", "="):
            parts = _split_top(expr, op)
            if len(parts) == 2:
                a, b = ev(parts[0]), ev(parts[1])
                return (a != b) if op == "<>" else (a == b)
        if expr.startswith('"') and expr.endswith('"'):
            return expr[1:-1].replace('""', '"')
        if expr.isdigit():
            return int(expr)
        if expr.endswith(".conf\"") and "&" in expr:
            return "partnerkeuze.conf"
        m = re.fullmatch(r"(\w+)\(([^()]*)\)\.(Exists|Item)\(([^()]*)\)", expr)
        if m:
            obj = funcs[m.group(1)](*[a.strip() for a in split_args(m.group(2))])
            return getattr(obj, m.group(3))(ev(m.group(4)))
        m = re.fullmatch(r"(\w+)\((.*)\)", expr)
        if m and m.group(1) in funcs:
            raw = [a for a in split_args(m.group(2)) if a] if m.group(2).strip() else []
            if m.group(1) in ("SheetExists", "GetConfigFromSheet", "GetFullName"):
                args = [raw[0]] + [ev(a) for a in raw[1:]]
            elif m.group(1) == "GetConfigFromFile":
                args = [ev(raw[0]), ev(raw[1]), None]
            else:
                args = [ev(a) for a in raw]
            return funcs[m.group(1)](*args)
        if expr in names:
            return names[expr]
        raise ValueError(f"cannot evaluate {expr!r}")

    stack: list[bool] = []  # for each open If: is its body running
    for line in preprocess(body):
        if not line or line.startswith("Dim "):
            continue
        running = all(stack)
        if line.startswith("If ") and line.endswith("Then"):
            cond = line.split(" ", 1)[1][:-4]
            stack.append(running and bool(ev(cond)) if running else False)
        elif line == "End If":
            stack.pop()
        elif line == "Else":
            outer = all(stack[:-1])
            stack[-1] = outer and not stack[-1]
        elif not running:
            continue
        elif line == "Exit Function":
            return names["GetConfig"]
        elif "=" in line:
            target, value = line.split("=", 1)
            names[target.strip()] = ev(value)
        else:
            raise ValueError(f"statement not understood: {line!r}")
    return names["GetConfig"]


def preprocess(body: list[str]) -> list[str]:
    """The lines VBA compiles in Excel on Windows: #If App = "Microsoft Excel" / #If Mac."""
    out, stack = [], []
    for line in body:
        if line.startswith("#If "):
            cond = line[4:-5].strip()
            stack.append(cond == 'App = "Microsoft Excel"')
        elif line == "#Else":
            stack[-1] = not stack[-1]
        elif line.startswith("#ElseIf"):
            stack[-1] = False
        elif line == "#End If":
            stack.pop()
        elif all(stack):
            out.append(line)
    return out


def _split_top(expr: str, op: str) -> list[str]:
    """Split expr at op outside quotes and parentheses."""
    parts, depth, quoted, i, start = [], 0, False, 0, 0
    while i < len(expr):
        ch = expr[i]
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch == "(":
            depth += 1
        elif not quoted and ch == ")":
            depth -= 1
        elif not quoted and depth == 0 and expr.startswith(op, i):
            if op in ("=",) and (expr[i - 1:i] in ("<", ">") or expr[i + 1:i + 2] == ">"):
                i += 1
                continue
            parts.append(expr[start:i])
            i += len(op)
            start = i
            continue
        i += 1
    parts.append(expr[start:])
    return parts
